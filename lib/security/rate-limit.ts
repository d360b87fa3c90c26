import { createHmac } from 'node:crypto';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Database, DbTransaction } from '@/lib/db/client';
import { rateLimits } from '@/lib/db/schema';
import { env, secrets } from '@/lib/env';

/**
 * Fixed-window rate limits kept in the database (table rate_limits), so every endpoint
 * and every app instance counts against the same windows. One window per (bucket,
 * subject): it opens at the first counted attempt and lasts `windowMs`.
 *
 * Subjects (a client address, an account, a case, or several joined with `subject()`)
 * are stored only as a keyed hash whose key changes every UTC day: the table never holds
 * an address or e-mail, and yesterday's hashes cannot be linked to today's. Rows expire
 * within a day (windows are at most a day long) and are pruned.
 *
 * Counting is one atomic statement (INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING),
 * so concurrent requests on several instances can never together exceed the limit.
 * A refused attempt is not counted: a limit on bytes is not used up by an upload that
 * was refused, and a window still ends `windowMs` after it opened.
 *
 * Use (e.g. sign-in, where only failures should count):
 *   const address = requestClientAddress(await headers());     // or request.headers in a route
 *   const who = subject(email.toLowerCase());
 *   for each of [SIGN_IN_PER_CLIENT, address], [SIGN_IN_PER_ACCOUNT, who],
 *     [SIGN_IN_PER_ACCOUNT_CLIENT, subject(who, address)]: peekLimit(db, rule, s) → refuse
 *     with retryMessage(v.retryAfterSeconds) when !allowed (limitedResponse(v) in a route);
 *   on a failed check consumeLimit(...) each; on success resetLimit(db, SIGN_IN_PER_ACCOUNT_CLIENT, …).
 */

export type RateRule = {
  /** Names the counter; rules with the same bucket share windows. */
  bucket: string;
  limit: number;
  windowMs: number;
};

export type RateVerdict = {
  allowed: boolean;
  /** Seconds until the window ends (0 when allowed and nothing is counted yet). */
  retryAfterSeconds: number;
  /** What is left in the window after this attempt. */
  remaining: number;
};

/** Anything that runs drizzle queries: the database or a transaction. */
export type RateLimitDb = Database | DbTransaction;

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Ticket lookups on /status per client: the 11th in 10 minutes is refused. */
export const STATUS_LOOKUP: RateRule = { bucket: 'status-lookup', limit: 10, windowMs: 10 * MINUTE };
/** Reports per client: generous, since a whole office may share one address. */
export const REPORT_SUBMISSION: RateRule = { bucket: 'report-submission', limit: 10, windowMs: 10 * MINUTE };
/** Reporter messages and answers per client, all cases together. */
export const REPLY_PER_CLIENT: RateRule = { bucket: 'reply-client', limit: 10, windowMs: 10 * MINUTE };
/** Reporter messages and answers per case, from any client. */
export const REPLY_PER_CASE: RateRule = { bucket: 'reply-case', limit: 10, windowMs: HOUR };
/** Files and bytes per case per day: the limits come from the office settings. */
export const caseFilesPerDay = (limit: number): RateRule => ({ bucket: 'case-files', limit, windowMs: DAY });
export const caseBytesPerDay = (limit: number): RateRule => ({ bucket: 'case-bytes', limit, windowMs: DAY });

/** Sign-in attempts per client address, across all accounts. */
export const SIGN_IN_PER_CLIENT: RateRule = { bucket: 'sign-in-client', limit: 30, windowMs: 10 * MINUTE };
/** Failed sign-ins per account from any address. */
export const SIGN_IN_PER_ACCOUNT: RateRule = { bucket: 'sign-in-account', limit: 50, windowMs: HOUR };
/** Failed sign-ins per account from one address. */
export const SIGN_IN_PER_ACCOUNT_CLIENT: RateRule = { bucket: 'sign-in-account-client', limit: 5, windowMs: HOUR };

/** One subject from several parts (e.g. account and address), unambiguously joined. */
export function subject(...parts: (string | number)[]): string {
  return parts.map((p) => String(p)).join('\u0000');
}

/**
 * The limit in force. Browser test suites post from one address many times over: they
 * raise every limit by WBS_RATE_LIMIT_FACTOR rather than switching limits off.
 */
