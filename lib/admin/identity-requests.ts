import { and, asc, count, desc, eq, gte, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { appendAudit } from '@/lib/audit/log';
import { asAdmin, type AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { openTotp, sealTotp, verifyTotpCode } from '@/lib/auth/totp';
import { auditLog, cases, identityRequests, officers } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { loadCaseCipher, type CaseCipher } from '@/lib/cases/case-crypto';

/**
 * Requests to open a reporter's identity, decided by an admin when the office requires
 * approval (settings.identityViewNeedsApproval; lib/cases/service/identity.ts makes them
 * 'pending'). Only a pending request can be decided, once. Each decision is audited with
 * the request id; the reason the officer wrote stays in its table, never in the log.
 *
 * Four eyes: an admin cannot approve their own request while another active admin
 * exists. An office with a single admin must still work, so that admin may approve
 * their own request after re-entering a fresh two-step code (TOTP, not reusable), and
 * the audit row says so (action `identity.self_approve`), for the inspectors to see.
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
    caseId: identityRequests.caseId,
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
  // The officer's reason is sealed under its case's key: opened per case, for these rows only.
  const ciphers = new Map<number, CaseCipher>();
  const open = async <T extends { id: number; caseId: number; reason: string }>({ caseId, ...row }: T) => {
    let cipher = ciphers.get(caseId);
    if (!cipher) ciphers.set(caseId, (cipher = await loadCaseCipher(db, caseId)));
    return { ...row, reason: cipher.open(identityRequests.reason, row.id, row.reason) };
  };
  return {
    pending: await Promise.all(pending.map(open)),
    recent: (await Promise.all(recent.map(open))) as DecidedIdentityRequest[],
  };
}

export const decideIdentityRequestSchema = z.object({
  requestId: z.coerce.number({ error: 'Permintaan tidak dikenali.' }).int().positive('Permintaan tidak dikenali.'),
  decision: z.enum(['approve', 'deny'], { error: 'Pilih Setujui atau Tolak.' }),
  /** Only for a sole admin approving their own request. */
  totpCode: z.string().trim().max(20).optional(),
});
export type DecideIdentityRequestInput = z.input<typeof decideIdentityRequestSchema>;

const STATUS_LABEL = { approved: 'disetujui', denied: 'ditolak' } as const;

/** Whether any active admin other than `adminId` exists. */
async function anotherActiveAdmin(db: Pick<Database, 'select'>, adminId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: officers.id })
    .from(officers)
    .where(and(eq(officers.role, 'admin'), eq(officers.active, true), ne(officers.id, adminId)))
    .limit(1);
  return Boolean(row);
}

export const SELF_APPROVAL_CODE_MESSAGE =
  'Anda satu-satunya administrator aktif. Untuk menyetujui permintaan Anda sendiri, masukkan kode verifikasi dua langkah yang sedang tampil di aplikasi autentikator Anda. Persetujuan ini ditandai dalam log audit.';

async function decide(
  db: Database,
  officer: AuthorizedOfficer,
  requestId: number,
  decision: 'approved' | 'denied',
  totpCode?: string,
) {
  const admin = asAdmin(officer);

  // A sole admin's own approval: the code is checked first, outside the transaction.
  let usedTotp: string | null = null;
  if (decision === 'approved') {
    const [own] = await db
      .select({ id: identityRequests.id })
      .from(identityRequests)
      .where(and(eq(identityRequests.id, requestId), eq(identityRequests.officerId, admin.id), eq(identityRequests.status, 'pending')))
      .limit(1);
    if (own && !(await anotherActiveAdmin(db, admin.id))) usedTotp = await checkSelfApprovalCode(db, admin.id, totpCode, requestId);
  }

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
    let selfApproved = false;
    if (decision === 'approved' && request.officerId === admin.id) {
      // Four eyes whenever there is a second pair.
      if (await anotherActiveAdmin(tx, admin.id)) {
        throw new AppError('own_request', {
          userMessage: 'Anda tidak dapat menyetujui permintaan Anda sendiri. Administrator lain yang harus memutuskannya.',
        });
      }
      // Checked above; absent only if the request or the admins changed in between.
      if (!usedTotp) throw new AppError('totp_required', { field: 'totpCode', userMessage: SELF_APPROVAL_CODE_MESSAGE });
      await tx.update(officers).set({ totpSecretEnc: usedTotp }).where(eq(officers.id, admin.id));
      selfApproved = true;
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
      // A self-approval has its own action, so it stands out in the log and can be counted.
      action: selfApproved ? 'identity.self_approve' : decision === 'approved' ? 'identity.approve' : 'identity.deny',
      caseId: request.caseId,
      detail: selfApproved ? { requestId: request.id, soleAdmin: true, totpConfirmed: true } : { requestId: request.id },
      at: now,
    });
    return { requestId: request.id, status: decision, selfApproved };
  });
}

