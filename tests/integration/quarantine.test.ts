import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { verifyAuditChain } from '@/lib/audit/log';
import { loadCaseCipher } from '@/lib/cases/case-crypto';
import { allowedActionsFor } from '@/lib/cases/officer-actions';
import { loadReporterView } from '@/lib/cases/reporter-view';
import { startVerification } from '@/lib/cases/service/decisions';
import { rejectAsSpam, releaseFromQuarantine, SPAM_REJECTION_PUBLIC_NOTE } from '@/lib/cases/service/quarantine';
import type { Database } from '@/lib/db/client';
import { auditLog, caseEvents, cases, emailOutbox } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { freshDatabase } from '../support/db';
import { createCase, createOfficer } from '../support/factories';

let db: Database;
let officer: Awaited<ReturnType<typeof createOfficer>>;

// The seed's spam line with a Cyrillic ѕ and a zero-width space: the disguises of issue 8.
const SPAM_WHAT = 'ѕlot dana ѕl\u200b0t-777 gacor maxwin, daftar sekarang bonus new member';

beforeAll(async () => {
  db = (await freshDatabase()).db;
  officer = await createOfficer(db);
});

async function quarantinedCase() {
  const submitted = await createCase(db, { what: SPAM_WHAT });
  expect(submitted.quarantined).toBe(true);
  return submitted;
}

async function caseRow(caseNumber: string) {
  const [row] = await db.select().from(cases).where(eq(cases.caseNumber, caseNumber));
  return row;
}

/** Officer emails that name the case (they carry its number and nothing else). */
async function officerMailsAbout(caseNumber: string) {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(emailOutbox).where(like(emailOutbox.textBody, `%${caseNumber}%`));
  return row.n;
}

async function auditActions(caseId: number) {
  const rows = await db.select({ action: auditLog.action, officerId: auditLog.officerId, detail: auditLog.detail }).from(auditLog).where(eq(auditLog.caseId, caseId));
  return rows;
}

/** The reporter's view without its timestamps, to compare two cases. */
async function reporterSees(caseId: number) {
  const view = (await loadReporterView(db, caseId))!;
  return { ...view, submittedAt: null, timeline: view.timeline.map(({ label, note }) => ({ label, note })) };
}

async function refused(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).userMessage).toMatch(/\S/);
}

describe('a quarantined report', () => {
  it('is held without mailing officers, and looks to its reporter exactly like any received report', async () => {
    const spam = await quarantinedCase();
    const clean = await createCase(db);
    expect(clean.quarantined).toBe(false);
    expect(await officerMailsAbout(spam.caseNumber)).toBe(0);
    expect(await officerMailsAbout(clean.caseNumber)).toBeGreaterThan(0);
    expect(await reporterSees(spam.caseId)).toEqual(await reporterSees(clean.caseId));
  });

  it('offers the two exits instead of "Mulai Verifikasi"', () => {
    const kinds = allowedActionsFor('received', { quarantined: true }).map((action) => action.kind);
    expect(kinds).toContain('release_quarantine');
    expect(kinds).toContain('reject_spam');
    expect(kinds).not.toContain('start_verification');
    expect(allowedActionsFor('received', { quarantined: false }).map((action) => action.kind)).toContain('start_verification');
  });

  it('cannot be moved along the procedure while it is quarantined', async () => {
    const spam = await quarantinedCase();
    await refused(startVerification(db, officer, { caseNumber: spam.caseNumber, expectedState: 'received' }), 'quarantined');
    expect(await caseRow(spam.caseNumber)).toMatchObject({ state: 'received', quarantined: true });
  });
});

