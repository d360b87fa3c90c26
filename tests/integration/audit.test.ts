import { count, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  appendAudit,
  auditHash,
  canonicalJson,
  checkpointMac,
  listAudit,
  verifyAuditChain,
  verifyAuditChainIncrementally,
  verifyAuditRows,
} from '@/lib/audit/log';
import type { Database } from '@/lib/db/client';
import { auditCheckpoints, auditLog } from '@/lib/db/schema';
import { freshDatabase } from '../support/db';

let db: Database;

beforeAll(async () => {
  ({ db } = await freshDatabase());
});

// Tests tamper with the log on purpose; each starts from an empty one, ids from 1.
beforeEach(async () => {
  await db.run(sql`DELETE FROM audit_log`);
  await db.run(sql`DELETE FROM sqlite_sequence WHERE name = 'audit_log'`);
  await db.run(sql`DELETE FROM audit_checkpoints`);
});

async function appendMany(n: number) {
  for (let i = 1; i <= n; i += 1) {
    await appendAudit(db, {
      officerId: (i % 3) + 1,
      action: i % 2 ? 'case.move' : 'identity.view',
      caseId: i,
      detail: { from: 'verifying', to: 'investigating', seq: i },
      at: new Date(Date.UTC(2026, 2, 2, 2, 0, i)),
    });
  }
}

async function rowCount() {
  const [{ n }] = await db.select({ n: count() }).from(auditLog);
  return n;
}

describe('audit log hash chain', () => {
  it('a chain of 50 appends is intact and linked from the genesis hash', async () => {
    await appendMany(50);
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ intact: true, rows: 50 });
    const rows = await db.select().from(auditLog).orderBy(auditLog.id);
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(result.intact && result.lastHash).toBe(rows[49].hash);
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an empty log is intact', async () => {
    expect(await verifyAuditChain(db)).toEqual({ intact: true, rows: 0, lastHash: GENESIS_HASH });
  });

  it('hashes do not depend on key order, and do depend on every field', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    const base = { at: new Date('2026-03-02T02:00:00Z'), officerId: 1, action: 'case.move', caseId: 7, detail: { a: 1, b: 2 } };
    const h = auditHash(GENESIS_HASH, base);
    expect(auditHash(GENESIS_HASH, { ...base, detail: { b: 2, a: 1 } })).toBe(h);
    expect(auditHash(GENESIS_HASH, { ...base, detail: { a: 1, b: 3 } })).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...base, officerId: 2 })).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...base, caseId: null })).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...base, at: new Date('2026-03-02T02:00:01Z') })).not.toBe(h);
    expect(auditHash('1'.repeat(64), base)).not.toBe(h);
  });

  it('an edited detail is detected at that row', async () => {
    await appendMany(10);
    await db.run(sql`UPDATE audit_log SET detail = '{"from":"verifying","to":"rejected","seq":4}' WHERE id = 4`);
    expect(await verifyAuditChain(db)).toEqual({ intact: false, brokenAtId: 4, reason: 'edited' });
  });

  it('an edited action, officer or time is detected at that row', async () => {
    await appendMany(10);
    await db.run(sql`UPDATE audit_log SET action = 'case.view' WHERE id = 7`);
    expect(await verifyAuditChain(db)).toEqual({ intact: false, brokenAtId: 7, reason: 'edited' });
    await db.run(sql`UPDATE audit_log SET officer_id = 99 WHERE id = 2`);
    expect(await verifyAuditChain(db)).toEqual({ intact: false, brokenAtId: 2, reason: 'edited' });
  });

  it('a detail rewritten with its keys in another order is not an edit', async () => {
    await appendMany(5);
    await db.run(sql`UPDATE audit_log SET detail = '{"seq":3,"to":"investigating","from":"verifying"}' WHERE id = 3`);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true, rows: 5 });
  });

  it('an edited row with a recomputed hash still shows, at that row', async () => {
    await appendMany(10);
    const [row] = await db.select().from(auditLog).where(sql`id = 5`);
    const forged = { ...row, detail: { from: 'verifying', to: 'rejected', seq: 5 } };
    await db.run(
      sql`UPDATE audit_log SET detail = ${JSON.stringify(forged.detail)}, hash = ${auditHash(row.prevHash, forged)} WHERE id = 5`,
    );
    expect(await verifyAuditChain(db)).toEqual({ intact: false, brokenAtId: 5, reason: 'edited' });
  });

  it('a deleted middle row is detected', async () => {
    await appendMany(20);
    await db.run(sql`DELETE FROM audit_log WHERE id = 11`);
    expect(await verifyAuditChain(db)).toEqual({ intact: false, brokenAtId: 12, reason: 'removed' });
  });

  it('a deleted first row is detected', async () => {
    await appendMany(5);
    await db.run(sql`DELETE FROM audit_log WHERE id = 1`);
    expect(await verifyAuditChain(db)).toEqual({ intact: false, brokenAtId: 2, reason: 'removed' });
  });

  it('two rows swapped are detected as reordered', async () => {
    await appendMany(6);
    await db.run(sql`UPDATE audit_log SET id = 100 WHERE id = 3`);
    await db.run(sql`UPDATE audit_log SET id = 3 WHERE id = 4`);
    await db.run(sql`UPDATE audit_log SET id = 4 WHERE id = 100`);
    expect(await verifyAuditChain(db)).toEqual({ intact: false, brokenAtId: 3, reason: 'reordered' });
  });

  it('verifies logs longer than one read batch', async () => {
    const values = [];
    let prevHash = GENESIS_HASH;
    for (let i = 1; i <= 1203; i += 1) {
      const fields = { at: new Date(Date.UTC(2026, 0, 1) + i * 1000), officerId: 1, action: 'case.view', caseId: i, detail: null };
      const hash = auditHash(prevHash, fields);
      values.push({ ...fields, prevHash, hash });
      prevHash = hash;
    }
    for (let i = 0; i < values.length; i += 200) await db.insert(auditLog).values(values.slice(i, i + 200));
    expect(await verifyAuditChain(db)).toEqual({ intact: true, rows: 1203, lastHash: prevHash });
    await db.run(sql`UPDATE audit_log SET case_id = 1 WHERE id = 1101`);
    expect(await verifyAuditChain(db)).toEqual({ intact: false, brokenAtId: 1101, reason: 'edited' });
  });
});

