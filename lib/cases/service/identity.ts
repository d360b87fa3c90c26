import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { appendAudit } from '@/lib/audit/log';
import type { AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { identityRequests } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';
import type { identityRequestSchema } from '../officer-schemas';
import { decryptIdentity, type ReporterIdentity } from '../reporter-identity';
import { loadCaseFor } from './common';
import { loadCaseCipher, SEAL_PENDING, sealRow } from '../case-crypto';

/**
 * The reporter's identity stays sealed until an officer asks for it with a written
 * reason. The request and every later view are in the audit log; where the office
 * requires it, an admin approves the request first.
 */

export type { ReporterIdentity } from '../reporter-identity';

export type RequestIdentityAccessOptions = z.infer<typeof identityRequestSchema>;

export async function requestIdentityAccess(db: Database, officer: AuthorizedOfficer, options: RequestIdentityAccessOptions) {
  const caseRow = await loadCaseFor(db, officer, options.caseNumber);
  if (caseRow.anonymous) {
    throw new AppError('anonymous_report', { userMessage: 'Laporan ini dikirim secara anonim; tidak ada identitas yang tersimpan.' });
  }
  const settings = await getSettings(db);
  const status = settings.identityViewNeedsApproval ? 'pending' : 'approved';
  await db.transaction(async (tx) => {
    const [request] = await tx
      .insert(identityRequests)
      .values({ caseId: caseRow.id, officerId: officer.id, reason: SEAL_PENDING, status })
      .returning({ id: identityRequests.id });
    await sealRow(tx, await loadCaseCipher(tx, caseRow.id), identityRequests, request.id, { reason: options.reason });
    await appendAudit(tx, { officerId: officer.id, action: 'identity.request', caseId: caseRow.id, detail: { requestId: request.id, status } });
  });
  return { status };
}

/** The latest request of this officer for this case, if any. */
export async function identityAccessFor(db: Database, caseId: number, officerId: number) {
  const [latest] = await db
    .select({ id: identityRequests.id, status: identityRequests.status })
    .from(identityRequests)
    .where(and(eq(identityRequests.caseId, caseId), eq(identityRequests.officerId, officerId)))
    .orderBy(desc(identityRequests.id))
    .limit(1);
  return latest;
}

/** Decrypts the identity for an officer holding an approved request; every call is audited. */
export async function viewReporterIdentity(db: Database, officer: AuthorizedOfficer, caseNumber: string): Promise<ReporterIdentity> {
  const caseRow = await loadCaseFor(db, officer, caseNumber);
  const access = await identityAccessFor(db, caseRow.id, officer.id);
  if (!access || access.status !== 'approved' || !caseRow.reporterIdentityEnc) {
    throw new AppError('identity_not_approved', { userMessage: 'Anda belum memiliki izin untuk melihat identitas pelapor.' });
  }
  await appendAudit(db, { officerId: officer.id, action: 'identity.view', caseId: caseRow.id, detail: { requestId: access.id } });
  return decryptIdentity(await loadCaseCipher(db, caseRow.id), caseRow.reporterIdentityEnc);
}
