import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { generateTicket, hashTicket, normalizeTicket } from '@/lib/cases/ticket';

// Wrap node's randomBytes in a spy (still the real CSPRNG) to prove it is the default source.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, randomBytes: vi.fn(actual.randomBytes) };
});

// Written out here, not imported, so a wrong alphabet in the module fails the tests.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TICKET_SHAPE = /^WBS-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

/** Reference encoder: the 80 bits as one big number, read 5 bits at a time from the top. */
function expectedTicket(bytes: Uint8Array): string {
  const n = BigInt('0x' + Buffer.from(bytes).toString('hex'));
  let chars = '';
  for (let shift = 75n; shift >= 0n; shift -= 5n) chars += CROCKFORD[Number((n >> shift) & 31n)];
  return `WBS-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12)}`;
}

const fixed = (bytes: number[]) => () => Uint8Array.from(bytes);
const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);

describe('generateTicket', () => {
  it('asks the random source for exactly 10 bytes (80 bits), once', () => {
    const source = vi.fn((size: number) => new Uint8Array(size));
    generateTicket(source);
    expect(source).toHaveBeenCalledTimes(1);
    expect(source).toHaveBeenCalledWith(10);
  });

  it('turns all-zero bytes into WBS-0000-0000-0000-0000', () => {
    expect(generateTicket(fixed(Array(10).fill(0)))).toBe('WBS-0000-0000-0000-0000');
  });

  it('turns all-0xff bytes into WBS-ZZZZ-ZZZZ-ZZZZ-ZZZZ', () => {
    expect(generateTicket(fixed(Array(10).fill(0xff)))).toBe('WBS-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
  });

  it('encodes known bytes most significant bit first', () => {
    // Bytes chosen so the 5-bit groups are 0, 1, 2, ... 15 and then 16, 17, ... 31.
    expect(generateTicket(fixed([0x00, 0x44, 0x32, 0x14, 0xc7, 0x42, 0x54, 0xb6, 0x35, 0xcf]))).toBe(
      'WBS-0123-4567-89AB-CDEF',
    );
    expect(generateTicket(fixed([0x84, 0x65, 0x3a, 0x56, 0xd7, 0xc6, 0x75, 0xbe, 0x77, 0xdf]))).toBe(
      'WBS-GHJK-MNPQ-RSTV-WXYZ',
    );
  });

  it('matches a reference encoder for 1,000 random byte strings', () => {
    for (let i = 0; i < 1000; i++) {
      const bytes = randomBytes(10);
      expect(generateTicket(() => bytes)).toBe(expectedTicket(bytes));
    }
  });

  it('refuses a random source that returns the wrong number of bytes', () => {
    expect(() => generateTicket(() => new Uint8Array(9))).toThrow();
    expect(() => generateTicket(() => new Uint8Array(11))).toThrow();
  });

  it("uses node's crypto randomBytes by default", () => {
    vi.mocked(randomBytes).mockClear();
    generateTicket();
    expect(randomBytes).toHaveBeenCalledTimes(1);
    expect(randomBytes).toHaveBeenCalledWith(10);
  });

  it('gives 10,000 distinct, well-formed codes that use every alphabet character', () => {
    const codes = Array.from({ length: 10_000 }, () => generateTicket());
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(TICKET_SHAPE);
    const seen = new Set(codes.join('').replace(/WBS|-/g, ''));
    expect([...seen].sort().join('')).toBe(CROCKFORD);
  });
});

describe('normalizeTicket', () => {
  const CODE = 'WBS-7K3M-9QXR-2TVW-HN4P';
  const BARE = '7K3M9QXR2TVWHN4P';

  it.each([
    ['the formatted code', CODE],
    ['lower case', 'wbs-7k3m-9qxr-2tvw-hn4p'],
    ['mixed case', 'Wbs-7k3M-9qXr-2TvW-hN4p'],
    ['no prefix', '7K3M-9QXR-2TVW-HN4P'],
    ['no prefix, no dashes', BARE],
    ['spaces instead of dashes', 'WBS 7K3M 9QXR 2TVW HN4P'],
    ['spaces around the code (copy and paste)', `  ${CODE}\n`],
    ['tabs and extra dashes', 'WBS--7K3M\t9QXR - 2TVW-HN4P'],
    ['prefix without a dash', 'WBS7K3M9QXR2TVWHN4P'],
    ['dots between groups', 'WBS.7K3M.9QXR.2TVW.HN4P'],
  ])('accepts %s', (_, input) => {
    expect(normalizeTicket(input)).toBe(BARE);
  });

  it('reads O as 0 and I or L as 1, in either case', () => {
    expect(normalizeTicket('WBS-0000-1111-0000-1111')).toBe('0000111100001111');
    expect(normalizeTicket('WBS-OOOO-IIII-oooo-llll')).toBe('0000111100001111');
    expect(normalizeTicket('wbs-o0Oo-iLlI-0O0o-1iL1')).toBe('0000111100001111');
  });

  it('gives one code for every spelling a reporter might type', () => {
    const spellings = ['WBS-10Z0-A1B1-0000-1111', 'wbs-lozo-aibl-oooo-iiii', 'l0Z0 a1b1 OOOO LLLL', 'WBSLOZOAIBLOOOOIIII'];
    expect(new Set(spellings.map(normalizeTicket))).toEqual(new Set(['10Z0A1B100001111']));
  });

  it.each([
    ['U, which Crockford never uses', 'WBS-7K3M-9QXR-2TVW-HN4U'],
    ['one character short', 'WBS-7K3M-9QXR-2TVW-HN4'],
    ['one character too many', 'WBS-7K3M-9QXR-2TVW-HN4PP'],
    ['one character short, no prefix', '7K3M9QXR2TVWHN4'],
    ['the prefix alone', 'WBS'],
    ['an empty string', ''],
    ['only separators', ' - - - '],
    ['punctuation inside', 'WBS-7K3M-9QXR-2TVW-HN4!'],
    ['a slash inside', 'WBS-7K3M/9QXR-2TVW-HN4P'],
    ['a non-ASCII letter', 'WBS-7K3M-9QXR-2TVW-HN4É'],
    ['another prefix', 'ABC-7K3M-9QXR-2TVW-HN4P'],
    ['the prefix twice', 'WBS-WBS-7K3M-9QXR-2TVW-HN4P'],
    ['a case number', '2026-0001'],
    ['an SQL fragment', "' OR 1=1 --"],
  ])('refuses %s', (_, input) => {
    expect(normalizeTicket(input)).toBeNull();
  });

  it('refuses very long input without scanning it as a code', () => {
    expect(normalizeTicket('0'.repeat(100_000))).toBeNull();
    expect(normalizeTicket(CODE.repeat(10))).toBeNull();
    expect(normalizeTicket(`${CODE}${' '.repeat(1000)}`)).toBeNull();
  });

  it('refuses values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['WBS-0000-0000-0000-0000']]) {
      expect(normalizeTicket(value as unknown as string)).toBeNull();
    }
  });

  it('accepts every code it generates', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateTicket();
      expect(normalizeTicket(code)).toBe(code.slice(4).replace(/-/g, ''));
    }
  });
});