describe('verified checkpoints', () => {
  it('each check recomputes only the rows appended since the last checkpoint', async () => {
    await appendMany(30);
    expect(await verifyAuditChainIncrementally(db)).toMatchObject({ intact: true, rows: 30, checkedRows: 30, fromId: 0 });
    await appendMany(5);
    const second = await verifyAuditChainIncrementally(db);
    expect(second).toMatchObject({ intact: true, rows: 35, checkedRows: 5, fromId: 30, pending: false });
    expect(second.intact && second.lastHash).toBe((await verifyAuditChain(db)).intact && (await verifyAuditChain(db) as { lastHash: string }).lastHash);
    expect(await verifyAuditChainIncrementally(db)).toMatchObject({ intact: true, rows: 35, checkedRows: 0 });
  });

  it('a backlog larger than one check is worked off over several checks', async () => {
    await appendMany(25);
    expect(await verifyAuditChainIncrementally(db, { maxRows: 10 })).toMatchObject({ intact: true, checkedRows: 10, pending: true });
    expect(await verifyAuditChainIncrementally(db, { maxRows: 10 })).toMatchObject({ intact: true, checkedRows: 10, fromId: 10, pending: true });
    expect(await verifyAuditChainIncrementally(db, { maxRows: 10 })).toMatchObject({ intact: true, rows: 25, checkedRows: 5, pending: false });
  });

  it('an edit after the checkpoint is found by the next check', async () => {
    await appendMany(10);
    await verifyAuditChainIncrementally(db);
    await appendMany(5);
    await db.run(sql`UPDATE audit_log SET action = 'x' WHERE id = 13`);
    expect(await verifyAuditChainIncrementally(db)).toMatchObject({ intact: false, brokenAtId: 13, reason: 'edited' });
  });

  it('an edit before the checkpoint is found by the full verification and on the page that shows it', async () => {
    await appendMany(40);
    await verifyAuditChainIncrementally(db);
    await db.run(sql`UPDATE audit_log SET detail = '{"seq":0}' WHERE id = 7`);
    // The bounded check trusts the checkpoint…
    expect(await verifyAuditChainIncrementally(db)).toMatchObject({ intact: true });
    // …the rows on screen are always recomputed, and the full verification reads everything.
    expect(await verifyAuditRows(db, 1, 10)).toEqual({ intact: false, brokenAtId: 7, reason: 'edited' });
    expect(await verifyAuditRows(db, 11, 20)).toBeNull();
    expect(await verifyAuditChain(db)).toEqual({ intact: false, brokenAtId: 7, reason: 'edited' });
  });

  it('rows removed just before a page show on that page', async () => {
    await appendMany(20);
    await db.run(sql`DELETE FROM audit_log WHERE id IN (9, 10)`);
    expect(await verifyAuditRows(db, 11, 20)).toEqual({ intact: false, brokenAtId: 11, reason: 'removed' });
  });

  it('rewriting the checkpointed row, or forging a checkpoint without the key, does not pass', async () => {
    await appendMany(12);
    await verifyAuditChainIncrementally(db);
    await db.run(sql`UPDATE audit_log SET hash = ${'f'.repeat(64)} WHERE id = 12`);
    expect(await verifyAuditChainIncrementally(db)).toMatchObject({ intact: false, brokenAtId: 12, reason: 'edited' });

    await db.run(sql`DELETE FROM audit_log`);
    await db.run(sql`DELETE FROM sqlite_sequence WHERE name = 'audit_log'`);
    await db.run(sql`DELETE FROM audit_checkpoints`);
    await appendMany(12);
    await db.run(sql`UPDATE audit_log SET action = 'x' WHERE id = 3`);
    // A checkpoint past the edit, written straight into the database without the server key.
    const [row12] = await db.select().from(auditLog).where(sql`id = 12`);
    await db.insert(auditCheckpoints).values({ lastId: 12, lastHash: row12.hash, rows: 12, mac: 'ab'.repeat(32) });
    expect(await verifyAuditChainIncrementally(db)).toMatchObject({ intact: false, brokenAtId: 3, fromId: 0 });
    expect(checkpointMac(12, row12.hash, 12)).not.toBe('ab'.repeat(32));
  });
});

