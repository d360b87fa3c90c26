import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  fieldAad,
  fileHashKey,
  keyedFileHash,
  masterKey,
  masterKeyId,
  newCaseKey,
  openFile,
  openText,
  sealFile,
  sealText,
  unwrapCaseKey,
  wrapCaseKey,
} from '@/lib/crypto/case-keys';

const MASTER = masterKey(randomBytes(32));
const OTHER_MASTER = masterKey(randomBytes(32));
const place = { table: 'cases', column: 'what', rowId: 7 };

describe('case keys wrapped by the master key', () => {
  it('gives each case its own random 32-byte key', () => {
    const a = newCaseKey();
    const b = newCaseKey();
    expect(a).toHaveLength(32);
    expect(a.equals(b)).toBe(false);
  });

  it('unwraps only with the master key that wrapped it, for the same case', () => {
    const key = newCaseKey();
    const wrapped = wrapCaseKey(key, MASTER, 7);
    expect(Buffer.from(wrapped, 'base64').includes(key)).toBe(false);
    expect(unwrapCaseKey(wrapped, MASTER, 7).equals(key)).toBe(true);
    expect(() => unwrapCaseKey(wrapped, OTHER_MASTER, 7)).toThrow();
    // A wrapped key copied to another case does not open there.
    expect(() => unwrapCaseKey(wrapped, MASTER, 8)).toThrow();
  });

  it('names a master key by a stable fingerprint that is not the key', () => {
    expect(masterKeyId(MASTER.key)).toBe(MASTER.id);
    expect(MASTER.id).toMatch(/^[0-9a-f]{16}$/);
    expect(MASTER.id).not.toBe(OTHER_MASTER.id);
    expect(MASTER.key.toString('hex')).not.toContain(MASTER.id);
    expect(() => masterKey(randomBytes(16))).toThrow();
  });
});

describe('fields sealed under the case key', () => {
  const key = newCaseKey();

  it('round-trips text and keeps null as null', () => {
    const sealed = sealText('Yohanes Kolo, Sinar Flobamora', key, place);
    expect(sealed).not.toContain('Yohanes');
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain('Yohanes');
    expect(openText(sealed, key, place)).toBe('Yohanes Kolo, Sinar Flobamora');
    expect(sealText(null, key, place)).toBeNull();
    expect(openText(null, key, place)).toBeNull();
    expect(openText(sealText('', key, place), key, place)).toBe('');
  });

  it('encrypts the same text differently each time', () => {
    expect(sealText('sama', key, place)).not.toBe(sealText('sama', key, place));
  });

  it('refuses a ciphertext moved to another row, column, table or case', () => {
    const sealed = sealText('rahasia', key, place);
    expect(() => openText(sealed, key, { ...place, rowId: 8 })).toThrow();
    expect(() => openText(sealed, key, { ...place, column: 'how_text' })).toThrow();
    expect(() => openText(sealed, key, { ...place, table: 'messages' })).toThrow();
    expect(() => openText(sealed, newCaseKey(), place)).toThrow();
  });

  it('binds the place unambiguously', () => {
    expect(fieldAad({ table: 'a', column: 'b', rowId: 12 })).not.toBe(fieldAad({ table: 'a', column: 'b1', rowId: 2 }));
  });

  it('refuses an altered ciphertext', () => {
    const blob = Buffer.from(sealText('rahasia', key, place), 'base64');
    blob[blob.length - 1] ^= 1;
    expect(() => openText(blob.toString('base64'), key, place)).toThrow();
  });
});

describe('files under the case key', () => {
  it('round-trips bytes bound to the storage key', () => {
    const key = newCaseKey();
    const bytes = Buffer.from('%PDF-1.4 Yohanes Kolo');
    const blob = sealFile(bytes, key, 'a'.repeat(32));
    expect(blob.includes(Buffer.from('Yohanes'))).toBe(false);
    expect(openFile(blob, key, 'a'.repeat(32)).equals(bytes)).toBe(true);
    expect(() => openFile(blob, key, 'b'.repeat(32))).toThrow();
  });
});

describe('keyed file hashes', () => {
  it('depend on a key, so a plain SHA-256 of a candidate document does not match', async () => {
    const bytes = Buffer.from('dokumen');
    const caseKey = newCaseKey();
    const hash = keyedFileHash(bytes, fileHashKey(caseKey));
    const { createHash } = await import('node:crypto');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(hash).toBe(keyedFileHash(bytes, fileHashKey(caseKey)));
    expect(hash).not.toBe(keyedFileHash(bytes, fileHashKey(newCaseKey())));
    expect(fileHashKey(caseKey).equals(caseKey)).toBe(false);
  });
});
