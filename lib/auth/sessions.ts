import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database, DbTransaction } from '@/lib/db/client';
import { officers, signInProofs } from '@/lib/db/schema';

/**
 * Where officer sessions begin and end, on the server side.
 *
 * Begin: a session is created only by consuming a one-time proof that the app's own
 * sign-in (lib/auth/login.ts through app/petugas/masuk/actions.ts) checked the officer,
 * with every limit. The Credentials provider in auth.ts accepts nothing else, so posting
 * e-mail and password to next-auth's own endpoint (/api/auth/callback/credentials) can
 * never create a session, whatever it carries.
 *
 * End: every session token carries the officer's `session_version`, compared with the
 * database on every request (auth.ts's jwt callback and the guard). Raising it ends every
 * copy of every session of that officer at its next request.
 */

/** A proof must be consumed within the request that issued it; a few seconds is plenty. */
const PROOF_TTL_MS = 30_000;

const hashToken = (token: string) => createHash('sha256').update(`wbs-sign-in-proof:${token}`).digest('base64url');

/** A fresh one-time proof for an officer the caller has just fully checked. Never sent to a client. */
export async function issueSignInProof(db: Database, officerId: number, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    // Leftovers from requests that failed after issuing: removed here, no job needed.
    await tx.delete(signInProofs).where(lt(signInProofs.expiresAt, now));
    await tx.insert(signInProofs).values({ tokenHash: hashToken(token), officerId, expiresAt: new Date(now.getTime() + PROOF_TTL_MS) });
  });
  return token;
}

export type ProvenOfficer = { id: number; name: string; role: 'officer' | 'admin'; passwordHash: string; sessionVersion: number };

/**
 * Consumes a proof (at most once, atomically) and returns its officer if still active;
 * null for anything else: unknown, used, expired, malformed.
 */
export async function consumeSignInProof(db: Database, token: unknown, now = new Date()): Promise<ProvenOfficer | null> {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [proof] = await db
    .delete(signInProofs)
    .where(and(eq(signInProofs.tokenHash, hashToken(token)), gt(signInProofs.expiresAt, now)))
    .returning({ officerId: signInProofs.officerId });
  if (!proof) return null;
  const [row] = await db
    .select({
      id: officers.id,
      name: officers.name,
      role: officers.role,
      active: officers.active,
      passwordHash: officers.passwordHash,
      sessionVersion: officers.sessionVersion,
    })
    .from(officers)
    .where(eq(officers.id, proof.officerId))
    .limit(1);
  if (!row || !row.active) return null;
  return { id: row.id, name: row.name, role: row.role, passwordHash: row.passwordHash, sessionVersion: row.sessionVersion };
}

/**
 * Ends every open session of an officer (all devices, all copied cookies): raises the
 * session version. Call it in the transaction of the change that warrants it — sign-out,
 * deactivation, password change or reset, TOTP enrolment, removal or reset.
 */
export async function endOfficerSessions(db: Database | DbTransaction, officerId: number): Promise<void> {
  await db
    .update(officers)
    .set({ sessionVersion: sql`${officers.sessionVersion} + 1` })
    .where(eq(officers.id, officerId));
}