describe('appendAudit in transactions', () => {
  it('commits with the caller\u2019s transaction', async () => {
    await appendMany(2);
    await db.transaction(async (tx) => {
      await appendAudit(tx, { officerId: 1, action: 'case.move', caseId: 3, detail: { to: 'verifying' } });
      await appendAudit(tx, { officerId: 1, action: 'email.enqueue', caseId: 3 });
    });
    expect(await rowCount()).toBe(4);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true, rows: 4 });
  });

  it('an append inside a rolled-back transaction leaves no row', async () => {
    await appendMany(3);
    await expect(
      db.transaction(async (tx) => {
        await appendAudit(tx, { officerId: 1, action: 'case.move', caseId: 1, detail: { to: 'rejected' } });
        throw new Error('the audited change failed');
      }),
    ).rejects.toThrow('the audited change failed');
    expect(await rowCount()).toBe(3);
    await appendAudit(db, { officerId: 2, action: 'case.view', caseId: 1 });
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true, rows: 4 });
  });

  it('20 concurrent appends keep one unforked chain', async () => {
    await appendMany(1);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => appendAudit(db, { officerId: 1, action: 'case.view', caseId: i + 1 })),
    );
    expect(await rowCount()).toBe(21);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true, rows: 21 });
    const prevHashes = (await db.select({ p: auditLog.prevHash }).from(auditLog)).map((r) => r.p);
    expect(new Set(prevHashes).size).toBe(21);
  });

  it('stores whole seconds and nulls for what was not given', async () => {
    const row = await appendAudit(db, { officerId: null, action: 'system.start', at: new Date('2026-03-02T02:00:00.987Z') });
    expect(row).toMatchObject({ officerId: null, caseId: null, detail: null });
    expect(row.at).toEqual(new Date('2026-03-02T02:00:00Z'));
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true, rows: 1 });
  });
});

describe('listAudit', () => {
  it('pages newest first by id, with a cursor until the last page', async () => {
    await appendMany(25);
    const first = await listAudit(db, { limit: 10 });
    expect(first.rows.map((r) => r.id)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    expect(first.nextBeforeId).toBe(16);
    const second = await listAudit(db, { beforeId: first.nextBeforeId, limit: 10 });
    expect(second.rows[0].id).toBe(15);
    const last = await listAudit(db, { beforeId: second.nextBeforeId, limit: 10 });
    expect(last.rows.map((r) => r.id)).toEqual([5, 4, 3, 2, 1]);
    expect(last.nextBeforeId).toBeNull();
    expect((await listAudit(db, { limit: 25 })).nextBeforeId).toBeNull();
  });
});
