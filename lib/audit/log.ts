/**
 * The audit log: append-only and hash-chained (DESIGN.md "Confidentiality and security"),
 * so a removed, edited or reordered row shows when the chain is verified.
 *
 * Each row stores `prevHash` (the previous row's `hash`; 64 zeros for the first row) and
 * `hash = sha256(prevHash + canonicalJson({ at, officerId, action, caseId, detail }))`,
 * `at` in unix seconds, keys sorted at every level so key order never changes a hash.
 * The id is left out on purpose: the chain, not the numbering, carries the order.
 *
 * Limits worth knowing: removing the newest rows (truncating the tail) leaves a valid
 * shorter chain; only a copy of a recent `lastHash` kept elsewhere shows that.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, is, lt, lte } from 'drizzle-orm';
import { SQLiteTransaction } from 'drizzle-orm/sqlite-core';
import type { Database, DbTransaction } from '@/lib/db/client';
import { auditCheckpoints, auditLog, type AuditRow } from '@/lib/db/schema';
import { secrets } from '@/lib/env';

export const GENESIS_HASH = '0'.repeat(64);

export type { DbTransaction } from '@/lib/db/client';

/** Ids, kinds, states, field names, counts: never what a person wrote or who they are. */
export type AuditDetailValue = string | number | boolean | null | readonly (string | number)[];
export type AuditDetail = Readonly<Record<string, AuditDetailValue>>;

export type AuditEntry = {
  /** Null for what the system does by itself (scheduled expiry, first start). */
  officerId: number | null;
  /** A dotted verb, e.g. 'case.move', 'identity.view', 'officer.create', 'settings.update'. */
  action: string;
  caseId?: number | null;
  /**
   * Context for the entry. It must never hold personal data or report content: no names,
   * phone numbers, addresses, email addresses, ticket codes, message or note text, file
   * names. Pass ids, kinds and field names instead (`{ from: 'verifying', to: 'rejected',
   * reason: 'duplikat' }`, `{ fields: ['officeName'] }`, `{ requestId: 12 }`). The log is
   * kept forever and its rows cannot be edited without breaking the chain, so personal
   * data written here could never be erased.
   */
  detail?: AuditDetail | null;
  /** Defaults to now; stored and hashed at whole-second precision. */
  at?: Date;
};

/** JSON with object keys sorted at every level; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`);
  return `{${entries.join(',')}}`;
}

type HashedFields = { at: Date; officerId: number | null; action: string; caseId: number | null; detail: unknown };

/** The hash of a row given the previous row's hash. */
export function auditHash(prevHash: string, row: HashedFields): string {
  const body = canonicalJson({
    at: Math.floor(row.at.getTime() / 1000),
    officerId: row.officerId,
    action: row.action,
    caseId: row.caseId,
    detail: row.detail ?? null,
  });
  return createHash('sha256').update(prevHash + body).digest('hex');
}


async function appendWithin(tx: Database | DbTransaction, entry: AuditEntry): Promise<AuditRow> {
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
    // Whole seconds, as the column stores them, so the hash verifies after a round trip.
    at: new Date(Math.floor((entry.at ?? new Date()).getTime() / 1000) * 1000),
    officerId: entry.officerId ?? null,
    action: entry.action,
    caseId: entry.caseId ?? null,
    // Through JSON once, so what is hashed is exactly what the JSON column gives back.
    detail: entry.detail == null ? null : JSON.parse(JSON.stringify(entry.detail)),
  };
  const [row] = await tx
    .insert(auditLog)
    .values({ ...fields, prevHash, hash: auditHash(prevHash, fields) })
    .returning();
  return row;
}

/**
 * Appends one entry to the audit log and returns the stored row.
 *
 * Pass the transaction (`tx`) when the audited change is written in one, so the entry
 * commits or rolls back with it; its write lock (libSQL transactions begin IMMEDIATE)
 * also keeps the read-last-hash-then-insert from forking the chain. Given the database
 * itself, the append runs in its own transaction. Never pass `db` while holding a
 * transaction on it: the append would wait for a lock its own caller holds.
 *
 * `entry.detail` must not contain personal data or report content; see AuditEntry.
 */
