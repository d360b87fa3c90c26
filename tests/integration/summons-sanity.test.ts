import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { loadOfficerCaseView } from '@/lib/cases/officer-view';
import { loadReporterView } from '@/lib/cases/reporter-view';
import { acceptAsComplete, concludeCase, rejectCase, startVerification } from '@/lib/cases/service/decisions';
import { answerInformationRequest, openInfoRequest, requestInformation } from '@/lib/cases/service/info-requests';
import { closeRequestsOfClosedCases } from '@/lib/cases/service/closing';
import { recordSummonsOutcome, rescheduleSummons, scheduleSummons } from '@/lib/cases/service/summons';
import { loadReporterSummons, respondToSummons, summonsResponseSchema } from '@/lib/cases/service/summons-responses';
import type { Database } from '@/lib/db/client';
import { auditLog, cases, infoRequests, summons, summonsResponses } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { freshDatabase } from '../support/db';
import { afterMeeting, createCase, createOfficer, workingDayAhead } from '../support/factories';

/* Issue 13, points 4, 5 and 8, through the real services against a fresh libSQL file. */

let db: Database;
let officer: Awaited<ReturnType<typeof createOfficer>>;
const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  db = (await freshDatabase()).db;
  officer = await createOfficer(db);
});

async function refused(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function investigatingCase() {
  const created = await createCase(db);
  await startVerification(db, officer, { caseNumber: created.caseNumber });
  await acceptAsComplete(db, officer, { caseNumber: created.caseNumber });
  return created;
}

/** The next Saturday (WITA) at least two days ahead. */
function nextSaturday(): string {
  for (let n = 2; ; n += 1) {
    const date = new Date(Date.now() + n * 86400_000 + 8 * 3600_000);
    if (date.getUTCDay() === 6) return date.toISOString().slice(0, 10);
  }
}

async function summonsOf(caseId: number, role: 'pelapor' | 'saksi' | 'terlapor') {
  return db.select().from(summons).where(and(eq(summons.caseId, caseId), eq(summons.role, role)));
}

describe('summons records say only possible things', () => {
  it('refuses attendance before the meeting time, keeps the summons scheduled, and accepts it afterwards', async () => {
    const { caseNumber, caseId } = await investigatingCase();
    await scheduleSummons(db, officer, { caseNumber, role: 'saksi', personName: 'Saksi Satu', scheduledDate: workingDayAhead(3), scheduledTime: '09:00', place: 'Ruang Rapat', agenda: 'Keterangan saksi' });
    const [row] = await summonsOf(caseId, 'saksi');
    const error = await refused(
      recordSummonsOutcome(db, officer, { caseNumber, summonsId: row.id, attended: 'yes', minutes: 'Saksi hadir dan memberi keterangan.' }),
      'summons_not_yet_held',
    );
    expect(error.userMessage).toMatch(/setelah waktu pemanggilan tiba/);
    expect((await summonsOf(caseId, 'saksi'))[0].status).toBe('scheduled');

    await recordSummonsOutcome(db, officer, { caseNumber, summonsId: row.id, attended: 'yes', minutes: 'Saksi hadir dan memberi keterangan.' }, afterMeeting());
    expect((await summonsOf(caseId, 'saksi'))[0].status).toBe('attended');
  });

  it('asks to confirm a Saturday and a national holiday, then schedules once confirmed', async () => {
    const { caseNumber, caseId } = await investigatingCase();
    const saturday = nextSaturday();
    const base = { caseNumber, role: 'saksi' as const, personName: 'Saksi Dua', scheduledTime: '09:00', place: 'Ruang Rapat', agenda: 'Keterangan saksi' };
    const weekend = await refused(scheduleSummons(db, officer, { ...base, scheduledDate: saturday }), 'summons_non_working_day');
    expect(weekend.field).toBe('confirmNonWorkingDay');
    expect(weekend.userMessage).toContain('Sabtu');
    const year = new Date().getUTCFullYear() + 1;
    const christmas = await refused(scheduleSummons(db, officer, { ...base, scheduledDate: `${year}-12-25` }), 'summons_non_working_day');
    expect(christmas.userMessage).toMatch(/hari libur \(.*Natal.*\)/i);
    expect(await summonsOf(caseId, 'saksi')).toHaveLength(0);

    await scheduleSummons(db, officer, { ...base, scheduledDate: saturday, confirmNonWorkingDay: true });
    const [row] = await summonsOf(caseId, 'saksi');
    expect(row.status).toBe('scheduled');
    // Rescheduling to a holiday asks the same.
    await refused(rescheduleSummons(db, officer, { caseNumber, summonsId: row.id, reason: 'Saksi berhalangan', scheduledDate: `${year}-12-25`, scheduledTime: '10:00', place: 'Ruang', agenda: 'Keterangan' }), 'summons_non_working_day');
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'case.summons_scheduled')));
    expect(audit.detail).toMatchObject({ nonWorkingDayConfirmed: true });
  });

  it('"terbukti" with the reported party absent asks for a reason, kept sealed in the audit log and shown to officers', async () => {
    const { caseNumber, caseId } = await investigatingCase();
    await scheduleSummons(db, officer, { caseNumber, role: 'terlapor', personName: 'Terlapor Absen', scheduledDate: workingDayAhead(2), scheduledTime: '09:00', place: 'Ruang', agenda: 'Pemeriksaan' });
    const [row] = await summonsOf(caseId, 'terlapor');
    await recordSummonsOutcome(db, officer, { caseNumber, summonsId: row.id, attended: 'no', minutes: 'Terlapor tidak hadir tanpa keterangan.' }, afterMeeting());
    const conclusion = { caseNumber, outcome: 'terbukti_disiplin' as const, summary: 'Terlapor terbukti melanggar disiplin pegawai.' };
    const error = await refused(concludeCase(db, officer, conclusion), 'conclusion_reason_required');
    expect(error.field).toBe('unexaminedReason');
    expect((await db.select({ state: cases.state }).from(cases).where(eq(cases.id, caseId)))[0].state).toBe('examining_reported');

    const reason = 'Rekaman dan dua saksi menguatkan; terlapor dua kali mangkir.';
    await concludeCase(db, officer, { ...conclusion, unexaminedReason: reason });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'case.concluded')));
    expect(audit.detail).toMatchObject({ outcome: 'terbukti_disiplin', withoutAttendedExamination: true });
    expect(JSON.stringify(audit.detail)).not.toContain('mangkir');
    const view = (await loadOfficerCaseView(db, officer, caseNumber))!;
    expect(view.timeline.some((entry) => entry.internalNote?.includes(reason))).toBe(true);
  });

  it('needs no reason once the reported party attended, nor for "tidak terbukti"', async () => {
    const a = await investigatingCase();
    await scheduleSummons(db, officer, { caseNumber: a.caseNumber, role: 'terlapor', personName: 'Terlapor Hadir', scheduledDate: workingDayAhead(2), scheduledTime: '09:00', place: 'Ruang', agenda: 'Pemeriksaan' });
    const [row] = await summonsOf(a.caseId, 'terlapor');
    await recordSummonsOutcome(db, officer, { caseNumber: a.caseNumber, summonsId: row.id, attended: 'yes', minutes: 'Terlapor hadir dan diperiksa.' }, afterMeeting());
    await concludeCase(db, officer, { caseNumber: a.caseNumber, outcome: 'terbukti_etik', summary: 'Terlapor terbukti melanggar kode etik.' });
    const b = await investigatingCase();
    await concludeCase(db, officer, { caseNumber: b.caseNumber, outcome: 'tidak_terbukti', summary: 'Dugaan tidak terbukti setelah penelaahan.' });
    const states = await db.select({ state: cases.state }).from(cases).where(eq(cases.id, b.caseId));
    expect(states[0].state).toBe('concluded');
  });
});

