import type { Database } from '@/lib/db/client';
import {
  consumeLimit,
  resetLimit,
  SIGN_IN_PER_ACCOUNT,
  SIGN_IN_PER_ACCOUNT_CLIENT,
  SIGN_IN_PER_CLIENT,
  subject,
  type RateRule,
  type RateVerdict,
} from '@/lib/security/rate-limit';

/**
 * How far sign-in guessing may go, on the app's database rate limits
 * (lib/security/rate-limit.ts: shared by every instance, subjects stored only as keyed
 * hashes with a daily key). The subjects are the client's address as the app decides it
 * (lib/security/client-address.ts) and the keyed hash of the typed e-mail address
 * (login.ts's accountKey), the same for a known account and an unknown address.
 *
 * - per client (SIGN_IN_PER_CLIENT): every try from one address, whatever the account —
 *   password spraying;
 * - per account and client (SIGN_IN_PER_ACCOUNT_CLIENT): checked tries on one account from
 *   one address, given back on success — the stranger's whole budget on that account;
 * - per account (SIGN_IN_PER_ACCOUNT): checked tries on one account from every address
 *   together, which only many addresses at once can fill (distributed guessing).
 *
 * Nothing here belongs to the account alone in a way one stranger can fill: after 1,000
 * failures from one address, that address is refused on that account, while the officer
 * signing in from another address is not slowed at all. A success forgives the
 * officer's own typos from that address. WBS_RATE_LIMIT_FACTOR multiplies every limit.
 */

export type SignInSubject = {
  /** The client's address (stored by the limiter only as a keyed hash). */
  client: string;
  /** accountKey(email): a keyed hash of the typed address. */
  account: string;
};
export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type SignInLimiter = {
  /** Counts the try (as a failure until it succeeds) and says whether it may be checked at all. */
  admit(who: SignInSubject, now: Date): Promise<LimitVerdict>;
  /** A wrong password or code (the limiter may have counted it on admission). */
  failed(who: SignInSubject, now: Date): Promise<void>;
  /** A full success: the officer's own earlier failures from this address are forgiven. */
  succeeded(who: SignInSubject, now: Date): Promise<void>;
};

function refusal(verdicts: RateVerdict[]): LimitVerdict {
  const refusing = verdicts.filter((v) => !v.allowed);
  return refusing.length ? { allowed: false, retryAfterSeconds: Math.max(...refusing.map((v) => v.retryAfterSeconds)) } : { allowed: true };
}

/**
 * The limiter above on the app's database. Every try that will be checked is counted in
 * all three buckets before the check, each with one atomic statement, so concurrent
 * requests cannot slip extra guesses past a limit (counting failures after argon2 let 8
 * parallel requests get 6 guesses where 5 were allowed). A success then gives the
 * account-and-client slot back; the account bucket keeps it (an officer signs in a few
 * times a day, well below its limit).
 */
export function databaseSignInLimiter(db: Database): SignInLimiter {
  return {
    async admit(who, now) {
      const at = now.getTime();
      // In order, stopping at the first refusal: a refused try uses up nothing further.
      const steps: [RateRule, string][] = [
        [SIGN_IN_PER_CLIENT, who.client],
        [SIGN_IN_PER_ACCOUNT_CLIENT, subject(who.account, who.client)],
        [SIGN_IN_PER_ACCOUNT, who.account],
      ];
      for (const [rule, key] of steps) {
        const verdict = await consumeLimit(db, rule, key, { now: at });
        if (!verdict.allowed) return refusal([verdict]);
      }
      return { allowed: true };
    },
    async failed() {
      // Already counted when admitted.
    },
    async succeeded(who, now) {
      await resetLimit(db, SIGN_IN_PER_ACCOUNT_CLIENT, subject(who.account, who.client), { now: now.getTime() });
    },
  };
}