export async function appendAudit(dbOrTx: Database | DbTransaction, entry: AuditEntry): Promise<AuditRow> {
  if (is(dbOrTx, SQLiteTransaction)) return appendWithin(dbOrTx, entry);
  const db = dbOrTx as Database;
  // db.transaction is queued per process (lib/db/client.ts), so appends never race.
  return db.transaction((tx) => appendWithin(tx, entry));
}

export type AuditChainResult =
  | { intact: true; rows: number; lastHash: string }
  | { intact: false; brokenAtId: number; reason: 'edited' | 'removed' | 'reordered' };

const VERIFY_BATCH = 500;

type ChainStart = { id: number; hash: string };
type WalkResult =
  | { intact: true; rows: number; last: ChainStart; complete: boolean }
  | { intact: false; brokenAtId: number; reason: 'edited' | 'removed' | 'reordered' };

/**
 * Recomputes the chain from `start` (the genesis, or a verified checkpoint) for at most
 * `maxRows` rows. The place of the first break is certain; its reason is the best
 * reading of the evidence: a row whose content no longer matches its hash was 'edited';
 * a broken link after a gap in the ids means rows were 'removed'; a link that points at
 * a row elsewhere in the log means rows were 'reordered'; a broken link with neither
 * means the previous row was edited and its hash recomputed.
 */
async function walkChain(db: Pick<Database, 'select'>, start: ChainStart, maxRows = Infinity): Promise<WalkResult> {
  let prev = start;
  let rows = 0;
  for (;;) {
    const want = Math.min(VERIFY_BATCH, maxRows - rows);
    if (want <= 0) {
      const [more] = await db.select({ id: auditLog.id }).from(auditLog).where(gt(auditLog.id, prev.id)).limit(1);
      return { intact: true, rows, last: prev, complete: !more };
    }
    const batch = await db.select().from(auditLog).where(gt(auditLog.id, prev.id)).orderBy(auditLog.id).limit(want);
    for (const row of batch) {
      if (row.prevHash !== prev.hash) {
        if (row.id !== prev.id + 1) return { intact: false, brokenAtId: row.id, reason: 'removed' };
        const [elsewhere] = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.hash, row.prevHash)).limit(1);
        if (elsewhere) return { intact: false, brokenAtId: row.id, reason: 'reordered' };
        return { intact: false, brokenAtId: prev.id || row.id, reason: 'edited' };
      }
      if (auditHash(row.prevHash, row) !== row.hash) return { intact: false, brokenAtId: row.id, reason: 'edited' };
      prev = { id: row.id, hash: row.hash };
      rows += 1;
    }
    if (batch.length < want) return { intact: true, rows, last: prev, complete: true };
  }
}

/**
 * Walks the whole log by id and recomputes the chain: the full verification (tests,
 * `npm run audit:verify`, the audit page on request). Its cost grows with the log.
 * `lastHash` is worth noting down outside the database: it is what shows a cut-off tail.
 */
export async function verifyAuditChain(db: Pick<Database, 'select'>): Promise<AuditChainResult> {
  const walked = await walkChain(db, { id: 0, hash: GENESIS_HASH });
  return walked.intact ? { intact: true, rows: walked.rows, lastHash: walked.last.hash } : walked;
}

/**
 * The full verification, and a checkpoint at its end when the whole chain is intact, so
 * the views that follow start from there (the audit page on request, `npm run audit:verify`).
 */
export async function verifyAuditChainAndCheckpoint(db: Database): Promise<AuditChainResult> {
  const walked = await walkChain(db, { id: 0, hash: GENESIS_HASH });
  if (!walked.intact) return walked;
  if (walked.rows > 0) await writeCheckpoint(db, walked.last, walked.rows);
  return { intact: true, rows: walked.rows, lastHash: walked.last.hash };
}

async function writeCheckpoint(db: Database, last: ChainStart, rows: number): Promise<void> {
  await db.insert(auditCheckpoints).values({ lastId: last.id, lastHash: last.hash, rows, mac: checkpointMac(last.id, last.hash, rows) });
}

/** The keyed MAC of a checkpoint: only the app (holding AUTH_SECRET) can write a valid one. */
export function checkpointMac(lastId: number, lastHash: string, rows: number): string {
  return createHmac('sha256', secrets().AUTH_SECRET).update(`wbs-audit-checkpoint:${lastId}:${lastHash}:${rows}`).digest('hex');
}

