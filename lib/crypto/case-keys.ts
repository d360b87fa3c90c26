import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { decryptBytes, encryptBytes } from './aead';

/**
 * Envelope encryption, free of the database: every case has its own random 32-byte
 * data key, stored only wrapped (AES-256-GCM) by the master key. Content fields are
 * encrypted with the case key and bound (associated data) to their table, column and
 * row, so a ciphertext copied to another row, column or case does not open.
 *
 * Rotating the master key re-wraps case keys only; destroying a case key makes its
 * content unreadable everywhere at once (retention by crypto-erasure).
 */

/** A master key and its public fingerprint (stored beside each wrapped key). */
export type MasterKey = { id: string; key: Buffer };

const KEY_BYTES = 32;

/**
 * A short fingerprint of a master key: lets rotation tell which master key wraps a
 * case key without storing anything secret. One-way (HMAC), so it reveals nothing.
 */
export function masterKeyId(master: Buffer): string {
  return createHmac('sha256', master).update('wbs-master-key-id').digest('hex').slice(0, 16);
}

export function masterKey(key: Buffer): MasterKey {
  if (key.length !== KEY_BYTES) throw new Error('a master key has 32 bytes');
  return { id: masterKeyId(key), key };
}

export function newCaseKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

function wrapAad(caseId: number): string {
  return `case-key:${caseId}`;
}

/** The case key encrypted by the master key, bound to its case id. */
export function wrapCaseKey(caseKey: Buffer, master: MasterKey, caseId: number): string {
  if (caseKey.length !== KEY_BYTES) throw new Error('a case key has 32 bytes');
  return encryptBytes(caseKey, master.key, wrapAad(caseId)).toString('base64');
}

/** Throws when the master key is not the one that wrapped it, or the blob was altered. */
export function unwrapCaseKey(wrapped: string, master: MasterKey, caseId: number): Buffer {
  return decryptBytes(Buffer.from(wrapped, 'base64'), master.key, wrapAad(caseId));
}

/** Where a field lives: the associated data that binds its ciphertext to that place. */
export type FieldPlace = { table: string; column: string; rowId: number | string };

export function fieldAad({ table, column, rowId }: FieldPlace): string {
  return `field:${table}.${column}:${rowId}`;
}

/** Encrypts one text field (null stays null) into base64 for a text column. */
export function sealText(value: string, caseKey: Buffer, place: FieldPlace): string;
export function sealText(value: string | null | undefined, caseKey: Buffer, place: FieldPlace): string | null;
export function sealText(value: string | null | undefined, caseKey: Buffer, place: FieldPlace): string | null {
  if (value === null || value === undefined) return null;
  return encryptBytes(Buffer.from(value, 'utf8'), caseKey, fieldAad(place)).toString('base64');
}

export function openText(sealed: string, caseKey: Buffer, place: FieldPlace): string;
export function openText(sealed: string | null, caseKey: Buffer, place: FieldPlace): string | null;
export function openText(sealed: string | null, caseKey: Buffer, place: FieldPlace): string | null {
  if (sealed === null) return null;
  return decryptBytes(Buffer.from(sealed, 'base64'), caseKey, fieldAad(place)).toString('utf8');
}

/** File bytes under the case key, bound to their storage key. */
export function sealFile(plain: Uint8Array, caseKey: Buffer, storageKey: string): Buffer {
  return encryptBytes(plain, caseKey, `evidence:${storageKey}`);
}

export function openFile(blob: Uint8Array, caseKey: Buffer, storageKey: string): Buffer {
  return decryptBytes(blob, caseKey, `evidence:${storageKey}`);
}

/**
 * The key for chain-of-custody file hashes, derived (HKDF-SHA-256) from the case key,
 * itself protected by the master key: the hashes prove integrity to the office without
 * letting anyone else confirm that a document they hold came with a case. Derived from
 * the case key rather than the master key directly, so a master key rotation (which
 * re-wraps case keys only) leaves every recorded hash valid without re-reading a file.
 */
export function fileHashKey(caseKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', caseKey, Buffer.alloc(0), 'wbs-file-hash-v1', KEY_BYTES));
}

/** HMAC-SHA-256 of a file's bytes, hex, with the key above. */
export function keyedFileHash(bytes: Uint8Array, hashKey: Buffer): string {
  return createHmac('sha256', hashKey).update(bytes).digest('hex');
}
