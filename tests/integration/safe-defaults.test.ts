import { beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { approveIdentityRequest, isSoleAdmin, SELF_APPROVAL_MAX_FAILURES } from '@/lib/admin/identity-requests';
import { verifyAuditChain } from '@/lib/audit/log';
import { authorizeOfficer, sessionOfficer } from '@/lib/auth/guard';
import { requestIdentityAccess, viewReporterIdentity } from '@/lib/cases/service/identity';
import type { Database } from '@/lib/db/client';
import { auditLog, identityRequests, officers } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';
import { freshDatabase } from '../support/db';
import { createCase, createOfficer, latestIdentityRequestId } from '../support/factories';

/** A new install (no settings stored): what it requires, and how a one-admin office still works. */

let db: Database;

beforeAll(async () => {
  ({ db } = await freshDatabase());
});

async function refusal(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** A TOTP code for a step other than the current one's neighbours: always wrong. */
async function wrongCode(secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) - 3600 });
}

describe('a new install', () => {
  it('requires two-step sign-in and an admin approval of identity requests', async () => {
    const settings = await getSettings(db);
    expect(settings.requireTotp).toBe(true);
    expect(settings.identityViewNeedsApproval).toBe(true);
  });

  it('lets an officer who has not enrolled in TOTP do nothing but finish activation', async () => {
    const fresh = await createOfficer(db, 'officer', undefined, { totp: false });
    await refusal(authorizeOfficer(db, fresh.session), 'activation_required');
    expect((await sessionOfficer(db, fresh.session)).id).toBe(Number(fresh.id));
  });

  it('keeps an identity request pending until an admin approves it', async () => {
    const officer = await createOfficer(db);
    const { caseNumber } = await createCase(db, { anonymous: 'no', reporterName: 'Agustinus Pelapor', reporterPhone: '081233334444' });
    expect(await requestIdentityAccess(db, officer, { caseNumber, reason: 'Perlu klarifikasi langsung kepada pelapor.' })).toEqual({ status: 'pending' });
    await refusal(viewReporterIdentity(db, officer, caseNumber), 'identity_not_approved');
  });
});

describe('an office with a single admin', () => {
  it('the sole admin approves their own request only with a fresh TOTP code, and the audit log marks it', async () => {
    const { db } = await freshDatabase();
    const admin = await createOfficer(db, 'admin');
    await createOfficer(db, 'officer'); // officers do not count: only admins decide
    expect(await isSoleAdmin(db, Number(admin.id))).toBe(true);
    const { caseNumber, caseId } = await createCase(db, { anonymous: 'no', reporterName: 'Fransiska Pelapor', reporterPhone: '081255556666' });
    await requestIdentityAccess(db, admin, { caseNumber, reason: 'Saya satu-satunya pengelola WBS dan perlu menghubungi pelapor.' });
    const requestId = await latestIdentityRequestId(db);

    // No code, a wrong code: refused at the code field, still pending, identity closed.
    expect((await refusal(approveIdentityRequest(db, admin, { requestId }), 'totp_required')).field).toBe('totpCode');
    await refusal(approveIdentityRequest(db, admin, { requestId, totpCode: await wrongCode(admin.totpSecret!) }), 'totp_invalid');
    const [still] = await db.select({ status: identityRequests.status }).from(identityRequests).where(eq(identityRequests.id, requestId));
    expect(still.status).toBe('pending');
    await refusal(viewReporterIdentity(db, admin, caseNumber), 'identity_not_approved');
    const failed = await db.select().from(auditLog).where(eq(auditLog.action, 'identity.self_approval_failed'));
    expect(failed).toHaveLength(1);

    // The current code: approved, and marked in the audit log.
    const code = await admin.totpCode();
    expect(await approveIdentityRequest(db, admin, { requestId, totpCode: code })).toMatchObject({ status: 'approved', selfApproved: true });
    const [mark] = await db.select().from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'identity.self_approve')));
    expect(mark).toMatchObject({ officerId: Number(admin.id), detail: { requestId, soleAdmin: true, totpConfirmed: true } });
    expect((await viewReporterIdentity(db, admin, caseNumber)).name).toBe('Fransiska Pelapor');
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });

    // The same code cannot approve a second request.
    await requestIdentityAccess(db, admin, { caseNumber, reason: 'Permintaan kedua untuk pemeriksaan ulang data kontak.' });
    const second = await latestIdentityRequestId(db);
    await refusal(approveIdentityRequest(db, admin, { requestId: second, totpCode: code }), 'totp_invalid');
  });

  it('stops guessing after a few wrong codes, counted in the database', async () => {
    const { db } = await freshDatabase();
    const admin = await createOfficer(db, 'admin');
    const { caseNumber } = await createCase(db, { anonymous: 'no', reporterName: 'Paulus Pelapor', reporterPhone: '081277778888' });
    await requestIdentityAccess(db, admin, { caseNumber, reason: 'Perlu menghubungi pelapor untuk klarifikasi.' });
    const requestId = await latestIdentityRequestId(db);
    const wrong = await wrongCode(admin.totpSecret!);
    for (let i = 0; i < SELF_APPROVAL_MAX_FAILURES; i += 1) {
      await refusal(approveIdentityRequest(db, admin, { requestId, totpCode: wrong }), 'totp_invalid');
    }
    await refusal(approveIdentityRequest(db, admin, { requestId, totpCode: await admin.totpCode() }), 'too_many_attempts');
  });

  it('with a second active admin, four eyes again: no self-approval even with a code', async () => {
    const { db } = await freshDatabase();
    const admin = await createOfficer(db, 'admin');
    const other = await createOfficer(db, 'admin');
    const { caseNumber } = await createCase(db, { anonymous: 'no', reporterName: 'Elisabet Pelapor', reporterPhone: '081299990000' });
    await requestIdentityAccess(db, admin, { caseNumber, reason: 'Perlu menghubungi pelapor untuk klarifikasi.' });
    const requestId = await latestIdentityRequestId(db);
    await refusal(approveIdentityRequest(db, admin, { requestId, totpCode: await admin.totpCode() }), 'own_request');

    // Once the other admin is deactivated, the remaining one is the sole admin.
    await db.update(officers).set({ active: false }).where(eq(officers.id, Number(other.id)));
    expect(await isSoleAdmin(db, Number(admin.id))).toBe(true);
    await approveIdentityRequest(db, admin, { requestId, totpCode: await admin.totpCode() });
    const [last] = await db.select({ action: auditLog.action }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(last.action).toBe('identity.self_approve');
  });
});
