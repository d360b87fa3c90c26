import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeDb } from '@/lib/db/client';
import { GET } from '@/app/api/sehat/route';
import { freshDatabase } from '../support/db';

/** The health route a load balancer polls (and `npm run bench` uses as its floor). */

beforeAll(async () => {
  await freshDatabase();
});

afterAll(() => closeDb());

test('[SEHAT] answers 200 while the database answers, with nothing about the office in it', async () => {
  const response = await GET();
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('[SEHAT] answers 503 when the database cannot be reached', async () => {
  // A database file that cannot be opened: its folder is a file.
  process.env.DATABASE_URL = `file:${process.env.DATA_DIR}/wbs.db/inside.db`;
  const { resetEnvCache } = await import('@/lib/env');
  resetEnvCache();
  closeDb();
  const response = await GET();
  expect(response.status).toBe(503);
  expect(await response.json()).toEqual({ status: 'unavailable' });
});