export function effectiveLimit(rule: RateRule): number {
  const factor = env().WBS_RATE_LIMIT_FACTOR;
  return rule.limit * factor;
}

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

/** The stored form of a subject in a bucket on the UTC day of `at`. */
export function keyHash(bucket: string, subjectText: string, at: number): string {
  return createHmac('sha256', dayKey(at)).update(`${bucket}\u0000${subjectText}`).digest('base64url').slice(0, 22);
}

function checkRule(rule: RateRule): void {
  if (!(rule.windowMs > 0 && rule.windowMs <= DAY)) throw new Error(`rate rule ${rule.bucket}: window must be (0, 1 day]`);
  if (!(rule.limit >= 0)) throw new Error(`rate rule ${rule.bucket}: limit must be ≥ 0`);
}

const PRUNE_EVERY_MS = MINUTE;
let lastPrune = 0;

/**
 * Counts `cost` (default 1) against the subject's window in the rule's bucket, if that
 * keeps the window within the limit; otherwise counts nothing and refuses.
 */
export async function consumeLimit(
  db: RateLimitDb,
  rule: RateRule,
  subjectText: string,
  options: { cost?: number; now?: number } = {},
): Promise<RateVerdict> {
  checkRule(rule);
  const now = options.now ?? Date.now();
  const cost = Math.max(0, Math.ceil(options.cost ?? 1));
  const limit = effectiveLimit(rule);
  if (cost > limit) return { allowed: false, retryAfterSeconds: Math.ceil(rule.windowMs / 1000), remaining: 0 };
  await maybePrune(db, now);
  const hash = keyHash(rule.bucket, subjectText, now);
  const expired = sql`${rateLimits.expiresAt} <= ${now}`;
  const rows = await db
    .insert(rateLimits)
    .values({ bucket: rule.bucket, keyHash: hash, windowStart: now, count: cost, expiresAt: now + rule.windowMs })
    .onConflictDoUpdate({
      target: [rateLimits.bucket, rateLimits.keyHash],
      set: {
        count: sql`CASE WHEN ${expired} THEN ${cost} ELSE ${rateLimits.count} + ${cost} END`,
        windowStart: sql`CASE WHEN ${expired} THEN ${now} ELSE ${rateLimits.windowStart} END`,
        expiresAt: sql`CASE WHEN ${expired} THEN ${now + rule.windowMs} ELSE ${rateLimits.expiresAt} END`,
      },
      setWhere: sql`${expired} OR ${rateLimits.count} + ${cost} <= ${limit}`,
    })
    .returning({ count: rateLimits.count, expiresAt: rateLimits.expiresAt });
  const row = rows[0];
  if (row) return { allowed: true, retryAfterSeconds: 0, remaining: Math.max(0, limit - row.count) };
  // The window is full: nothing was written. Say how long it still runs.
  const [current] = await db
    .select({ expiresAt: rateLimits.expiresAt })
    .from(rateLimits)
    .where(and(eq(rateLimits.bucket, rule.bucket), eq(rateLimits.keyHash, hash)));
  return { allowed: false, retryAfterSeconds: secondsUntil(current?.expiresAt ?? now + rule.windowMs, now), remaining: 0 };
}

/** Would `cost` more fit in the subject's window? Counts nothing (e.g. check before a sign-in). */
export async function peekLimit(
  db: RateLimitDb,
  rule: RateRule,
  subjectText: string,
  options: { cost?: number; now?: number } = {},
): Promise<RateVerdict> {
  checkRule(rule);
  const now = options.now ?? Date.now();
  const cost = Math.max(0, Math.ceil(options.cost ?? 1));
  const limit = effectiveLimit(rule);
  const [row] = await db
    .select({ count: rateLimits.count, expiresAt: rateLimits.expiresAt })
    .from(rateLimits)
    .where(and(eq(rateLimits.bucket, rule.bucket), eq(rateLimits.keyHash, keyHash(rule.bucket, subjectText, now))));
  const used = row && row.expiresAt > now ? row.count : 0;
  if (used + cost <= limit) return { allowed: true, retryAfterSeconds: 0, remaining: limit - used };
  const retry = row && row.expiresAt > now ? secondsUntil(row.expiresAt, now) : Math.ceil(rule.windowMs / 1000);
  return { allowed: false, retryAfterSeconds: retry, remaining: Math.max(0, limit - used) };
}

