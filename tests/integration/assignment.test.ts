import { beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AuthorizedAdmin } from '@/lib/auth/guard';
import {
  assignOfficer,
  declareRecusal,
  loadAssignmentPanel,
  migrateLegacyAssignments,
  setCaseRestriction,
  takeCase,
  unassignOfficer,
} from '@/lib/cases/assignment';
import { loadEvidenceForOfficer } from '@/lib/cases/evidence-download';
import { countByState, countMineAndUnread, findCaseNumber, listInbox } from '@/lib/cases/inbox';
import { loadOfficerCaseView } from '@/lib/cases/officer-view';
import { handleReportSubmission } from '@/lib/cases/report-submission';
import { handleReporterMessage } from '@/lib/cases/reporter-replies';
import { acceptAsComplete, startVerification } from '@/lib/cases/service/decisions';
import { requestIdentityAccess } from '@/lib/cases/service/identity';
import { sendMessageToReporter } from '@/lib/cases/service/messages';
import { scheduleSummons } from '@/lib/cases/service/summons';
import { loadSummonsCalendar, loadSummonsLetter } from '@/lib/cases/summons-documents';
import type { Database } from '@/lib/db/client';
import { attachments, auditLog, caseAssignments, cases, emailOutbox, officers, summons } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { runScheduledNotifications } from '@/lib/email/scheduled';
import { freshDatabase } from '../support/db';
import { createCase, createOfficer } from '../support/factories';
import { pdfFile, validReportForm } from '../support/forms';

/**
 * Issue 13, point 2: every case has handling officers (assigned by admins, or taken
 * while nobody handles it), a recused officer is refused the case everywhere, an admin
 * can restrict a case to its officers, and a case's news goes to its officers.
 */

let db: Database;
let admin: Awaited<ReturnType<typeof createOfficer>> & AuthorizedAdmin;
let ani: Awaited<ReturnType<typeof createOfficer>>;
let budi: Awaited<ReturnType<typeof createOfficer>>;
let citra: Awaited<ReturnType<typeof createOfficer>>;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  admin = (await createOfficer(db, 'admin')) as typeof admin;
  ani = await createOfficer(db);
  budi = await createOfficer(db);
  citra = await createOfficer(db);
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function auditActions(caseId: number): Promise<{ action: string; officerId: number | null; detail: unknown }[]> {
  return db
    .select({ action: auditLog.action, officerId: auditLog.officerId, detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.caseId, caseId), inArray(auditLog.action, ['case.assign', 'case.unassign', 'case.take', 'case.recuse', 'case.restrict', 'case.unrestrict'])))
    .orderBy(auditLog.id);
}

async function openCaseNumbers(officer: typeof ani, view: 'open' | 'mine' | 'unread' = 'open'): Promise<string[]> {
  return (await listInbox(db, officer, { view, limit: 200 })).rows.map((r) => r.caseNumber);
}