describe('hashTicket', () => {
  const CODE = 'WBS-7K3M-9QXR-2TVW-HN4P';

  it('is 64 lower-case hex characters (HMAC-SHA-256)', () => {
    expect(hashTicket(CODE, KEY)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same for the same code in any spelling', () => {
    const spellings = [CODE, 'wbs-7k3m-9qxr-2tvw-hn4p', '7K3M 9QXR 2TVW HN4P', '7k3m9qxr2tvwhn4p', ` ${CODE} `];
    const hashes = new Set(spellings.map((s) => hashTicket(s, KEY)));
    expect(hashes.size).toBe(1);
    expect(hashTicket('WBS-0000-1111-0000-1111', KEY)).toBe(hashTicket('wbs-oooo-iiii-OOOO-LLLL', KEY));
  });

  it('is stable across calls', () => {
    expect(hashTicket(CODE, KEY)).toBe(hashTicket(CODE, Buffer.from(KEY)));
  });

  it('differs for a different key', () => {
    expect(hashTicket(CODE, KEY)).not.toBe(hashTicket(CODE, OTHER_KEY));
  });

  it('differs for codes one character apart', () => {
    expect(hashTicket(CODE, KEY)).not.toBe(hashTicket('WBS-7K3M-9QXR-2TVW-HN4Q', KEY));
  });

  it('is null for malformed input', () => {
    for (const input of ['', 'WBS', 'WBS-7K3M-9QXR-2TVW-HN4U', 'WBS-7K3M-9QXR-2TVW-HN4', 'x'.repeat(10_000)]) {
      expect(hashTicket(input, KEY)).toBeNull();
    }
  });

  it('does not contain the code in any readable form', () => {
    // A code of hex-like characters only, so it could show up in a hex digest if it leaked.
    const code = 'WBS-0123-4567-89AB-CDEF';
    const bare = '0123456789ABCDEF';
    const hash = hashTicket(code, KEY)!;
    for (const form of [bare.toLowerCase(), Buffer.from(bare).toString('hex'), Buffer.from(bare).toString('base64')]) {
      expect(hash).not.toContain(form.toLowerCase());
    }
  });
});