describe('closing a case closes its questions', () => {
  it('a rejection closes the open information request: the reporter sees no form, an answer is refused as closed', async () => {
    const { caseNumber, caseId } = await createCase(db);
    await startVerification(db, officer, { caseNumber });
    await requestInformation(db, officer, { caseNumber, questions: 'Mohon lampirkan bukti kuitansi.', dueDate: inDays(7) });
    const request = (await openInfoRequest(db, caseId))!;
    // The due date passes without an answer (set in the clear column, as time would).
    await db.update(infoRequests).set({ dueAt: new Date(Date.now() - 86400_000) }).where(eq(infoRequests.id, request.id));
    await rejectCase(db, officer, { caseNumber, reason: 'tidak_ada_jawaban', publicNote: 'Tidak ada jawaban sampai batas waktu.' });

    const [after] = await db.select().from(infoRequests).where(eq(infoRequests.id, request.id));
    expect(after.status).toBe('closed');
    expect((await loadReporterView(db, caseId))!.openInfoRequests).toEqual([]);
    const error = await refused(answerInformationRequest(db, { caseId, infoRequestId: request.id, body: 'Ini jawaban saya.', files: [] }), 'info_request_closed');
    expect(error.userMessage).toMatch(/ditutup karena penanganan kasus telah selesai/);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'case.rejected')));
    expect(audit.detail).toMatchObject({ closedInfoRequestIds: [request.id] });
  });

  it('repairs closed cases whose requests were left open, once (idempotent)', async () => {
    const a = await createCase(db);
    await startVerification(db, officer, { caseNumber: a.caseNumber });
    await rejectCase(db, officer, { caseNumber: a.caseNumber, reason: 'duplikat', publicNote: 'Laporan yang sama sudah diterima.' });
    // As data written before the rule: an open request on a rejected case.
    const [left] = await db.insert(infoRequests).values({ caseId: a.caseId, questions: '', dueAt: new Date(Date.now() + 86400_000), status: 'open' }).returning();
    const open = await createCase(db);
    await startVerification(db, officer, { caseNumber: open.caseNumber });
    await requestInformation(db, officer, { caseNumber: open.caseNumber, questions: 'Pertanyaan yang tetap terbuka.', dueDate: inDays(7) });

    expect(await closeRequestsOfClosedCases(db)).toBe(1);
    expect(await closeRequestsOfClosedCases(db)).toBe(0);
    expect((await db.select().from(infoRequests).where(eq(infoRequests.id, left.id)))[0].status).toBe('closed');
    expect((await openInfoRequest(db, open.caseId))?.status).toBe('open');
  });
});

