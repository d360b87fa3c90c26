import { createHmac, randomBytes } from 'node:crypto';

/**
 * Ticket codes: `WBS-XXXX-XXXX-XXXX-XXXX`, 16 Crockford base32 characters carrying
 * 80 bits from the operating system's CSPRNG. Only an HMAC of the normalised code is
 * ever stored, so the database alone cannot give a code back.
 */

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TICKET_PREFIX = 'WBS';
export const TICKET_CHARS = 16;
export const TICKET_BITS = TICKET_CHARS * 5;

const CODE_PATTERN = new RegExp(`^[${CROCKFORD_ALPHABET}]{${TICKET_CHARS}}$`);

/** Encodes bytes as Crockford base32 (5 bits per character, most significant first). */
export function encodeCrockford(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += CROCKFORD_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Groups 16 characters as the reporter sees them: WBS-XXXX-XXXX-XXXX-XXXX. */
export function formatTicket(code: string): string {
  const groups = code.match(/.{1,4}/g) ?? [];
  return [TICKET_PREFIX, ...groups].join('-');
}

/** A new ticket code, formatted. `random` is injectable only so tests can prove the source. */
export function generateTicket(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(TICKET_BITS / 8);
  if (bytes.length !== TICKET_BITS / 8) throw new Error('random source returned the wrong length');
  return formatTicket(encodeCrockford(bytes));
}

/**
 * Normalises what a reporter typed: any case, spaces, dashes or dots, with or
 * without the WBS prefix; O→0 and I/L→1 as Crockford prescribes; U is never valid.
 * Returns the 16 bare characters, or null when it cannot be a ticket.
 */
export function normalizeTicket(input: string): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  let code = input.toUpperCase().replace(/[\s\-_.]/g, '');
  if (code.startsWith(TICKET_PREFIX) && code.length === TICKET_PREFIX.length + TICKET_CHARS) {
    code = code.slice(TICKET_PREFIX.length);
  }
  code = code.replace(/O/g, '0').replace(/[IL]/g, '1');
  return CODE_PATTERN.test(code) ? code : null;
}

/** Keyed hash of a ticket (normalised first), hex-encoded; null for malformed input. */
export function hashTicket(input: string, key: Buffer): string | null {
  const code = normalizeTicket(input);
  if (!code) return null;
  return createHmac('sha256', key).update(`wbs-ticket:${code}`).digest('hex');
}
