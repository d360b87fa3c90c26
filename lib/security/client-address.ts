import { isIP } from 'node:net';
import { isDevelopment, trustedProxyHops } from '@/lib/env';

/**
 * Who the client is, decided by the app and never by what the client sends.
 *
 * Next.js does not expose the TCP peer to server actions or route handlers, and fills
 * `x-forwarded-for` from the socket only when the request has none, so a client that
 * sends its own header chooses its own address. The app therefore runs behind a tiny
 * in-process HTTP server (scripts/serve.ts, used by `npm start`) that deletes any
 * incoming PEER_HEADER and sets it from `req.socket.remoteAddress` before Next.js sees
 * the request. It also sets PEER_MARK on globalThis, so the app knows the header is
 * trustworthy: under plain `next start` or `next dev` the header could be forged, and
 * then the peer is "unknown" (every client shares one bucket: stricter, never looser).
 *
 * `TRUSTED_PROXY_HOPS=N` says N reverse proxies stand in front of the app; each appends
 * the address it received from to `x-forwarded-for`, so the client is the Nth entry from
 * the right (entries further left were written by the client and are ignored).
 */

/** The private header carrying the TCP peer, set only by scripts/serve.ts. */
export const PEER_HEADER = 'x-wbs-peer';
/** Set on globalThis by scripts/serve.ts when it stands in front of Next.js. */
export const PEER_MARK = Symbol.for('wbs.peer-header-set-by-server');

export const UNKNOWN_ADDRESS = 'unknown';

/**
 * The client's address from the request headers, the TCP peer (null when unknown) and
 * the number of trusted reverse proxies. Pure: no environment, no clock.
 *
 * hops = 0: the peer; `x-forwarded-for` is ignored entirely.
 * hops = N: the Nth entry from the right of `x-forwarded-for`. A shorter chain means the
 * request skipped some proxies: its leftmost entry (or, with no header, the peer) is
 * then the nearest address no trusted proxy vouches for beyond, as Express does.
 *
 * IPv6 addresses are reduced to their /64 network: one subscriber gets a whole /64 and
 * could otherwise pick a fresh address for every request.
 */
export function clientAddress(headers: Headers, peer: string | null | undefined, hops: number): string {
  const trusted = Number.isSafeInteger(hops) && hops > 0 ? hops : 0;
  if (trusted === 0) return normalizeAddress(peer);
  // Headers.get joins repeated headers with ", ", in arrival order: one chain.
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (chain.length === 0) return normalizeAddress(peer);
  const index = Math.max(0, chain.length - trusted);
  return normalizeAddress(chain[index]);
}

/**
 * One canonical spelling per client: lowercase, port and IPv6 zone removed,
 * IPv4-mapped IPv6 as plain IPv4, IPv6 as its /64 network. Anything that is not an IP
 * address becomes "unknown" (one shared bucket, so garbage cannot mint new clients).
 */
export function normalizeAddress(raw: string | null | undefined): string {
  if (!raw) return UNKNOWN_ADDRESS;
  let value = raw.trim().toLowerCase();
  // RFC 7239-style quoting and "[v6]:port" / "[v6]".
  value = value.replace(/^"(.*)"$/, '$1');
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  // "a.b.c.d:port"
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value);
  if (v4WithPort) value = v4WithPort[1];
  value = value.replace(/%.*$/, '');
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  if (mapped && isIP(mapped[1]) === 4) return mapped[1];
  const kind = isIP(value);
  if (kind === 4) return value;
  if (kind === 6) {
    const groups = expandIpv6(value);
    if (!groups) return UNKNOWN_ADDRESS;
    // "::ffff:102:304" (mapped IPv4 written in hex) is an IPv4 client too.
    if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
      return `${groups[6] >> 8}.${groups[6] & 255}.${groups[7] >> 8}.${groups[7] & 255}`;
    }
    return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
  }
  return UNKNOWN_ADDRESS;
}

/** The eight 16-bit groups of a valid IPv6 address (with an optional dotted IPv4 tail). */
function expandIpv6(address: string): number[] | null {
  let text = address;
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail[1].split('.').map(Number);
    text = `${text.slice(0, -tail[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest === undefined ? [] : rest ? rest.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (rest === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(rest === undefined ? 0 : missing).fill('0'), ...right].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

let warnedNoPeer = false;

/**
 * The client's address for a request the app is answering (server action, route
 * handler, next-auth callback): the peer from scripts/serve.ts and TRUSTED_PROXY_HOPS.
 */
export function requestClientAddress(headers: Headers): string {
  const peerIsTrusted = (globalThis as Record<symbol, unknown>)[PEER_MARK] === true;
  if (!peerIsTrusted && !warnedNoPeer && !isDevelopment()) {
    warnedNoPeer = true;
    console.warn(
      '[wbs] The TCP peer is unknown (the app was not started with `npm start`); every client without a trusted proxy shares one rate-limit bucket.',
    );
  }
  return clientAddress(headers, peerIsTrusted ? headers.get(PEER_HEADER) : null, trustedProxyHops());
}
