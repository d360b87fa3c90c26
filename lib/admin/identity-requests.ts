import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { appendAudit } from '@/lib/audit/log';
import { asAdmin, type AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { cases, identityRequests, officers } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';

/**
 * Requests to open a reporter's identity, decided by an admin when the office requires
 * approval (settings.identityViewNeedsApproval; lib/cases/service/identity.ts makes them
 * 'pending'). Only a pending request can be decided, once. Each decision is audited with
 * the request id; the reason the officer wrote stays in its table, never in the log.
 */

export type IdentityRequestItem = {
  id: number;
  caseNumber: string;
  officerId: number;
  officerName: string;
  reason: string;
  createdAt: Date;
};

export type DecidedIdentityRequest = IdentityRequestItem & {
  status: 'approved' | 'denied';
  decidedByName: string | null;
  decidedAt: Date | null;
};

const requester = alias(officers, 'requester');
const decider = alias(officers, 'decider');

/** Pending requests, oldest first (the longest waiting on top), and the last decisions. Admins only. */
export async function listIdentityRequests(
  db: Database,
  officer: AuthorizedOfficer,
  options: { recentLimit?: number } = {},
): Promise<{ pending: IdentityRequestItem[]; recent: DecidedIdentityRequest[] }> {
  asAdmin(officer);
  const columns = {
    id: identityRequests.id,
    caseNumber: cases.caseNumber,
    officerId: identityRequests.officerId,
    officerName: requester.name,
    reason: identityRequests.reason,
    createdAt: identityRequests.createdAt,
  };
  const pending = await db
    .select(columns)
    .from(identityRequests)
    .innerJoin(cases, eq(cases.id, identityRequests.caseId))
    .innerJoin(requester, eq(requester.id, identityRequests.officerId))
    .where(eq(identityRequests.status, 'pending'))
    .orderBy(asc(identityRequests.createdAt), asc(identityRequests.id));
  const recent = await db
    .select({ ...columns, status: identityRequests.status, decidedByName: decider.name, decidedAt: identityRequests.decidedAt })
    .from(identityRequests)
    .innerJoin(cases, eq(cases.id, identityRequests.caseId))
    .innerJoin(requester, eq(requester.id, identityRequests.officerId))
    .leftJoin(decider, eq(decider.id, identityRequests.decidedBy))
    .where(ne(identityRequests.status, 'pending'))
    .orderBy(desc(identityRequests.id))
    .limit(options.recentLimit ?? 10);
  return { pending, recent: recent as DecidedIdentityRequest[] };
}

export const decideIdentityRequestSchema = z.object({
  requestId: z.coerce.number({ error: 'Permintaan tidak dikenali.' }).int().positive('Permintaan tidak dikenali.'),
  decision: z.enum(['approve', 'deny'], { error: 'Pilih Setujui atau Tolak.' }),
});
export type DecideIdentityRequestInput = z.input<typeof decideIdentityRequestSchema>;

const STATUS_LABEL = { approved: 'disetujui', denied: 'ditolak' } as const;

async function decide(db: Database, officer: AuthorizedOfficer, requestId: number, decision: 'approved' | 'denied') {
  const admin = asAdmin(officer);
  return db.transaction(async (tx) => {
    const [request] = await tx
      .select({ id: identityRequests.id, caseId: identityRequests.caseId, officerId: identityRequests.officerId, status: identityRequests.status })
      .from(identityRequests)
      .where(eq(identityRequests.id, requestId))
      .limit(1);
    if (!request) throw new AppError('not_found', { userMessage: 'Permintaan akses identitas tidak ditemukan.' });
    if (request.status !== 'pending') {
      throw new AppError('already_decided', {
        userMessage: `Permintaan ini sudah ${STATUS_LABEL[request.status]} sebelumnya; keputusan tidak dapat diubah.`,
      });
    }
    // Four eyes: approval exists so that nobody opens an identity on their own word.
    if (decision === 'approved' && request.officerId === admin.id) {
      throw new AppError('own_request', {
        userMessage: 'Anda tidak dapat menyetujui permintaan Anda sendiri. Administrator lain yang harus memutuskannya.',
      });
    }
    const now = new Date();
    // The status condition makes a second decision posted at the same moment a no-op.
    const updated = await tx
      .update(identityRequests)
      .set({ status: decision, decidedBy: admin.id, decidedAt: now })
      .where(and(eq(identityRequests.id, request.id), eq(identityRequests.status, 'pending')))
      .returning({ id: identityRequests.id });
    if (updated.length === 0) {
      throw new AppError('already_decided', { userMessage: 'Permintaan ini baru saja diputuskan oleh administrator lain.' });
    }
    await appendAudit(tx, {
      officerId: admin.id,
      action: decision === 'approved' ? 'identity.approve' : 'identity.deny',
      caseId: request.caseId,
      detail: { requestId: request.id },
      at: now,
    });
    return { requestId: request.id, status: decision };
  });
}

/**
 * Approves a pending request: the officer who asked can then open the identity on the
 * case page (each view audited there). An admin cannot approve their own request.
 */
export async function approveIdentityRequest(db: Database, officer: AuthorizedOfficer, input: { requestId: number }) {
  return decide(db, officer, input.requestId, 'approved');
}

/** Denies a pending request; the officer may ask again with a better reason. */
export async function denyIdentityRequest(db: Database, officer: AuthorizedOfficer, input: { requestId: number }) {
  return decide(db, officer, input.requestId, 'denied');
}
