import { afterAll, expect } from 'vitest';
import { currentStandIn } from './db';
import { databaseUrl } from '@/lib/env';

/**
 * Setup file of the remote run (vitest.remote.config.ts): a test file that opened a
 * database must have reached it over HTTP, through the stand-in, not as a local file.
 */
afterAll(() => {
  const standIn = currentStandIn();
  if (!standIn) return; // this file opened no test database
  expect(databaseUrl()).toBe(standIn.url);
  expect(standIn.stats.v2 + standIn.stats.v3).toBeGreaterThan(0);
});
