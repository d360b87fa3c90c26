import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptBytes, decryptJson, encryptBytes, encryptJson } from '@/lib/crypto/aead';

const KEY = randomBytes(32);
const OTHER_KEY = randomBytes(32);
// version(1) + iv(12) + tag(16): what every blob carries besides the ciphertext.
const OVERHEAD = 29;

describe('encryptBytes / decryptBytes', () => {
  it.each([
    ['empty input', new Uint8Array(0)],
    ['one byte', Uint8Array.from([0])],
    ['text', Buffer.from('Laporan dugaan pungutan liar di Biro Umum', 'utf8')],
    ['all byte values', Uint8Array.from({ length: 256 }, (_, i) => i)],
    ['one MiB of random bytes', randomBytes(1024 * 1024)],
  ])('round-trips %s', (_, plain) => {
    const blob = encryptBytes(plain, KEY);
    expect(blob.length).toBe(plain.length + OVERHEAD);
    expect(decryptBytes(blob, KEY).equals(Buffer.from(plain))).toBe(true);
  });

  it('round-trips with associated data', () => {
    const plain = Buffer.from('bukti.pdf');
    expect(decryptBytes(encryptBytes(plain, KEY, 'case:42'), KEY, 'case:42').toString()).toBe('bukti.pdf');
  });

  it('does not leave the plaintext readable in the blob', () => {
    const plain = Buffer.from('Nama pelapor: Yohanes Benu, Kupang');
    expect(encryptBytes(plain, KEY).includes(plain)).toBe(false);
  });

  it('gives a different ciphertext every time (random IV)', () => {
    const plain = Buffer.from('same input');
    const blobs = Array.from({ length: 100 }, () => encryptBytes(plain, KEY).toString('hex'));
    expect(new Set(blobs).size).toBe(blobs.length);
    const ivs = blobs.map((hex) => hex.slice(2, 2 + 24));
    expect(new Set(ivs).size).toBe(ivs.length);
  });

  it('throws when any single byte of the blob is changed', () => {
    const blob = encryptBytes(Buffer.from('dua puluh byte teks!'), KEY, 'aad');
    for (let i = 0; i < blob.length; i++) {
      const tampered = Buffer.from(blob);
      tampered[i] ^= 0x01;
      expect(() => decryptBytes(tampered, KEY, 'aad'), `byte ${i}`).toThrow();
    }
  });

  it('throws when the blob is truncated or extended', () => {
    const blob = encryptBytes(Buffer.from('isi laporan'), KEY);
    for (const length of [0, 1, OVERHEAD - 1, OVERHEAD, blob.length - 1]) {
      expect(() => decryptBytes(blob.subarray(0, length), KEY), `length ${length}`).toThrow();
    }
    expect(() => decryptBytes(Buffer.concat([blob, Buffer.from([0])]), KEY)).toThrow();
  });

  it('throws with the wrong key', () => {
    const blob = encryptBytes(Buffer.from('rahasia'), KEY);
    expect(() => decryptBytes(blob, OTHER_KEY)).toThrow();
  });

  it('throws with the wrong associated data, or with it missing or added', () => {
    const withAad = encryptBytes(Buffer.from('rahasia'), KEY, 'case:1');
    expect(() => decryptBytes(withAad, KEY, 'case:2')).toThrow();
    expect(() => decryptBytes(withAad, KEY)).toThrow();
    const withoutAad = encryptBytes(Buffer.from('rahasia'), KEY);
    expect(() => decryptBytes(withoutAad, KEY, 'case:1')).toThrow();
  });

  it.each([0, 16, 24, 31, 33, 64])('refuses a %i-byte key for both directions', (length) => {
    const badKey = Buffer.alloc(length, 1);
    expect(() => encryptBytes(Buffer.from('x'), badKey)).toThrow(/32-byte key/);
    const blob = encryptBytes(Buffer.from('x'), KEY);
    expect(() => decryptBytes(blob, badKey)).toThrow(/32-byte key/);
  });
});

describe('encryptJson / decryptJson', () => {
  it('round-trips a JSON value through base64 text', () => {
    const identity = {
      name: 'Maria Fernandez',
      phone: '+62 812-3456-7890',
      email: 'maria@example.id',
      address: 'Jl. El Tari No. 52, Kupang',
      tags: ['ñ', 'é', '漢字', '🙂'],
      nested: { agreedToEmail: true, count: 3, none: null },
    };
    const text = encryptJson(identity, KEY, 'identity');
    expect(text).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(decryptJson(text, KEY, 'identity')).toEqual(identity);
  });

  it.each([['a string', 'teks'], ['a number', 0], ['null', null], ['an array', [1, 'dua']], ['false', false]])(
    'round-trips %s',
    (_, value) => {
      expect(decryptJson(encryptJson(value, KEY), KEY)).toEqual(value);
    },
  );

  it('gives different text for the same value each time', () => {
    expect(encryptJson({ a: 1 }, KEY)).not.toBe(encryptJson({ a: 1 }, KEY));
  });

  it('does not leave the value readable in the text', () => {
    const text = encryptJson({ name: 'Maria Fernandez' }, KEY);
    expect(Buffer.from(text, 'base64').toString('latin1')).not.toContain('Maria');
  });

  it('throws on a wrong key, wrong associated data or altered text', () => {
    const text = encryptJson({ name: 'Maria' }, KEY, 'identity:1');
    expect(() => decryptJson(text, OTHER_KEY, 'identity:1')).toThrow();
    expect(() => decryptJson(text, KEY, 'identity:2')).toThrow();
    const bytes = Buffer.from(text, 'base64');
    bytes[bytes.length - 1] ^= 0x80;
    expect(() => decryptJson(bytes.toString('base64'), KEY, 'identity:1')).toThrow();
  });
});