describe('an anonymous reporter answers a summons from /status', () => {
  it('answers in writing; the officer reads it on the case, sealed at rest, audited', async () => {
    const { caseNumber, caseId } = await investigatingCase();
    await scheduleSummons(db, officer, { caseNumber, role: 'pelapor', personName: 'Pelapor', scheduledDate: workingDayAhead(3), scheduledTime: '09:00', place: 'Ruang Rapat', agenda: 'Kapan uang diminta?' });
    const [item] = await loadReporterSummons(db, caseId);
    expect(item).toMatchObject({ agenda: 'Kapan uang diminta?', canRespond: true, responses: [] });

    const written = 'Uang diminta setiap awal bulan di ruang bendahara, saya tidak dapat hadir.';
    await respondToSummons(db, caseId, summonsResponseSchema.parse({ summonsId: String(item.id), kind: 'written', body: written }));
    const [stored] = await db.select().from(summonsResponses).where(eq(summonsResponses.summonsId, item.id));
    expect(stored.sealed).toBe(true);
    expect(stored.body).not.toContain('bendahara');
    expect((await loadReporterSummons(db, caseId))[0].responses).toMatchObject([{ kind: 'written', body: written }]);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, 'case.summons_response')));
    expect(audit.detail).toMatchObject({ summonsId: item.id, kind: 'written' });
    const view = (await loadOfficerCaseView(db, officer, caseNumber))!;
    expect(view.timeline.some((entry) => entry.kind === 'summons_response')).toBe(true);
  });

  it('needs a reason for another time, refuses after the meeting and for another case', async () => {
    const { caseNumber, caseId } = await investigatingCase();
    await scheduleSummons(db, officer, { caseNumber, role: 'pelapor', personName: 'Pelapor', scheduledDate: workingDayAhead(3), scheduledTime: '09:00', place: 'Ruang', agenda: 'Klarifikasi' });
    const [item] = await loadReporterSummons(db, caseId);
    const parsed = summonsResponseSchema.safeParse({ summonsId: String(item.id), kind: 'another_time', body: 'tidak' });
    expect(parsed.success).toBe(false);
    await respondToSummons(db, caseId, { summonsId: item.id, kind: 'confirm', body: '' });
    await refused(respondToSummons(db, caseId, { summonsId: item.id, kind: 'decline', body: '' }, afterMeeting()), 'summons_response_closed');
    const other = await createCase(db);
    await refused(respondToSummons(db, other.caseId, { summonsId: item.id, kind: 'confirm', body: '' }), 'summons_not_found');
    expect((await loadReporterSummons(db, caseId))[0].responses.map((r) => r.kind)).toEqual(['confirm']);
  });
});

describe('the letter to the reporter', () => {
  it('tells the reporter to respond through /status with the ticket, not by phone; a witness letter keeps the phone', async () => {
    const { loadSummonsLetter } = await import('@/lib/cases/summons-documents');
    const { caseNumber, caseId } = await investigatingCase();
    await scheduleSummons(db, officer, { caseNumber, role: 'pelapor', personName: 'Pelapor (anonim)', scheduledDate: workingDayAhead(3), scheduledTime: '09:00', place: 'Ruang', agenda: 'Klarifikasi' });
    await scheduleSummons(db, officer, { caseNumber, role: 'saksi', personName: 'Saksi', scheduledDate: workingDayAhead(3), scheduledTime: '10:00', place: 'Ruang', agenda: 'Keterangan' });
    const [reporter] = await summonsOf(caseId, 'pelapor');
    const [witness] = await summonsOf(caseId, 'saksi');
    expect((await loadSummonsLetter(db, officer, caseNumber, reporter.id)).respondAt).toMatch(/\/status$/);
    expect((await loadSummonsLetter(db, officer, caseNumber, witness.id)).respondAt).toBeNull();
  });
});
