import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/lib/db/client';
import { rateLimits } from '@/lib/db/schema';
import { databaseUrl } from '@/lib/env';
import {
  consumeLimit,
  peekLimit,
  pruneRateLimits,
  resetLimit,
  STATUS_LOOKUP,
  type RateRule,
} from '@/lib/security/rate-limit';
import { freshDatabase } from '../support/db';

let db: Database;
let other: { client: import('@libsql/client').Client; db: Database };

const MINUTE = 60_000;
const rule = (limit: number, windowMs = 10 * MINUTE): RateRule => ({ bucket: `t-${randomUUID()}`, limit, windowMs });

beforeAll(async () => {
  ({ db } = await freshDatabase());
  // A second client on the same file: what a second app instance is.
  other = openDatabase(databaseUrl());
});
afterAll(() => other.client.close());

describe('consumeLimit (in the database)', () => {
  it('allows the limit, refuses the next with the time left, and counts nothing refused', async () => {
    const r = rule(3);
    const t0 = Date.UTC(2026, 4, 12, 3, 0, 0);
    for (let i = 0; i < 3; i++) expect((await consumeLimit(db, r, '203.0.113.7', { now: t0 + i * 1000 })).allowed).toBe(true);
    const refused = await consumeLimit(db, r, '203.0.113.7', { now: t0 + 3 * MINUTE });
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 7 * 60, remaining: 0 });
    const [row] = await db.select().from(rateLimits);
    expect(row.count).toBeLessThanOrEqual(3);
    // Another subject has its own window.
    expect((await consumeLimit(db, r, '198.51.100.1', { now: t0 })).allowed).toBe(true);
  });

  it('recovers when the window ends (injected clock)', async () => {
    const r = rule(2);
    const t0 = Date.UTC(2026, 4, 12, 4, 0, 0);
    await consumeLimit(db, r, 'c', { now: t0 });
    await consumeLimit(db, r, 'c', { now: t0 });
    expect((await consumeLimit(db, r, 'c', { now: t0 + 10 * MINUTE - 1 })).allowed).toBe(false);
    const after = await consumeLimit(db, r, 'c', { now: t0 + 10 * MINUTE });
    expect(after).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 1 });
    expect((await consumeLimit(db, r, 'c', { now: t0 + 10 * MINUTE })).allowed).toBe(true);
    expect((await consumeLimit(db, r, 'c', { now: t0 + 10 * MINUTE })).allowed).toBe(false);
  });

  it('counts across two database clients on one file (two app instances)', async () => {
    const r = rule(10);
    const results: boolean[] = [];
    for (let i = 0; i < 14; i++) results.push((await consumeLimit(i % 2 ? other.db : db, r, '203.0.113.7')).allowed);
    expect(results.filter(Boolean)).toHaveLength(10);
    expect(results.slice(10)).toEqual([false, false, false, false]);
  });

  it('never exceeds the limit under concurrent attempts from both instances', async () => {
    const r = rule(10);
    const all = await Promise.all(
      Array.from({ length: 40 }, (_, i) => consumeLimit(i % 2 ? other.db : db, r, 'flood')),
    );
    expect(all.filter((v) => v.allowed)).toHaveLength(10);
  });

  it('weighs attempts by cost (files, bytes) and refuses one that would not fit without using the rest', async () => {
    const r = rule(100);
    expect((await consumeLimit(db, r, 'case-1', { cost: 60 })).allowed).toBe(true);
    expect((await consumeLimit(db, r, 'case-1', { cost: 50 })).allowed).toBe(false);
    expect((await consumeLimit(db, r, 'case-1', { cost: 40 })).allowed).toBe(true);
    expect((await consumeLimit(db, r, 'case-1', { cost: 1 })).allowed).toBe(false);
    expect((await consumeLimit(db, r, 'case-2', { cost: 101 })).allowed).toBe(false);
  });

  it('peek counts nothing; reset forgets the window', async () => {
    const r = rule(2);
    expect((await peekLimit(db, r, 'p')).allowed).toBe(true);
    await consumeLimit(db, r, 'p');
    await consumeLimit(db, r, 'p');
    const peeked = await peekLimit(db, r, 'p');
    expect(peeked.allowed).toBe(false);
    expect(peeked.retryAfterSeconds).toBeGreaterThan(500);
    await resetLimit(db, r, 'p');
    expect((await peekLimit(db, r, 'p')).allowed).toBe(true);
  });

  it('raises limits by WBS_RATE_LIMIT_FACTOR (browser suites)', async () => {
    process.env.WBS_RATE_LIMIT_FACTOR = '3';
    try {
      const r = rule(2);
      const allowed = [];
      for (let i = 0; i < 8; i++) allowed.push((await consumeLimit(db, r, 'f')).allowed);
      expect(allowed.filter(Boolean)).toHaveLength(6);
    } finally {
      delete process.env.WBS_RATE_LIMIT_FACTOR;
    }
  });

  it('stores no address and prunes ended windows', async () => {
    const r = rule(5, MINUTE);
    const t0 = Date.now() + 3_600_000;
    await consumeLimit(db, r, '192.0.2.55', { now: t0 });
    const rows = await db.select().from(rateLimits);
    expect(JSON.stringify(rows)).not.toContain('192.0.2.55');
    expect(await pruneRateLimits(db, t0 + 2 * 24 * 3_600_000)).toBeGreaterThan(0);
    expect(await db.select().from(rateLimits)).toHaveLength(0);
  });

  it('refuses windows longer than a day (rows must expire within a day)', async () => {
    await expect(consumeLimit(db, { ...STATUS_LOOKUP, windowMs: 2 * 24 * 3_600_000 }, 'x')).rejects.toThrow(/window/);
  });
});
