import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for data at rest (reporter identity, evidence files).
 * Layout: version(1) | iv(12) | tag(16) | ciphertext. The version byte lets a
 * later key rotation tell old blobs from new.
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

function assertKey(key: Buffer) {
  if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
}

export function encryptBytes(plain: Uint8Array, key: Buffer, associatedData?: string): Buffer {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (associatedData) cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

/** Throws if the blob was altered, the key is wrong or the associated data differs. */
export function decryptBytes(blob: Uint8Array, key: Buffer, associatedData?: string): Buffer {
  assertKey(key);
  const data = Buffer.from(blob);
  if (data.length < HEADER_BYTES || data[0] !== VERSION) throw new Error('unknown ciphertext format');
  const iv = data.subarray(1, 1 + IV_BYTES);
  const tag = data.subarray(1 + IV_BYTES, HEADER_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  if (associatedData) decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data.subarray(HEADER_BYTES)), decipher.final()]);
}

/** Encrypts a JSON value into base64 text for a database column. */
export function encryptJson(value: unknown, key: Buffer, associatedData?: string): string {
  return encryptBytes(Buffer.from(JSON.stringify(value), 'utf8'), key, associatedData).toString('base64');
}

export function decryptJson<T>(text: string, key: Buffer, associatedData?: string): T {
  return JSON.parse(decryptBytes(Buffer.from(text, 'base64'), key, associatedData).toString('utf8')) as T;
}
