import { createHmac } from 'node:crypto';
import { env, secrets } from '@/lib/env';

/**
 * Fixed-window rate limiting in process memory. Clients are known only by a keyed hash
 * of their address whose key changes every UTC day, so neither memory nor logs ever
 * hold an IP address, and yesterday's keys cannot be linked to today's.
 *
 * One process only: with several app instances each counts on its own, which still
 * bounds guessing (tickets carry 80 random bits; the limit is about abuse, not entropy).
 */

export type RateLimitOptions = { limit: number; windowMs: number };
export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/** Ticket lookups on /status: 10 attempts per 10 minutes per client. */
export const STATUS_LOOKUP_LIMIT: RateLimitOptions = { limit: 10, windowMs: 10 * 60 * 1000 };

type Window = { count: number; resetAt: number };

const PRUNE_INTERVAL_MS = 60 * 1000;
/** A flood of forged addresses must not grow memory without bound. */
const DEFAULT_MAX_ENTRIES = 50_000;

export type RateLimiter = {
  consume(bucket: string, clientKey: string, options: RateLimitOptions): RateLimitResult;
  /** Number of live windows (tests and diagnostics). */
  size(): number;
  clear(): void;
};

export function createRateLimiter(
  config: { now?: () => number; maxEntries?: number } = {},
): RateLimiter {
  const now = config.now ?? Date.now;
  const maxEntries = config.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const windows = new Map<string, Window>();
  let lastPrune = now();

  function prune(at: number) {
    for (const [key, window] of windows) if (window.resetAt <= at) windows.delete(key);
    lastPrune = at;
  }

  return {
    consume(bucket, clientKey, { limit, windowMs }) {
      const at = now();
      if (at - lastPrune >= PRUNE_INTERVAL_MS) prune(at);
      const key = `${bucket}\u0000${clientKey}`;
      let window = windows.get(key);
      if (!window || window.resetAt <= at) {
        if (window) windows.delete(key);
        if (windows.size >= maxEntries) prune(at);
        // Still full of live windows: drop the oldest (Map keeps insertion order)
        // rather than refuse everyone.
        if (windows.size >= maxEntries) {
          const oldest = windows.keys().next().value;
          if (oldest !== undefined) windows.delete(oldest);
        }
        window = { count: 0, resetAt: at + windowMs };
        windows.set(key, window);
      }
      if (window.count >= limit) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - at) / 1000)) };
      }
      window.count += 1;
      return { allowed: true, retryAfterSeconds: 0 };
    },
    size: () => windows.size,
    clear: () => windows.clear(),
  };
}

// One limiter per server process, kept on globalThis so dev reloads keep their counts.
const holder = globalThis as unknown as { __wbsRateLimiter?: RateLimiter };

function sharedLimiter(): RateLimiter {
  holder.__wbsRateLimiter ??= createRateLimiter();
  return holder.__wbsRateLimiter;
}

/** Counts one attempt of `clientKey` in `bucket` against the process-wide limiter. */
export function consume(bucket: string, clientKey: string, options: RateLimitOptions): RateLimitResult {
  // Browser test suites post from one address many times over; they raise every limit
  // by a factor rather than switching limits off.
  const factor = env().WBS_RATE_LIMIT_FACTOR;
  return sharedLimiter().consume(bucket, clientKey, { ...options, limit: options.limit * factor });
}

/** Sign-in attempts per client address, across all accounts (each account also locks). */
export const SIGN_IN_LIMIT: RateLimitOptions = { limit: 30, windowMs: 10 * 60 * 1000 };

/** Reports per client: generous, since a whole office may share one address. */
export const REPORT_SUBMISSION_LIMIT: RateLimitOptions = { limit: 10, windowMs: 10 * 60 * 1000 };

let dayKeyCache: { day: string; secret: string; key: Buffer } | undefined;

function dayKey(at: number): Buffer {
  const day = new Date(at).toISOString().slice(0, 10);
  const secret = secrets().AUTH_SECRET;
  if (dayKeyCache?.day !== day || dayKeyCache.secret !== secret) {
    const key = createHmac('sha256', secret).update(`wbs-rate-limit:${day}`).digest();
    dayKeyCache = { day, secret, key };
  }
  return dayKeyCache.key;
}

/**
 * The client's address as a keyed hash, never the address itself. Next.js fills
 * `x-forwarded-for` from the socket when no proxy sent one; behind a reverse proxy, the
 * proxy must set (not append to) the header, or a client could choose its own key.
 */
export function clientKeyFromHeaders(h: Headers, now: () => number = Date.now): string {
  const first = h.get('x-forwarded-for')?.split(',')[0]?.trim().toLowerCase() ?? '';
  // "::ffff:10.0.0.1" and "10.0.0.1" are one client.
  const address = first.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '') || 'unknown';
  return createHmac('sha256', dayKey(now())).update(address).digest('base64url').slice(0, 22);
}
