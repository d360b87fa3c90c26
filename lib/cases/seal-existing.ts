import { and, asc, eq, getTableName, isNull, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Database, DbTransaction } from '@/lib/db/client';
import {
  attachments,
  caseEvents,
  caseKeys,
  cases,
  caseRecusals,
  identityRequests,
  infoRequests,
  messages,
  reportedParties,
  summons,
  summonsResponses,
} from '@/lib/db/schema';
import { dataKey, databaseUrl } from '@/lib/env';
import { createCaseKey, loadCaseCipher, type CaseCipher } from './case-crypto';
import { openLegacyIdentity } from './reporter-identity';
import { decryptJson } from '@/lib/crypto/aead';
import { fileHashKey, keyedFileHash } from '@/lib/crypto/case-keys';
import { getBlobStore, type BlobStore } from '@/lib/storage';

/**
 * The data migration to envelope encryption, run by scripts/prepare.ts before the app
 * starts. Rows written before encryption have `sealed = 0`; each batch encrypts some
 * of them in place and marks them sealed, guarded by `sealed = 0`, so an interrupted
 * run resumes where it stopped and two instances starting at once do no harm. The app
 * refuses to start while any row is left (assertFullySealed).
 */

type Db = Database | DbTransaction;

/** Text columns encrypted under the case key, per table (the schema test checks this list). */
export const SEALED_TEXT_COLUMNS = {
  cases: [
    cases.what,
    cases.whereText,
    cases.whenText,
    cases.whoText,
    cases.howText,
    cases.outcomeSummary,
    cases.referredTo,
    cases.reporterIdentityEnc,
  ],
  reported_parties: [reportedParties.name, reportedParties.position, reportedParties.workUnit],
  messages: [messages.body],
  info_requests: [infoRequests.questions],
  summons: [summons.personName, summons.place, summons.agenda, summons.minutes, summons.statusReason],
  summons_responses: [summonsResponses.body],
  case_events: [caseEvents.internalNote, caseEvents.publicNote],
  identity_requests: [identityRequests.reason],
  case_recusals: [caseRecusals.reason],
  /** Sealed by sealAttachmentsBatch, bound to the storage key; the file bytes too. */
  attachments: [attachments.fileNameEnc],
} satisfies Record<string, SQLiteColumn[]>;

type Spec = {
  name: keyof typeof SEALED_TEXT_COLUMNS;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  table: any;
  caseIdColumn: SQLiteColumn;
};

const SPECS: Spec[] = [
  { name: 'cases', table: cases, caseIdColumn: cases.id },
  { name: 'reported_parties', table: reportedParties, caseIdColumn: reportedParties.caseId },
  { name: 'messages', table: messages, caseIdColumn: messages.caseId },
  { name: 'info_requests', table: infoRequests, caseIdColumn: infoRequests.caseId },
  { name: 'summons', table: summons, caseIdColumn: summons.caseId },
  { name: 'summons_responses', table: summonsResponses, caseIdColumn: summonsResponses.caseId },
  { name: 'case_events', table: caseEvents, caseIdColumn: caseEvents.caseId },
  { name: 'identity_requests', table: identityRequests, caseIdColumn: identityRequests.caseId },
  { name: 'case_recusals', table: caseRecusals, caseIdColumn: caseRecusals.caseId },
];

/** The drizzle property name of a column in its table object. */
function propertyOf(table: Record<string, unknown>, column: SQLiteColumn): string {
  const entry = Object.entries(table).find(([, value]) => value === column);
  if (!entry) throw new Error(`column ${column.name} not found`);
  return entry[0];
}

/** Gives every case without a data key one (batch by batch). Returns how many were created. */
async function createMissingKeys(db: Database, batchSize: number): Promise<number> {
  let created = 0;
  for (;;) {
    const missing = await db
      .select({ id: cases.id })
      .from(cases)
      .leftJoin(caseKeys, eq(caseKeys.caseId, cases.id))
      .where(isNull(caseKeys.caseId))
      .orderBy(asc(cases.id))
      .limit(batchSize);
    if (missing.length === 0) return created;
    await db.transaction(async (tx) => {
      for (const { id } of missing) {
        const [exists] = await tx.select({ id: caseKeys.caseId }).from(caseKeys).where(eq(caseKeys.caseId, id));
        if (!exists) await createCaseKey(tx, id);
      }
    });
    created += missing.length;
  }
}

async function sealBatch(db: Database, spec: Spec, batchSize: number, ciphers: Map<number, CaseCipher>): Promise<number> {
  const columns = SEALED_TEXT_COLUMNS[spec.name] as SQLiteColumn[];
  const selection: Record<string, SQLiteColumn> = { id: spec.table.id, caseId: spec.caseIdColumn };
  for (const column of columns) selection[propertyOf(spec.table, column)] = column;
  if (spec.table === cases) selection.ticketHash = cases.ticketHash;
  const rows = (await db
    .select(selection)
    .from(spec.table)
    .where(eq(spec.table.sealed, false))
    .orderBy(asc(spec.table.id))
    .limit(batchSize)) as Record<string, unknown>[];
  if (rows.length === 0) return 0;
  await db.transaction(async (tx) => {
    for (const row of rows) {
      const caseId = row.caseId as number;
      let cipher = ciphers.get(caseId);
      if (!cipher) {
        cipher = await loadCaseCipher(tx, caseId);
        ciphers.set(caseId, cipher);
      }
      const set: Record<string, unknown> = { sealed: true };
      for (const column of columns) {
        const property = propertyOf(spec.table, column);
        let clear = row[property] as string | null;
        // The identity was already sealed, by the master key alone: open it to re-seal.
        if (column === cases.reporterIdentityEnc && clear !== null) clear = openLegacyIdentity(clear, dataKey(), row.ticketHash as string);
        set[property] = cipher.seal(column, row.id as number, clear);
      }
      await tx
        .update(spec.table)
        .set(set)
        .where(and(eq(spec.table.id, row.id as number), eq(spec.table.sealed, false)));
    }
  });
  return rows.length;
}