/** Forgets the subject's window in the rule's bucket (e.g. after a successful sign-in). */
export async function resetLimit(db: RateLimitDb, rule: RateRule, subjectText: string, options: { now?: number } = {}): Promise<void> {
  const now = options.now ?? Date.now();
  await db
    .delete(rateLimits)
    .where(and(eq(rateLimits.bucket, rule.bucket), eq(rateLimits.keyHash, keyHash(rule.bucket, subjectText, now))));
}

/**
 * Coalescing for notifications: at most one per subject per `windowMs`, none lost.
 * Returns when this event's notification should go out: now when the last one went
 * out at least a window ago; at the end of the current window when one went out
 * recently (that deferred one then covers every event until it goes); null when a
 * deferred one is already waiting (it will cover this event too). One atomic UPSERT:
 * window_start holds the time of the latest scheduled notification.
 */
export async function claimNotificationSlot(
  db: RateLimitDb,
  rule: Pick<RateRule, 'bucket' | 'windowMs'>,
  subjectText: string,
  options: { now?: number } = {},
): Promise<number | null> {
  checkRule({ ...rule, limit: 1 });
  const now = options.now ?? Date.now();
  const w = rule.windowMs;
  const ended = sql`${rateLimits.expiresAt} <= ${now}`;
  const rows = await db
    .insert(rateLimits)
    .values({ bucket: rule.bucket, keyHash: keyHash(rule.bucket, subjectText, now), windowStart: now, count: 1, expiresAt: now + w })
    .onConflictDoUpdate({
      target: [rateLimits.bucket, rateLimits.keyHash],
      // SQLite evaluates every SET expression against the row as it was.
      set: {
        windowStart: sql`CASE WHEN ${ended} THEN ${now} ELSE ${rateLimits.expiresAt} END`,
        expiresAt: sql`CASE WHEN ${ended} THEN ${now + w} ELSE ${rateLimits.expiresAt} + ${w} END`,
        count: sql`${rateLimits.count} + 1`,
      },
      setWhere: sql`${rateLimits.windowStart} <= ${now}`,
    })
    .returning({ sendAt: rateLimits.windowStart });
  return rows[0]?.sendAt ?? null;
}

/** Officer emails about one case caused by the reporter: one per 10 minutes. */
export const OFFICER_EMAIL_PER_CASE = { bucket: 'officer-email-case', windowMs: 10 * MINUTE } as const;

/** Deletes every window that has ended. Returns how many rows went. */
export async function pruneRateLimits(db: RateLimitDb, now: number = Date.now()): Promise<number> {
  const gone = await db.delete(rateLimits).where(lte(rateLimits.expiresAt, now)).returning({ bucket: rateLimits.bucket });
  return gone.length;
}

async function maybePrune(db: RateLimitDb, now: number): Promise<void> {
  // A per-process pacing only (not correctness state): at most once a minute.
  if (Math.abs(now - lastPrune) < PRUNE_EVERY_MS) return;
  lastPrune = now;
  await pruneRateLimits(db, now);
}

function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/** "7 menit" / "2 jam": how long to wait, rounded up, in words for the message. */
export function waitText(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  if (minutes <= 90) return `${minutes} menit`;
  return `${Math.ceil(minutes / 60)} jam`;
}

/** The sentence every limited form shows: "Coba lagi dalam 7 menit." */
export function retryMessage(retryAfterSeconds: number): string {
  return `Coba lagi dalam ${waitText(retryAfterSeconds)}.`;
}

/**
 * The answer of a route handler (not a server action) to a limited request: HTTP 429
 * with Retry-After and the Indonesian sentence as plain text.
 */
export function limitedResponse(verdict: Pick<RateVerdict, 'retryAfterSeconds'>, lead = 'Terlalu banyak percobaan.'): Response {
  const seconds = Math.max(1, Math.ceil(verdict.retryAfterSeconds));
  return new Response(`${lead} ${retryMessage(seconds)}`, {
    status: 429,
    headers: { 'Retry-After': String(seconds), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
