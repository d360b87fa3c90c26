import { eq, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database, DbTransaction } from '@/lib/db/client';
import { caseKeys } from '@/lib/db/schema';
import { dataKey, previousDataKey } from '@/lib/env';
import { AppError } from '@/lib/errors';
import {
  masterKey,
  newCaseKey,
  openText,
  sealText,
  unwrapCaseKey,
  wrapCaseKey,
  type MasterKey,
} from '@/lib/crypto/case-keys';

/**
 * The database side of envelope encryption: creating and unwrapping case keys, and a
 * cipher bound to one case that seals and opens its columns. The associated data of
 * every field is derived from the drizzle column itself (table + column name) and the
 * row id, so a service cannot bind a value to the wrong place by a typo.
 */

type Db = Database | DbTransaction;

let cachedMasters: { raw: Buffer; previousRaw: Buffer | null; current: MasterKey; previous: MasterKey | null } | undefined;

/** The master key in force, and the one being rotated out (if set). */
export function masterKeys(): { current: MasterKey; previous: MasterKey | null } {
  const raw = dataKey();
  const previousRaw = previousDataKey();
  if (!cachedMasters || !cachedMasters.raw.equals(raw) || !sameKey(cachedMasters.previousRaw, previousRaw)) {
    cachedMasters = {
      raw,
      previousRaw,
      current: masterKey(raw),
      previous: previousRaw && !previousRaw.equals(raw) ? masterKey(previousRaw) : null,
    };
  }
  return { current: cachedMasters.current, previous: cachedMasters.previous };
}

function sameKey(a: Buffer | null, b: Buffer | null): boolean {
  return a === null || b === null ? a === b : a.equals(b);
}

/** A column of a table whose rows have an integer `id` (or the cases table itself). */
type Column = SQLiteColumn;

function placeOf(column: Column, rowId: number | string) {
  return { table: getTableName(column.table), column: column.name, rowId };
}

export class CaseCipher {
  constructor(
    readonly caseId: number,
    private readonly key: Buffer,
  ) {}

  /** Ciphertext of `value` for `column` of row `rowId`; null stays null. */
  seal(column: Column, rowId: number | string, value: string): string;
  seal(column: Column, rowId: number | string, value: string | null | undefined): string | null;
  seal(column: Column, rowId: number | string, value: string | null | undefined): string | null {
    return sealText(value, this.key, placeOf(column, rowId));
  }

  open(column: Column, rowId: number | string, sealed: string): string;
  open(column: Column, rowId: number | string, sealed: string | null): string | null;
  open(column: Column, rowId: number | string, sealed: string | null): string | null {
    return openText(sealed, this.key, placeOf(column, rowId));
  }

  /** The raw key, for file encryption only (lib/storage). */
  fileKey(): Buffer {
    return this.key;
  }
}

export function contentErasedError(): AppError {
  return new AppError('case_content_erased', {
    userMessage: 'Isi kasus ini telah dihapus sesuai ketentuan retensi dan tidak dapat dibaca lagi.',
  });
}

/** Unwraps a stored case key with whichever master key wrapped it (current or previous). */
export function cipherFromRow(caseId: number, row: { wrappedKey: string | null; masterKeyId: string } | undefined | null): CaseCipher {
  if (!row) throw new Error(`case ${caseId} has no data key (run the start-up migration)`);
  if (row.wrappedKey === null) throw contentErasedError();
  const { current, previous } = masterKeys();
  const master = row.masterKeyId === current.id ? current : row.masterKeyId === previous?.id ? previous : null;
  if (!master) {
    throw new Error(
      `case ${caseId} is wrapped by master key ${row.masterKeyId}, which is not in force: set DATA_ENCRYPTION_KEY_PREVIOUS to it and run npm run keys:rotate`,
    );
  }
  return new CaseCipher(caseId, unwrapCaseKey(row.wrappedKey, master, caseId));
}

/** Creates and stores a new case's data key (inside the transaction that creates the case). */
export async function createCaseKey(tx: Db, caseId: number, now: Date = new Date(), key: Buffer = newCaseKey()): Promise<CaseCipher> {
  const { current } = masterKeys();
  await tx.insert(caseKeys).values({ caseId, wrappedKey: wrapCaseKey(key, current, caseId), masterKeyId: current.id, createdAt: now });
  return new CaseCipher(caseId, key);
}

/** The cipher of a case: one primary-key read and one unwrap. */
export async function loadCaseCipher(db: Db, caseId: number): Promise<CaseCipher> {
  const [row] = await db
    .select({ wrappedKey: caseKeys.wrappedKey, masterKeyId: caseKeys.masterKeyId })
    .from(caseKeys)
    .where(eq(caseKeys.caseId, caseId))
    .limit(1);
  return cipherFromRow(caseId, row);
}

/**
 * Seals the named text columns of a row just inserted and marks it sealed. Rows are
 * inserted first because the row id, known only then, is part of each field's
 * associated data; both writes are in the caller's transaction, so no clear value is
 * ever committed.
 */
export async function sealRow<T extends SQLiteTable & { id: SQLiteColumn }>(
  tx: Db,
  cipher: CaseCipher,
  table: T,
  rowId: number,
  values: { [K in keyof T]?: string | null },
): Promise<void> {
  const set: Record<string, unknown> = { sealed: true };
  for (const [name, value] of Object.entries(values) as [string, string | null | undefined][]) {
    if (value === undefined) continue;
    set[name] = cipher.seal(table[name as keyof T] as unknown as SQLiteColumn, rowId, value);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  await (tx as any).update(table).set(set).where(eq(table.id, rowId));
}

/** Placeholder written to a NOT NULL content column between insert and sealRow. */
export const SEAL_PENDING = '';
