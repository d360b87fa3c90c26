import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '@/lib/audit/log';
import type { AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database, DbTransaction } from '@/lib/db/client';
import { caseEvents, cases, type Case } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { dueFields } from '../due';
import { notifyOfficers } from '../notify';
import { caseRefSchema } from '../officer-schemas';
import { loadCaseFor, staleError } from './common';
import { loadCaseCipher, SEAL_PENDING, sealRow } from '../case-crypto';

/**
 * The two exits from quarantine (a report the spam check held back, still "Diterima"
 * for the reporter): "Bukan spam" lets it into the inbox as a new report, "Tolak sebagai
 * spam" closes it. A quarantined report has not entered the procedure yet, so closing it
 * as spam is the quarantine's own exit, not a move of the workflow table (which only
 * lets a *verified* case be rejected); it is allowed from quarantine only, and only with
 * the reason spam.
 *
 * Neither exit tells the sender anything to tune a next attempt with: releasing changes
 * nothing the reporter sees; rejecting shows the ordinary "Tidak Dapat Ditindaklanjuti"
 * with a fixed note that names no reason, and sends no email (the address on a spam
 * report may well be someone else's).
 */

export const quarantineDecisionSchema = caseRefSchema.extend({
  internalNote: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
    z.string().max(4000, 'Catatan internal terlalu panjang (maksimal 4000 karakter).').optional(),
  ),
});

export type QuarantineDecisionOptions = z.infer<typeof quarantineDecisionSchema>;

/** What the reporter reads after "Tolak sebagai spam": the same for every such case. */
export const SPAM_REJECTION_PUBLIC_NOTE = 'Laporan ini tidak dapat ditindaklanjuti.';

function notQuarantined(caseRow: Case): AppError {
  if (caseRow.state !== 'received') return staleError(caseRow.state);
  return new AppError('not_quarantined', {
    userMessage: 'Kasus ini tidak lagi berada di karantina; petugas lain mungkin sudah memeriksanya. Muat ulang halaman.',
  });
}

async function loadQuarantined(db: Database, officer: AuthorizedOfficer, options: QuarantineDecisionOptions): Promise<Case> {
  const caseRow = await loadCaseFor(db, officer, options.caseNumber);
  if (options.expectedState && options.expectedState !== caseRow.state) throw staleError(caseRow.state);
  if (!caseRow.quarantined || caseRow.state !== 'received') throw notQuarantined(caseRow);
  return caseRow;
}

/** The guarded update: only a case still in quarantine changes; the loser of a race gets the stale message. */
async function updateQuarantined(tx: DbTransaction, caseRow: Case, set: Partial<Case>) {
  const updated = await tx
    .update(cases)
    .set(set)
    .where(and(eq(cases.id, caseRow.id), eq(cases.state, 'received'), eq(cases.quarantined, true)))
    .returning({ id: cases.id });
  if (updated.length === 0) {
    const [fresh] = await tx.select().from(cases).where(eq(cases.id, caseRow.id));
    throw notQuarantined(fresh ?? caseRow);
  }
}

/**
 * "Bukan spam": the report joins the inbox as a new report and officers are notified as
 * for any new report, in the same transaction. Its deadlines still count from receipt.
 */
export async function releaseFromQuarantine(db: Database, officer: AuthorizedOfficer, options: QuarantineDecisionOptions): Promise<void> {
  const caseRow = await loadQuarantined(db, officer, options);
  const now = new Date();
  await db.transaction(async (tx) => {
    await updateQuarantined(tx, caseRow, { quarantined: false, updatedAt: now });
    // Notes are sealed under the case key, like every event's (service/common.ts).
    const [event] = await tx.insert(caseEvents).values({
      caseId: caseRow.id,
      kind: 'quarantine_released',
      fromState: 'received',
      toState: 'received',
      officerId: officer.id,
      internalNote: null,
      publicNote: null,
      visibleToReporter: false,
      createdAt: now,
    }).returning({ id: caseEvents.id });
    await sealRow(tx, await loadCaseCipher(tx, caseRow.id), caseEvents, event.id, { internalNote: options.internalNote ?? null });
    await appendAudit(tx, {
      officerId: officer.id,
      action: 'case.quarantine_released',
      caseId: caseRow.id,
      detail: { spamScore: caseRow.spamScore },
      at: now,
    });
    await notifyOfficers(tx, 'new_report', caseRow.caseNumber, now);
  });
}

/** "Tolak sebagai spam": closed as rejected with the reason spam, out of the quarantine tab. */
export async function rejectAsSpam(db: Database, officer: AuthorizedOfficer, options: QuarantineDecisionOptions): Promise<void> {
  const caseRow = await loadQuarantined(db, officer, options);
  const now = new Date();
  const due = await dueFields(db, { state: 'rejected', createdAt: caseRow.createdAt, completedAt: caseRow.completedAt, stateChangedAt: now });
  await db.transaction(async (tx) => {
    await updateQuarantined(tx, caseRow, {
      ...due,
      state: 'rejected',
      rejectionReason: 'spam',
      quarantined: false,
      stateChangedAt: now,
      updatedAt: now,
    });
    // Written directly rather than through recordEvent: that one mails the reporter
    // about an officer's public note, and a spam report gets no email.
    const [event] = await tx.insert(caseEvents).values({
      caseId: caseRow.id,
      kind: 'rejected_as_spam',
      fromState: 'received',
      toState: 'rejected',
      officerId: officer.id,
      internalNote: null,
      publicNote: SEAL_PENDING,
      visibleToReporter: true,
      createdAt: now,
    }).returning({ id: caseEvents.id });
    await sealRow(tx, await loadCaseCipher(tx, caseRow.id), caseEvents, event.id, {
      internalNote: options.internalNote ?? null,
      publicNote: SPAM_REJECTION_PUBLIC_NOTE,
    });
    await appendAudit(tx, {
      officerId: officer.id,
      action: 'case.rejected_as_spam',
      caseId: caseRow.id,
      detail: { from: 'received', to: 'rejected', reason: 'spam', spamScore: caseRow.spamScore },
      at: now,
    });
  });
}
