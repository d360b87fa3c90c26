import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { statusSessions } from '@/lib/db/schema';
import { ticketKey } from '@/lib/env';

/**
 * Reporter /status sessions kept in the database, so that ending one ("Selesai /
 * Keluar") holds on every copy of the cookie and on every app instance. The browser
 * gets a random 256-bit token; the table holds only its keyed hash, the case and the
 * expiry. Free of Next.js: app/(public)/status puts the token in a sealed cookie.
 */

export const STATUS_SESSION_SECONDS = 30 * 60;

function hashToken(token: string): string {
  return createHmac('sha256', ticketKey()).update(`wbs-status-session:${token}`).digest('hex');
}

/** Starts a session for a case found by its ticket; returns the token for the cookie. */
export async function openStatusSession(db: Database, caseId: number, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    // Expired sessions are useless; clearing them here keeps the table small without a job.
    await tx.delete(statusSessions).where(lte(statusSessions.expiresAt, now));
    await tx.insert(statusSessions).values({
      tokenHash: hashToken(token),
      caseId,
      expiresAt: new Date(now.getTime() + STATUS_SESSION_SECONDS * 1000),
      createdAt: now,
    });
  });
  return token;
}

/** The case of a live session, or null (unknown, ended or expired token). */
export async function caseIdForStatusSession(db: Database, token: string | null | undefined, now = new Date()): Promise<number | null> {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .select({ caseId: statusSessions.caseId })
    .from(statusSessions)
    .where(and(eq(statusSessions.tokenHash, hashToken(token)), gt(statusSessions.expiresAt, now)))
    .limit(1);
  return row?.caseId ?? null;
}

/** Ends a session on the server: any copy of its cookie stops working at once. */
export async function closeStatusSession(db: Database, token: string | null | undefined): Promise<void> {
  if (!token || token.length > 100) return;
  await db.delete(statusSessions).where(eq(statusSessions.tokenHash, hashToken(token)));
}