/**
 * The clear values just replaced may survive in free pages of the database file and in
 * old WAL frames: rebuild the file and empty the WAL, so nothing readable is left behind.
 */
async function compact(db: Database): Promise<void> {
  if (!databaseUrl().startsWith('file:')) return; // a libSQL server manages its own storage
  await db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
  await db.run(sql`VACUUM`);
  await db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
}

/**
 * Attachments from before: the file is re-encrypted from the master key to the case key
 * (same storage key, written atomically), its hash recomputed as a keyed hash, and its
 * name re-sealed. The file is rewritten before the row is marked, so a run interrupted
 * in between finds the file already under the case key and simply finishes the row.
 */
async function sealAttachmentsBatch(db: Database, store: BlobStore, batchSize: number, ciphers: Map<number, CaseCipher>): Promise<number> {
  const rows = await db
    .select({ id: attachments.id, caseId: attachments.caseId, storageKey: attachments.storageKey, fileNameEnc: attachments.fileNameEnc })
    .from(attachments)
    .where(eq(attachments.sealed, false))
    .orderBy(asc(attachments.id))
    .limit(batchSize);
  for (const row of rows) {
    let cipher = ciphers.get(row.caseId);
    if (!cipher) ciphers.set(row.caseId, (cipher = await loadCaseCipher(db, row.caseId)));
    let bytes: Buffer | null;
    try {
      bytes = await store.get(row.storageKey, dataKey());
      await store.put(row.storageKey, bytes, cipher.fileKey());
    } catch {
      // Already moved to the case key by an interrupted run, or missing from storage.
      bytes = await store.get(row.storageKey, cipher.fileKey()).catch(() => null);
    }
    const fileName = decryptJson<string>(row.fileNameEnc, dataKey(), `filename:${row.storageKey}`);
    await db
      .update(attachments)
      .set({
        fileNameEnc: cipher.seal(attachments.fileNameEnc, row.storageKey, fileName),
        // A file missing from storage keeps no hash that could identify it.
        sha256: bytes ? keyedFileHash(bytes, fileHashKey(cipher.fileKey())) : 'unavailable',
        sealed: true,
      })
      .where(and(eq(attachments.id, row.id), eq(attachments.sealed, false)));
  }
  return rows.length;
}

export type SealProgress = { keysCreated: number; rowsSealed: Record<string, number> };

/**
 * Encrypts every row still in clear. Idempotent and resumable: each batch commits on its
 * own. `onBatch` (tests) runs after each committed batch and may throw to simulate a crash.
 */
export async function sealExistingRows(
  db: Database,
  options: { batchSize?: number; onBatch?: (table: string, rows: number) => void; store?: BlobStore } = {},
): Promise<SealProgress> {
  const batchSize = options.batchSize ?? 200;
  const progress: SealProgress = { keysCreated: await createMissingKeys(db, batchSize), rowsSealed: {} };
  const ciphers = new Map<number, CaseCipher>();
  for (const spec of SPECS) {
    let total = 0;
    for (;;) {
      const sealed = await sealBatch(db, spec, batchSize, ciphers);
      if (sealed === 0) break;
      total += sealed;
      options.onBatch?.(spec.name, sealed);
    }
    if (total > 0) progress.rowsSealed[spec.name] = total;
  }
  const store = options.store ?? getBlobStore();
  let files = 0;
  for (;;) {
    const sealed = await sealAttachmentsBatch(db, store, batchSize, ciphers);
    if (sealed === 0) break;
    files += sealed;
    options.onBatch?.('attachments', sealed);
  }
  if (files > 0) progress.rowsSealed.attachments = files;
  if (Object.keys(progress.rowsSealed).length > 0) await compact(db);
  return progress;
}

/** Rows still in clear (and cases without a key), per table; empty when fully migrated. */
export async function unsealedCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const [withoutKey] = await db
    .select({ n: sql<number>`count(*)` })
    .from(cases)
    .leftJoin(caseKeys, eq(caseKeys.caseId, cases.id))
    .where(isNull(caseKeys.caseId));
  if (withoutKey.n > 0) counts.case_keys = withoutKey.n;
  for (const table of [...SPECS.map((spec) => spec.table), attachments]) {
    const [row] = await db.select({ n: sql<number>`count(*)` }).from(table).where(eq(table.sealed, false));
    if (row.n > 0) counts[getTableName(table)] = row.n;
  }
  return counts;
}

/** Throws a plain message when any content is still stored in clear. */
export async function assertFullySealed(db: Db): Promise<void> {
  const counts = await unsealedCounts(db);
  const left = Object.entries(counts);
  if (left.length === 0) return;
  throw new Error(
    `[wbs] The database is only partly encrypted (${left.map(([table, n]) => `${table}: ${n}`).join(', ')} still in clear). ` +
      'The app does not start half-migrated: run `npm start` (or `tsx scripts/prepare.ts`) to finish the encryption, which resumes where it stopped.',
  );
}