function macMatches(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(actual, 'hex');
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

/** The newest checkpoint with a valid MAC whose row still carries the recorded hash, or the genesis. */
async function latestCheckpoint(db: Pick<Database, 'select'>): Promise<{ id: number; hash: string; rows: number }> {
  const candidates = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.lastId)).limit(5);
  for (const cp of candidates) {
    if (!macMatches(checkpointMac(cp.lastId, cp.lastHash, cp.rows), cp.mac)) continue;
    return { id: cp.lastId, hash: cp.lastHash, rows: cp.rows };
  }
  return { id: 0, hash: GENESIS_HASH, rows: 0 };
}

export type IncrementalChainResult = AuditChainResult & {
  /** Rows recomputed by this call: those after the checkpoint (at most `maxRows`). */
  checkedRows?: number;
  /** The checkpoint this call started from (0: the genesis). */
  fromId?: number;
  /** Rows after the checkpoint left for the next call, when more than `maxRows` had accumulated. */
  pending?: boolean;
};

/** Most rows one incremental check recomputes (the cost of one audit page view). */
export const INCREMENTAL_MAX_ROWS = 5_000;

/**
 * Verifies the chain from the newest verified checkpoint on, and records a new
 * checkpoint at the last row found intact: each call costs the rows appended since the
 * previous one (at most `maxRows`), not the length of the log. Trusts what earlier
 * verifications recorded, so a row changed before the checkpoint is found by the full
 * verification (verifyAuditChain) or by verifyAuditRows on the page that shows it. The
 * checkpoint's own row is re-read, so rewriting the row a checkpoint points at shows.
 */
export async function verifyAuditChainIncrementally(
  db: Database,
  options: { maxRows?: number } = {},
): Promise<IncrementalChainResult> {
  const start = await latestCheckpoint(db);
  if (start.id > 0) {
    const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.id, start.id)).limit(1);
    if (!row) return { intact: false, brokenAtId: start.id, reason: 'removed', fromId: start.id };
    if (row.hash !== start.hash) return { intact: false, brokenAtId: start.id, reason: 'edited', fromId: start.id };
  }
  const walked = await walkChain(db, { id: start.id, hash: start.hash }, options.maxRows ?? INCREMENTAL_MAX_ROWS);
  if (!walked.intact) return { ...walked, fromId: start.id };
  const rows = start.rows + walked.rows;
  if (walked.rows > 0) await writeCheckpoint(db, walked.last, rows);
  return { intact: true, rows, lastHash: walked.last.hash, checkedRows: walked.rows, fromId: start.id, pending: !walked.complete };
}

/**
 * Checks the rows an admin is looking at, wherever they are in the log: each row's hash
 * against its content, and its link to the row before it (ids `fromId`…`toId`).
 */
export async function verifyAuditRows(db: Pick<Database, 'select'>, fromId: number, toId: number): Promise<AuditChainResult | null> {
  if (toId < fromId) return null;
  const [before] = await db.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).where(lt(auditLog.id, fromId)).orderBy(desc(auditLog.id)).limit(1);
  const start: ChainStart = before ?? { id: 0, hash: GENESIS_HASH };
  // A gap just before the page is a removal too; walkChain sees it from `start`.
  const count = (await db.select({ id: auditLog.id }).from(auditLog).where(and(gt(auditLog.id, start.id), lte(auditLog.id, toId)))).length;
  const walked = await walkChain(db, start, count);
  return walked.intact ? null : walked;
}

export type AuditPage = { rows: AuditRow[]; nextBeforeId: number | null };

/**
 * One page of the log, newest first, for the admin page: keyset-paginated on the id, so
 * every page is one indexed read however long the log grows. Pass the previous page's
 * `nextBeforeId` as `beforeId`; it is null on the last page.
 */
export async function listAudit(
  db: Pick<Database, 'select'>,
  options: { beforeId?: number | null; limit: number },
): Promise<AuditPage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit) || 1, 1), 200);
  const rows = await db
    .select()
    .from(auditLog)
    .where(options.beforeId != null ? lt(auditLog.id, options.beforeId) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  return { rows: page, nextBeforeId: hasMore ? page[page.length - 1].id : null };
}