describe('"Bukan spam"', () => {
  it('moves the report into the inbox, notifies officers as for a new report, and audits it', async () => {
    const spam = await quarantinedCase();
    const clean = await createCase(db);
    const before = await reporterSees(spam.caseId);

    await releaseFromQuarantine(db, officer, { caseNumber: spam.caseNumber, expectedState: 'received', internalNote: 'Laporan asli, hanya menyebut situs.' });

    const row = await caseRow(spam.caseNumber);
    expect(row.quarantined).toBe(false);
    expect(row.state).toBe('received');
    expect(await officerMailsAbout(spam.caseNumber)).toBe(await officerMailsAbout(clean.caseNumber));
    const audit = await auditActions(spam.caseId);
    expect(audit.map((a) => a.action)).toContain('case.quarantine_released');
    expect(audit.find((a) => a.action === 'case.quarantine_released')?.officerId).toBe(Number(officer.id));
    const [event] = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, spam.caseId), eq(caseEvents.kind, 'quarantine_released')));
    // The note is sealed at rest and opens under the case key.
    expect(event.internalNote).not.toContain('Laporan asli');
    const internalNote = (await loadCaseCipher(db, spam.caseId)).open(caseEvents.internalNote, event.id, event.internalNote);
    expect({ visibleToReporter: event.visibleToReporter, internalNote }).toEqual({ visibleToReporter: false, internalNote: 'Laporan asli, hanya menyebut situs.' });
    // Nothing changes for the reporter.
    expect(await reporterSees(spam.caseId)).toEqual(before);

    // Now it follows the procedure like any report.
    await startVerification(db, officer, { caseNumber: spam.caseNumber, expectedState: 'received' });
    expect((await caseRow(spam.caseNumber)).state).toBe('verifying');
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it('is refused for a case that is not quarantined, changing nothing', async () => {
    const clean = await createCase(db);
    const mails = await officerMailsAbout(clean.caseNumber);
    await refused(releaseFromQuarantine(db, officer, { caseNumber: clean.caseNumber }), 'not_quarantined');
    expect(await officerMailsAbout(clean.caseNumber)).toBe(mails);
    expect((await auditActions(clean.caseId)).map((a) => a.action)).not.toContain('case.quarantine_released');
  });

  it('is refused from a stale form after another officer rejected the report', async () => {
    const spam = await quarantinedCase();
    await rejectAsSpam(db, officer, { caseNumber: spam.caseNumber, expectedState: 'received' });
    await refused(releaseFromQuarantine(db, officer, { caseNumber: spam.caseNumber, expectedState: 'received' }), 'stale_case');
    const row = await caseRow(spam.caseNumber);
    expect(row).toMatchObject({ state: 'rejected', quarantined: false });
    expect(await officerMailsAbout(spam.caseNumber)).toBe(0);
  });

  it('lets only one of two officers acting at once through', async () => {
    const spam = await quarantinedCase();
    const other = await createOfficer(db);
    const results = await Promise.allSettled([
      releaseFromQuarantine(db, officer, { caseNumber: spam.caseNumber, expectedState: 'received' }),
      rejectAsSpam(db, other, { caseNumber: spam.caseNumber, expectedState: 'received' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const actions = (await auditActions(spam.caseId)).map((a) => a.action).filter((a) => a !== 'case.submitted');
    expect(actions.filter((a) => a === 'case.quarantine_released' || a === 'case.rejected_as_spam')).toHaveLength(1);
  });
});

describe('"Tolak sebagai spam"', () => {
  it('closes the case as rejected with the reason spam, audited, with no email to anyone', async () => {
    const spam = await quarantinedCase();
    const outboxBefore = (await db.select({ n: sql<number>`count(*)` }).from(emailOutbox))[0].n;

    await rejectAsSpam(db, officer, { caseNumber: spam.caseNumber, expectedState: 'received' });

    const row = await caseRow(spam.caseNumber);
    expect(row).toMatchObject({ state: 'rejected', rejectionReason: 'spam', quarantined: false, dueAt: null });
    const audit = await auditActions(spam.caseId);
    expect(audit.find((a) => a.action === 'case.rejected_as_spam')).toMatchObject({ officerId: Number(officer.id), detail: expect.objectContaining({ reason: 'spam' }) });
    expect((await db.select({ n: sql<number>`count(*)` }).from(emailOutbox))[0].n).toBe(outboxBefore);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it('shows the reporter the ordinary closed state, with a fixed note that names no reason', async () => {
    const spam = await quarantinedCase();
    await rejectAsSpam(db, officer, { caseNumber: spam.caseNumber, internalNote: 'Promosi judi, skor tinggi.' });
    const view = (await loadReporterView(db, spam.caseId))!;
    expect(view.stateLabel).toBe('Tidak Dapat Ditindaklanjuti');
    expect(view.open).toBe(false);
    expect(view.timeline.at(-1)).toMatchObject({ label: 'Tidak Dapat Ditindaklanjuti', note: SPAM_REJECTION_PUBLIC_NOTE });
    const shown = JSON.stringify(view).toLowerCase();
    for (const hint of ['spam', 'karantina', 'skor', 'judi', 'promosi']) expect(shown).not.toContain(hint);
  });

  it('is refused for a case that is not quarantined, and for one already moved on', async () => {
    const clean = await createCase(db);
    await refused(rejectAsSpam(db, officer, { caseNumber: clean.caseNumber }), 'not_quarantined');
    expect((await caseRow(clean.caseNumber)).state).toBe('received');

    const released = await quarantinedCase();
    await releaseFromQuarantine(db, officer, { caseNumber: released.caseNumber });
    await startVerification(db, officer, { caseNumber: released.caseNumber });
    await refused(rejectAsSpam(db, officer, { caseNumber: released.caseNumber, expectedState: 'received' }), 'stale_case');
    await refused(rejectAsSpam(db, officer, { caseNumber: released.caseNumber }), 'stale_case');
    expect((await caseRow(released.caseNumber)).state).toBe('verifying');
  });
});