/** The next weekday at least `n` days ahead (summons on a weekend may ask for confirmation). */
function weekdayIn(n: number): string {
  const d = new Date(Date.now() + n * 86400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('assignment', () => {
  it('an officer takes an unassigned case once; a second officer is refused; it shows in "Kasus saya"', async () => {
    const { caseNumber, caseId } = await createCase(db);
    expect((await loadAssignmentPanel(db, ani, caseNumber)).canTake).toBe(true);

    await takeCase(db, ani, { caseNumber });
    const second = await refusal(takeCase(db, budi, { caseNumber }));
    expect(second.code).toBe('already_assigned');

    expect(await openCaseNumbers(ani, 'mine')).toContain(caseNumber);
    expect(await openCaseNumbers(budi, 'mine')).not.toContain(caseNumber);
    const panel = await loadAssignmentPanel(db, budi, caseNumber);
    expect(panel).toMatchObject({ assigned: [{ id: ani.id, name: ani.name }], isAssigned: false, canTake: false, candidates: null, recusals: null });
    expect((await loadOfficerCaseView(db, budi, caseNumber))!.assignedOfficerName).toBe(ani.name);
    expect(await auditActions(caseId)).toEqual([{ action: 'case.take', officerId: ani.id, detail: {} }]);
  });

  it('two officers taking the same case at once: exactly one becomes its handler', async () => {
    const { caseNumber, caseId } = await createCase(db);
    const results = await Promise.allSettled([takeCase(db, ani, { caseNumber }), takeCase(db, budi, { caseNumber })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rows = await db.select().from(caseAssignments).where(eq(caseAssignments.caseId, caseId));
    expect(rows).toHaveLength(1);
  });

  it('admins assign and reassign; officers cannot assign; each change is audited', async () => {
    const { caseNumber, caseId } = await createCase(db);
    expect((await refusal(assignOfficer(db, ani as unknown as AuthorizedAdmin, { caseNumber, officerId: ani.id }))).code).toBe('forbidden');

    await assignOfficer(db, admin, { caseNumber, officerId: ani.id });
    expect((await refusal(assignOfficer(db, admin, { caseNumber, officerId: ani.id }))).code).toBe('assignee_invalid');
    // Reassign: Budi in, Ani out.
    await assignOfficer(db, admin, { caseNumber, officerId: budi.id });
    await unassignOfficer(db, admin, { caseNumber, officerId: ani.id });

    expect(await openCaseNumbers(budi, 'mine')).toContain(caseNumber);
    expect(await openCaseNumbers(ani, 'mine')).not.toContain(caseNumber);
    const panel = await loadAssignmentPanel(db, admin, caseNumber);
    expect(panel.assigned).toEqual([{ id: budi.id, name: budi.name }]);
    expect(panel.candidates!.map((o) => o.id)).toContain(ani.id);
    expect(panel.candidates!.map((o) => o.id)).not.toContain(budi.id);
    expect(await auditActions(caseId)).toEqual([
      { action: 'case.assign', officerId: admin.id, detail: { assignee: ani.id } },
      { action: 'case.assign', officerId: admin.id, detail: { assignee: budi.id } },
      { action: 'case.unassign', officerId: admin.id, detail: { assignee: ani.id } },
    ]);
    expect((await countMineAndUnread(db, budi)).mine).toBeGreaterThanOrEqual(1);
  });

  it('moves the legacy "penanggung jawab" column into case assignments once', async () => {
    const { caseNumber, caseId } = await createCase(db);
    await db.update(cases).set({ assignedOfficerId: citra.id }).where(eq(cases.id, caseId));
    expect(await migrateLegacyAssignments(db)).toBe(1);
    expect(await migrateLegacyAssignments(db)).toBe(0);
    expect(await openCaseNumbers(citra, 'mine')).toContain(caseNumber);
    const [row] = await db.select({ legacy: cases.assignedOfficerId }).from(cases).where(eq(cases.id, caseId));
    expect(row.legacy).toBeNull();
  });

  it('starting verification no longer makes the officer the handler by itself', async () => {
    const { caseNumber, caseId } = await createCase(db);
    await startVerification(db, ani, { caseNumber });
    expect(await db.select().from(caseAssignments).where(eq(caseAssignments.caseId, caseId))).toEqual([]);
  });
});

describe('recusal', () => {
  it('refuses the recused officer the case in every read model, download and service; others keep it; admins see it', async () => {
    const submitted = await handleReportSubmission(db, validReportForm({}, [pdfFile('bukti-rapat.pdf')]));
    if (!submitted.ok) throw new Error(JSON.stringify(submitted.fieldErrors));
    const { caseNumber, caseId } = submitted.submitted;
    const [file] = await db.select({ id: attachments.id }).from(attachments).where(eq(attachments.caseId, caseId));
    await startVerification(db, budi, { caseNumber });
    await acceptAsComplete(db, budi, { caseNumber });
    await scheduleSummons(db, budi, {
      caseNumber, role: 'saksi', personName: 'Saksi A', scheduledDate: weekdayIn(3), scheduledTime: '09:00', place: 'Ruang Rapat', agenda: 'Keterangan saksi',
    });
    const [summonsRow] = await db.select({ id: summons.id }).from(summons).where(eq(summons.caseId, caseId));
    await takeCase(db, ani, { caseNumber });

    const reason = 'Terlapor adalah kakak ipar saya, Bapak Yohanes.';
    await declareRecusal(db, ani, { caseNumber, reason });

    // Read models: case page, inbox (every view), counts, search.
    expect((await refusal(loadOfficerCaseView(db, ani, caseNumber))).code).toBe('case_access_refused');
    expect(await openCaseNumbers(ani)).not.toContain(caseNumber);
    expect(await openCaseNumbers(ani, 'mine')).not.toContain(caseNumber);
    const stateTab = await listInbox(db, ani, { view: 'hearing_witnesses', limit: 200 });
    expect(stateTab.rows.map((r) => r.caseNumber)).not.toContain(caseNumber);
    expect((await countByState(db, ani)).hearing_witnesses).toBe((await countByState(db, budi)).hearing_witnesses - 1);
    expect(await findCaseNumber(db, ani, caseNumber)).toBeNull();
    expect(await findCaseNumber(db, budi, caseNumber)).toBe(caseNumber);
    // Downloads: evidence, calendar file, summons letter; none is audited as a download.
    expect((await refusal(loadEvidenceForOfficer(db, ani, caseNumber, file.id))).code).toBe('case_access_refused');
    expect((await refusal(loadSummonsCalendar(db, ani, caseNumber, summonsRow.id))).code).toBe('case_access_refused');
    expect((await refusal(loadSummonsLetter(db, ani, caseNumber, summonsRow.id))).code).toBe('case_access_refused');
    const downloads = await db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.officerId, ani.id), eq(auditLog.caseId, caseId), inArray(auditLog.action, ['evidence.download', 'summons.ics_download', 'summons.letter_view'])));
    expect(downloads).toEqual([]);
    // Services.
    expect((await refusal(sendMessageToReporter(db, ani, { caseNumber, body: 'Halo, mohon tambahan bukti.' }))).code).toBe('case_access_refused');
    expect((await refusal(takeCase(db, ani, { caseNumber }))).code).toBe('case_access_refused');
    expect((await refusal(requestIdentityAccess(db, ani, { caseNumber, reason: 'Perlu menghubungi pelapor untuk klarifikasi.' }))).code).toBe('case_access_refused');
    expect((await refusal(declareRecusal(db, ani, { caseNumber, reason }))).code).toBe('case_access_refused');

    // The recusal removed Ani as handler; Budi still works the case.
    expect((await loadOfficerCaseView(db, budi, caseNumber))!.caseNumber).toBe(caseNumber);
    const panel = await loadAssignmentPanel(db, admin, caseNumber);
    expect(panel.assigned).toEqual([]);
    expect(panel.recusals).toEqual([{ officerName: ani.name, at: expect.any(Date), reason }]);
    expect(panel.candidates!.map((o) => o.id)).not.toContain(ani.id);
    expect((await refusal(assignOfficer(db, admin, { caseNumber, officerId: ani.id }))).code).toBe('assignee_invalid');
    // Audited without the reason, which may name a person.
    const audit = await auditActions(caseId);
    expect(audit.at(-1)).toMatchObject({ action: 'case.recuse', officerId: ani.id });
    expect(JSON.stringify(audit)).not.toContain('Yohanes');
  });

  it('a recusal needs a reason; nothing is recorded without one', async () => {
    const { caseNumber } = await createCase(db);
    const { recusalSchema } = await import('@/lib/cases/assignment');
    const parsed = recusalSchema.safeParse({ caseNumber, reason: '  ' });
    expect(parsed.success).toBe(false);
    expect(await loadOfficerCaseView(db, ani, caseNumber)).not.toBeNull();
  });
});

describe('restriction', () => {
  it('keeps a restricted case from officers not assigned to it (refusal, not data), open to its officers and admins', async () => {
    const { caseNumber, caseId } = await createCase(db);
    await assignOfficer(db, admin, { caseNumber, officerId: budi.id });
    await setCaseRestriction(db, admin, { caseNumber, restricted: true });

    expect((await refusal(loadOfficerCaseView(db, citra, caseNumber))).code).toBe('case_access_refused');
    expect(await openCaseNumbers(citra)).not.toContain(caseNumber);
    expect(await findCaseNumber(db, citra, caseNumber)).toBeNull();
    expect((await refusal(takeCase(db, citra, { caseNumber }))).code).toBe('case_access_refused');
    expect((await loadOfficerCaseView(db, budi, caseNumber))!.caseNumber).toBe(caseNumber);
    expect(await openCaseNumbers(budi)).toContain(caseNumber);
    expect((await loadOfficerCaseView(db, admin, caseNumber))!.caseNumber).toBe(caseNumber);
    expect((await refusal(setCaseRestriction(db, citra as unknown as AuthorizedAdmin, { caseNumber, restricted: false }))).code).toBe('forbidden');

    await setCaseRestriction(db, admin, { caseNumber, restricted: false });
    expect((await loadOfficerCaseView(db, citra, caseNumber))!.caseNumber).toBe(caseNumber);
    expect((await auditActions(caseId)).map((a) => a.action)).toEqual(['case.assign', 'case.restrict', 'case.unrestrict']);
  });
});

describe('notification routing', () => {
  let immediate: Awaited<ReturnType<typeof createOfficer>>[];

  async function recipientsOf(kind: string, sinceId: number): Promise<string[]> {
    const rows = await db.select({ id: emailOutbox.id, to: emailOutbox.toAddress }).from(emailOutbox).where(eq(emailOutbox.kind, kind)).orderBy(desc(emailOutbox.id));
    return rows.filter((r) => r.id > sinceId).map((r) => r.to).sort();
  }
  async function lastOutboxId(): Promise<number> {
    const [row] = await db.select({ id: emailOutbox.id }).from(emailOutbox).orderBy(desc(emailOutbox.id)).limit(1);
    return row?.id ?? 0;
  }
  async function activeImmediateEmails(): Promise<string[]> {
    const rows = await db.select({ email: officers.email }).from(officers).where(and(eq(officers.active, true), eq(officers.notifyMode, 'immediate')));
    return rows.map((r) => r.email).sort();
  }

  beforeAll(async () => {
    immediate = [await createOfficer(db), await createOfficer(db)];
  });

  it('a new report reaches every officer who wants it; once assigned, the reporter\'s messages reach only its officers', async () => {
    const before = await lastOutboxId();
    const { caseNumber, caseId } = await createCase(db);
    expect(await recipientsOf('new_report', before)).toEqual(await activeImmediateEmails());

    await assignOfficer(db, admin, { caseNumber, officerId: immediate[0].id });
    const mid = await lastOutboxId();
    const form = new FormData();
    form.set('body', 'Saya ingin menambahkan keterangan tentang kejadian itu.');
    expect((await handleReporterMessage(db, caseId, form)).ok).toBe(true);
    expect(await recipientsOf('reporter_replied', mid)).toEqual([immediate[0].email]);
  });

  it('a case nobody handles still tells every officer, except those who recused', async () => {
    const { caseNumber, caseId } = await createCase(db);
    await declareRecusal(db, immediate[1], { caseNumber, reason: 'Pelapor kemungkinan rekan satu tim saya.' });
    const mid = await lastOutboxId();
    const form = new FormData();
    form.set('body', 'Ada tambahan informasi penting mengenai laporan saya.');
    expect((await handleReporterMessage(db, caseId, form)).ok).toBe(true);
    const to = await recipientsOf('reporter_replied', mid);
    expect(to).toEqual((await activeImmediateEmails()).filter((e) => e !== immediate[1].email));
  });
});

describe('daily digest', () => {
  it('leaves a case out of the digest of an officer who recused from it, and keeps it in the others\'', async () => {
    const { caseNumber, caseId } = await createCase(db);
    const recused = await createOfficer(db);
    await declareRecusal(db, recused, { caseNumber, reason: 'Terlapor adalah atasan langsung saya.' });
    // 07:30 WITA tomorrow, with the case overdue by then.
    const morning = new Date(Date.now() + 86400_000);
    morning.setUTCHours(23, 30, 0, 0);
    await db.update(cases).set({ dueAt: new Date(morning.getTime() - 86400_000) }).where(eq(cases.id, caseId));
    expect((await runScheduledNotifications(db, morning)).digest).toBe(true);

    const digests = await db.select({ to: emailOutbox.toAddress, text: emailOutbox.textBody }).from(emailOutbox).where(eq(emailOutbox.kind, 'deadline_digest'));
    const of = (email: string) => digests.filter((d) => d.to === email).map((d) => d.text).join('\n');
    expect(of(budi.email)).toContain(caseNumber);
    expect(of(recused.email)).not.toContain(caseNumber);
  });
});
