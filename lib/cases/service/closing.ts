import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit, type DbTransaction } from '@/lib/audit/log';
import type { Database } from '@/lib/db/client';
import { cases, infoRequests } from '@/lib/db/schema';
import { FINAL_STATES } from '../workflow';

/**
 * Closing a case closes what still waits on the reporter: every open information request
 * becomes `closed`, in the same transaction as the move, so the reporter never again sees
 * an answer form for a case that can no longer take the answer.
 */

/** Closes the case's open information requests inside the move's transaction; returns their ids. */
export async function closeOpenInfoRequests(tx: DbTransaction, caseId: number): Promise<number[]> {
  const closed = await tx
    .update(infoRequests)
    .set({ status: 'closed' })
    .where(and(eq(infoRequests.caseId, caseId), eq(infoRequests.status, 'open')))
    .returning({ id: infoRequests.id });
  return closed.map((row) => row.id);
}

/**
 * Repairs data written before this rule: information requests still open on cases that
 * are already closed. Idempotent (a second run finds nothing); each repaired case gets one
 * audit row. Run on every start (scripts/prepare.ts).
 */
export async function closeRequestsOfClosedCases(db: Database): Promise<number> {
  const stale = await db
    .select({ id: infoRequests.id, caseId: infoRequests.caseId })
    .from(infoRequests)
    .innerJoin(cases, eq(cases.id, infoRequests.caseId))
    .where(and(eq(infoRequests.status, 'open'), inArray(cases.state, [...FINAL_STATES])));
  if (stale.length === 0) return 0;
  const byCase = new Map<number, number[]>();
  for (const row of stale) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row.id]);
  let closed = 0;
  await db.transaction(async (tx) => {
    for (const [caseId, ids] of byCase) {
      const done = await tx
        .update(infoRequests)
        .set({ status: 'closed' })
        .where(and(inArray(infoRequests.id, ids), eq(infoRequests.status, 'open')))
        .returning({ id: infoRequests.id });
      if (done.length === 0) continue;
      closed += done.length;
      await appendAudit(tx, {
        officerId: null,
        action: 'case.info_requests_closed',
        caseId,
        detail: { infoRequestIds: done.map((r) => r.id), repair: true },
      });
    }
  });
  return closed;
}

