import type { z } from 'zod';
import type { AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';
import {
  referralLabels,
  type concludeSchema,
  type noteSchema,
  type referSchema,
  type rejectSchema,
} from '../officer-schemas';
import { rejectionReasonsFor } from '../officer-actions';
import { REJECTION_REASON_LABELS } from '../workflow';
import { openInfoRequest } from './info-requests';
import { decide } from './common';
import { auditLog, cases, summons } from '@/lib/db/schema';
import { eq } from 'drizzle-orm';
import type { AuditDetail } from '@/lib/audit/log';
import { conclusionNeedsReason } from '../summons-rules';
import { loadCaseCipher } from '../case-crypto';

/**
 * The officer's decisions that move a case along the procedure: start verification,
 * accept as complete, reject, refer, return to investigation, conclude. Each one
 * authorises the caller itself, checks the move, and writes in one transaction (decide).
 */

export type StartVerificationOptions = z.infer<typeof noteSchema>;

export async function startVerification(db: Database, officer: AuthorizedOfficer, options: StartVerificationOptions) {
  await decide(db, officer, options, 'verifying', (caseRow) => {
    // A quarantined report leaves quarantine first (service/quarantine.ts).
    if (caseRow.quarantined) {
      throw new AppError('quarantined', { userMessage: 'Laporan ini masih di karantina. Pilih "Bukan spam" atau "Tolak sebagai spam" terlebih dahulu.' });
    }
    return {
      kind: 'verification_started',
      internalNote: options.internalNote,
      publicNote: options.publicNote ?? 'Laporan Anda sedang diverifikasi kelengkapannya oleh petugas.',
    };
  });
}

export type AcceptAsCompleteOptions = z.infer<typeof noteSchema>;

/** Complete: the 60-day conclusion clock starts now (kept if it had started before). */
export async function acceptAsComplete(db: Database, officer: AuthorizedOfficer, options: AcceptAsCompleteOptions) {
  await decide(db, officer, options, 'investigating', (caseRow) => ({
    kind: 'accepted_complete',
    internalNote: options.internalNote,
    publicNote: options.publicNote ?? 'Laporan Anda dinyatakan lengkap dan sedang ditelaah lebih lanjut.',
    set: { completedAt: caseRow.completedAt ?? new Date() },
  }));
}

export type RejectCaseOptions = z.infer<typeof rejectSchema>;

/**
 * Rejects with a reason from DESIGN's list. From Menunggu Kelengkapan only once the
 * information request's due date has passed without an answer.
 */
export async function rejectCase(db: Database, officer: AuthorizedOfficer, options: RejectCaseOptions) {
  await decide(db, officer, options, 'rejected', async (caseRow) => {
    if (caseRow.state === 'awaiting_info') {
      const open = await openInfoRequest(db, caseRow.id);
      const reasons = rejectionReasonsFor(caseRow.state, { openInfoRequestDueAt: open?.dueAt ?? null });
      if (reasons.length === 0) {
        throw new AppError('info_request_not_due', {
          userMessage: 'Laporan yang menunggu kelengkapan baru dapat ditolak setelah batas waktu jawaban pelapor lewat.',
          field: 'reason',
        });
      }
      if (!reasons.includes(options.reason)) {
        throw new AppError('wrong_reason', {
          userMessage: `Dari status Menunggu Kelengkapan, alasan yang dapat dipakai hanya "${REJECTION_REASON_LABELS.tidak_ada_jawaban}".`,
          field: 'reason',
        });
      }
    }
    return {
      kind: 'rejected',
      internalNote: options.internalNote,
      publicNote: options.publicNote,
      set: { rejectionReason: options.reason },
      audit: { reason: options.reason },
    };
  });
}

export type ReferCaseOptions = z.infer<typeof referSchema>;

export async function referCase(db: Database, officer: AuthorizedOfficer, options: ReferCaseOptions) {
  const labels = referralLabels(await getSettings(db));
  await decide(db, officer, options, 'referred', async (caseRow) => {
    if (options.referredTo === 'lainnya' && !options.referredToOther) {
      throw new AppError('referral_target_missing', { userMessage: 'Tuliskan nama instansi tujuan.', field: 'referredToOther' });
    }
    const target = options.referredTo === 'lainnya' ? options.referredToOther! : labels[options.referredTo];
    return {
      kind: 'referred',
      internalNote: options.internalNote,
      publicNote: `Laporan Anda dilimpahkan kepada ${target}. ${options.publicNote}`,
      set: { referredTo: (await loadCaseCipher(db, caseRow.id)).seal(cases.referredTo, caseRow.id, target) },
      audit: { referredTo: options.referredTo },
    };
  });
}

export type ReturnToInvestigationOptions = z.infer<typeof noteSchema>;

/** After hearing the reporter and witnesses, back to review (internal; the reporter still sees "Diproses"). */
export async function returnToInvestigation(db: Database, officer: AuthorizedOfficer, options: ReturnToInvestigationOptions) {
  await decide(db, officer, options, 'investigating', () => ({
    kind: 'returned_to_investigation',
    internalNote: options.internalNote,
    publicNote: null,
  }));
}

export type ConcludeCaseOptions = z.infer<typeof concludeSchema>;

/**
 * Concludes. "Terbukti" without an attended examination of the reported party needs a
 * written reason: it goes, sealed, into the conclusion's internal note (officers read it
 * in the timeline) and into the audit row, so the chain keeps it and retention erases it.
 */
export async function concludeCase(db: Database, officer: AuthorizedOfficer, options: ConcludeCaseOptions) {
  await decide(db, officer, options, 'concluded', async (caseRow) => {
    const records = await db.select({ role: summons.role, status: summons.status }).from(summons).where(eq(summons.caseId, caseRow.id));
    const needsReason = conclusionNeedsReason(options.outcome, records);
    const reason = needsReason ? options.unexaminedReason?.trim() : undefined;
    if (needsReason && (!reason || reason.length < 20)) {
      throw new AppError('conclusion_reason_required', {
        userMessage:
          'Terlapor belum diperiksa dengan kehadirannya tercatat. Untuk menyimpulkan "terbukti", tuliskan alasannya (minimal 20 karakter); alasan ini disimpan dalam log audit.',
        field: 'unexaminedReason',
      });
    }
    const cipher = await loadCaseCipher(db, caseRow.id);
    const internalNote = reason
      ? [`Alasan menyimpulkan terbukti tanpa pemeriksaan terlapor yang dihadiri: ${reason}`, options.internalNote].filter(Boolean).join('\n\n')
      : options.internalNote;
    const audit: AuditDetail = reason
      ? { outcome: options.outcome, withoutAttendedExamination: true, reason: cipher.seal(auditLog.detail, `conclusion-reason:${caseRow.id}`, reason) }
      : { outcome: options.outcome };
    return {
      kind: 'concluded',
      internalNote,
      publicNote: options.summary,
      set: { outcome: options.outcome, outcomeSummary: cipher.seal(cases.outcomeSummary, caseRow.id, options.summary) },
      audit,
    };
  });
}