/** Wrong codes allowed per admin in SELF_APPROVAL_WINDOW_MS, counted from the audit log (shared by every instance). */
export const SELF_APPROVAL_MAX_FAILURES = 5;
const SELF_APPROVAL_WINDOW_MS = 15 * 60 * 1000;

/**
 * A sole admin's own approval needs a TOTP code now, even though they signed in with
 * one: whoever holds their open session alone cannot open an identity. Checked before
 * the decision's transaction, so a wrong code is audited (and counted: five in 15
 * minutes stop further tries) even though the decision is not made. Returns the sealed
 * secret with the code's step, stored with the decision so the code cannot be replayed.
 */
async function checkSelfApprovalCode(db: Database, adminId: number, code: string | undefined, requestId: number): Promise<string> {
  const [row] = await db
    .select({ enc: officers.totpSecretEnc, enabled: officers.totpEnabled })
    .from(officers)
    .where(eq(officers.id, adminId))
    .limit(1);
  if (!row?.enabled || !row.enc) {
    throw new AppError('own_request_needs_totp', {
      userMessage:
        'Anda satu-satunya administrator aktif. Aktifkan verifikasi dua langkah di halaman Akun Saya terlebih dahulu; setelah itu Anda dapat menyetujui permintaan Anda sendiri dengan kodenya.',
    });
  }
  const [{ failures }] = await db
    .select({ failures: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.officerId, adminId),
        eq(auditLog.action, 'identity.self_approval_failed'),
        gte(auditLog.at, new Date(Date.now() - SELF_APPROVAL_WINDOW_MS)),
      ),
    );
  if (failures >= SELF_APPROVAL_MAX_FAILURES) {
    throw new AppError('too_many_attempts', {
      field: 'totpCode',
      userMessage: 'Terlalu banyak kode yang salah. Coba lagi dalam 15 menit.',
    });
  }
  if (!code) throw new AppError('totp_required', { field: 'totpCode', userMessage: SELF_APPROVAL_CODE_MESSAGE });
  const stored = openTotp(adminId, row.enc);
  const check = await verifyTotpCode(stored.secret, code, stored.lastStep);
  if (!check.valid) {
    await appendAudit(db, { officerId: adminId, action: 'identity.self_approval_failed', detail: { requestId } });
    throw new AppError('totp_invalid', {
      field: 'totpCode',
      userMessage: 'Kode verifikasi tidak cocok atau sudah dipakai. Masukkan kode yang sedang tampil di aplikasi autentikator Anda.',
    });
  }
  return sealTotp(adminId, { ...stored, lastStep: check.timeStep });
}

/** Whether `adminId` is the only active admin (the page then offers self-approval with a code). */
export async function isSoleAdmin(db: Database, adminId: number): Promise<boolean> {
  return !(await anotherActiveAdmin(db, adminId));
}

/**
 * Approves a pending request: the officer who asked can then open the identity on the
 * case page (each view audited there). An admin approves their own request only as
 * the sole active admin, with `totpCode`.
 */
export async function approveIdentityRequest(db: Database, officer: AuthorizedOfficer, input: { requestId: number; totpCode?: string }) {
  return decide(db, officer, input.requestId, 'approved', input.totpCode);
}

/** Denies a pending request; the officer may ask again with a better reason. */
export async function denyIdentityRequest(db: Database, officer: AuthorizedOfficer, input: { requestId: number }) {
  return decide(db, officer, input.requestId, 'denied');
}
