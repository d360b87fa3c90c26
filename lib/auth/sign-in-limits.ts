import { createHash } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { signInCounters } from '@/lib/db/schema';

/**
 * How far sign-in guessing may go, counted in the database (shared by every app
 * instance), keyed only by keyed hashes: of the client's address (lib/security) and of
 * the typed e-mail address (login.ts's accountKey), known account or not.
 *
 * - per client: at most 30 tries per 10 minutes from one address, whatever the accounts
 *   (password spraying);
 * - per account and client: at most 10 failures per hour on one account from one
 *   address — the attacker's budget on that account;
 * - per account: at most 100 failures per hour from all addresses together, which only
 *   many addresses at once can reach (distributed guessing).
 *
 * No bucket belongs to the account alone in a way one stranger can fill: after 1,000
 * failures from one address, that address is refused on that account (and, past 30, on
 * every account), while the officer signing in from another address is not slowed at
 * all. The officer's own failures from their address clear when they succeed.
 * WBS_RATE_LIMIT_FACTOR multiplies every limit (browser test suites).
 */

export type SignInSubject = { clientKey: string; accountKey: string };
export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type SignInLimiter = {
  /** Counts the try for the client and says whether it may be checked at all. */
  admit(subject: SignInSubject, now: Date): Promise<LimitVerdict>;
  /** A wrong password or code. */
  failed(subject: SignInSubject, now: Date): Promise<void>;
  /** A full success: the officer's own earlier typos from this address are forgiven. */
  succeeded(subject: SignInSubject, now: Date): Promise<void>;
};

type Rule = { limit: number; windowMs: number };

export const SIGN_IN_RULES = {
  client: { limit: 30, windowMs: 10 * 60_000 },
  accountClient: { limit: 10, windowMs: 60 * 60_000 },
  account: { limit: 100, windowMs: 60 * 60_000 },
} as const satisfies Record<string, Rule>;

const factor = () => Math.max(1, Number(process.env.WBS_RATE_LIMIT_FACTOR) || 1);

const pairKey = (s: SignInSubject) => createHash('sha256').update(`${s.accountKey}\u0000${s.clientKey}`).digest('base64url').slice(0, 27);

const keys = (s: SignInSubject) => ({
  client: `sign-in:client:${s.clientKey}`,
  accountClient: `sign-in:pair:${pairKey(s)}`,
  account: `sign-in:account:${s.accountKey}`,
});

type Window = { count: number; resetAt: number };

/** Adds one to a fixed window, atomically (one upsert); a window that ended starts again at 1. */
async function hit(db: Database, key: string, windowMs: number, now: number): Promise<Window> {
  const resetAt = now + windowMs;
  const [row] = await db
    .insert(signInCounters)
    .values({ key, count: 1, resetAt })
    .onConflictDoUpdate({
      target: signInCounters.key,
      set: {
        count: sql`CASE WHEN ${signInCounters.resetAt} <= ${now} THEN 1 ELSE ${signInCounters.count} + 1 END`,
        resetAt: sql`CASE WHEN ${signInCounters.resetAt} <= ${now} THEN ${resetAt} ELSE ${signInCounters.resetAt} END`,
      },
    })
    .returning({ count: signInCounters.count, resetAt: signInCounters.resetAt });
  return row;
}

async function peek(db: Database, key: string, now: number): Promise<Window> {
  const [row] = await db.select({ count: signInCounters.count, resetAt: signInCounters.resetAt }).from(signInCounters).where(eq(signInCounters.key, key));
  return row && row.resetAt > now ? row : { count: 0, resetAt: now };
}

const retryAfter = (w: Window, now: number) => Math.max(1, Math.ceil((w.resetAt - now) / 1000));

/** The limiter above on the app's database. */
export function databaseSignInLimiter(db: Database): SignInLimiter {
  return {
    async admit(subject, now) {
      const at = now.getTime();
      const k = keys(subject);
      const client = await hit(db, k.client, SIGN_IN_RULES.client.windowMs, at);
      const [pair, account] = await Promise.all([peek(db, k.accountClient, at), peek(db, k.account, at)]);
      const full = [
        [client, SIGN_IN_RULES.client.limit, client.count > SIGN_IN_RULES.client.limit * factor()],
        [pair, SIGN_IN_RULES.accountClient.limit, pair.count >= SIGN_IN_RULES.accountClient.limit * factor()],
        [account, SIGN_IN_RULES.account.limit, account.count >= SIGN_IN_RULES.account.limit * factor()],
      ] as const;
      const refusing = full.filter(([, , over]) => over).map(([w]) => retryAfter(w, at));
      return refusing.length ? { allowed: false, retryAfterSeconds: Math.max(...refusing) } : { allowed: true };
    },
    async failed(subject, now) {
      const at = now.getTime();
      const k = keys(subject);
      await hit(db, k.accountClient, SIGN_IN_RULES.accountClient.windowMs, at);
      await hit(db, k.account, SIGN_IN_RULES.account.windowMs, at);
    },
    async succeeded(subject) {
      await db.delete(signInCounters).where(eq(signInCounters.key, keys(subject).accountClient));
    },
  };
}

/** Drops windows that ended (keys of yesterday's addresses mean nothing today). */
export async function pruneSignInCounters(db: Database, now = new Date()): Promise<void> {
  await db.delete(signInCounters).where(lt(signInCounters.resetAt, now.getTime()));
}
