import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { verifyAuditChain } from '@/lib/audit/log';
import { loadReporterView } from '@/lib/cases/reporter-view';
import { loadOfficerCaseView } from '@/lib/cases/officer-view';
import { acceptAsComplete, concludeCase, referCase, rejectCase, returnToInvestigation, startVerification } from '@/lib/cases/service/decisions';
import { answerInformationRequest, openInfoRequest, requestInformation } from '@/lib/cases/service/info-requests';
import { requestIdentityAccess, viewReporterIdentity } from '@/lib/cases/service/identity';
import { sendMessageToReporter } from '@/lib/cases/service/messages';
import { cancelSummons, recordSummonsOutcome, rescheduleSummons, scheduleSummons } from '@/lib/cases/service/summons';
import type { Database } from '@/lib/db/client';
import { auditLog, caseEvents, cases, infoRequests, officers, summons } from '@/lib/db/schema';
import { authorizeOfficer } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { freshDatabase } from '../support/db';
import { afterMeeting, createCase, createOfficer, workingDayAhead } from '../support/factories';
import { approveIdentityRequest } from '@/lib/admin/identity-requests';
import { latestIdentityRequestId } from '../support/factories';

let db: Database;
let officer: Awaited<ReturnType<typeof createOfficer>>;

const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  db = (await freshDatabase()).db;
  officer = await createOfficer(db);
});

async function stateOf(caseNumber: string) {
  const [row] = await db.select({ state: cases.state, dueAt: cases.dueAt }).from(cases).where(eq(cases.caseNumber, caseNumber));
  return row;
}

async function snapshot() {
  const [a] = await db.select({ n: sql<number>`count(*)` }).from(auditLog);
  const [e] = await db.select({ n: sql<number>`count(*)` }).from(caseEvents);
  const all = await db.select({ n: cases.caseNumber, s: cases.state }).from(cases);
  return { audit: a.n, events: e.n, states: JSON.stringify(all) };
}

async function refused(promise: Promise<unknown>, code?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  if (code) expect((error as AppError).code).toBe(code);
  expect((error as AppError).userMessage).toBeTruthy();
  return error as AppError;
}

/** A case moved to Penelaahan through the procedure. */
async function investigatingCase() {
  const { caseNumber } = await createCase(db);
  await startVerification(db, officer, { caseNumber });
  await acceptAsComplete(db, officer, { caseNumber });
  return caseNumber;
}

describe('the procedure, step by step', () => {
  it('runs verify → request info → reporter answers → accept → summons → conclude, with the reporter seeing only what is theirs', async () => {
    const { caseNumber, caseId } = await createCase(db);
    expect((await stateOf(caseNumber)).dueAt).toBeInstanceOf(Date);

    await startVerification(db, officer, { caseNumber, expectedState: 'received' });
    expect((await stateOf(caseNumber)).state).toBe('verifying');

    await requestInformation(db, officer, { caseNumber, questions: 'Kapan tepatnya uang itu diminta?', dueDate: inDays(7) });
    expect((await stateOf(caseNumber)).state).toBe('awaiting_info');
    const request = await openInfoRequest(db, caseId);
    expect((await loadReporterView(db, caseId))!.openInfoRequests[0].questions).toContain('Kapan');
    expect((await loadReporterView(db, caseId))!.openInfoRequests).toHaveLength(1);

    await answerInformationRequest(db, { caseId, infoRequestId: request!.id, body: 'Tanggal 2 Maret 2026 pukul 10.00.', files: [] });
    expect((await stateOf(caseNumber)).state).toBe('verifying');

    await acceptAsComplete(db, officer, { caseNumber });
    expect((await stateOf(caseNumber)).state).toBe('investigating');

    await scheduleSummons(db, officer, {
      caseNumber, role: 'pelapor', personName: 'Pelapor', scheduledDate: workingDayAhead(3), scheduledTime: '09:00', place: 'Ruang Rapat Biro Umum', agenda: 'Klarifikasi laporan',
    });
    expect((await stateOf(caseNumber)).state).toBe('hearing_witnesses');
    await scheduleSummons(db, officer, {
      caseNumber, role: 'saksi', personName: 'Saksi Rahasia', scheduledDate: workingDayAhead(4), scheduledTime: '10:00', place: 'Ruang Rapat', agenda: 'Keterangan saksi',
    });
    await scheduleSummons(db, officer, {
      caseNumber, role: 'terlapor', personName: 'Terlapor Rahasia', scheduledDate: workingDayAhead(5), scheduledTime: '10:00', place: 'Ruang Kepala Biro', agenda: 'Pemeriksaan',
    });
    expect((await stateOf(caseNumber)).state).toBe('examining_reported');

    const view = (await loadReporterView(db, caseId))!;
    expect(view.stateLabel).toBe('Diproses');
    expect(view.reporterSummons).toHaveLength(1);
    expect(JSON.stringify(view)).not.toContain('Saksi Rahasia');
    expect(JSON.stringify(view)).not.toContain('Terlapor Rahasia');

    await concludeCase(db, officer, { caseNumber, outcome: 'terbukti_disiplin', summary: 'Terlapor terbukti melanggar disiplin dan telah dijatuhi sanksi.', unexaminedReason: 'Bukti dokumen sudah cukup meski terlapor belum diperiksa.' });
    expect((await stateOf(caseNumber)).state).toBe('concluded');
    expect((await stateOf(caseNumber)).dueAt).toBeNull();
    const finalView = (await loadReporterView(db, caseId))!;
    expect(finalView.stateLabel).toBe('Selesai');
    expect(JSON.stringify(finalView.timeline)).toContain('dijatuhi sanksi');
    // "What now?" answered first: the case is finished, and how.
    expect(finalView.now).toContain('sudah selesai');
    expect(finalView.outcome).toEqual({ heading: 'Hasil penanganan', text: 'Terlapor terbukti melanggar disiplin dan telah dijatuhi sanksi.' });

    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it('records attendance, reschedules and cancels summons, each once', async () => {
    const caseNumber = await investigatingCase();
    await scheduleSummons(db, officer, { caseNumber, role: 'saksi', personName: 'Saksi A', scheduledDate: workingDayAhead(2), scheduledTime: '09:00', place: 'Ruang A', agenda: 'Keterangan' });
    const first = (await loadOfficerCaseView(db, officer, caseNumber))!.summons.find((item) => item.personName === 'Saksi A')!;
    await rescheduleSummons(db, officer, { caseNumber, summonsId: first.id, reason: 'Saksi sakit', scheduledDate: workingDayAhead(6), scheduledTime: '13:00', place: 'Ruang B', agenda: 'Keterangan' });
    await refused(rescheduleSummons(db, officer, { caseNumber, summonsId: first.id, reason: 'Dua kali', scheduledDate: workingDayAhead(6), scheduledTime: '13:00', place: 'Ruang B', agenda: 'Keterangan' }), 'summons_closed');
    const [second] = await db.select().from(summons).where(eq(summons.replacesId, first.id));
    await recordSummonsOutcome(db, officer, { caseNumber, summonsId: second.id, attended: 'yes', minutes: 'Saksi hadir dan memberikan keterangan lengkap.' }, afterMeeting());
    await refused(cancelSummons(db, officer, { caseNumber, summonsId: second.id, reason: 'Terlambat' }), 'summons_closed');
    // Minutes and place are sealed at rest: read them as the officer's page does.
    const after = (await loadOfficerCaseView(db, officer, caseNumber))!.summons.find((item) => item.id === second.id)!;
    expect(after.status).toBe('attended');
    expect(after.minutes).toBe('Saksi hadir dan memberikan keterangan lengkap.');
    expect(after.place).toBe('Ruang B');
    expect(after.personName).toBe('Saksi A');
    const [replaced] = await db.select().from(summons).where(eq(summons.id, first.id));
    expect(replaced.status).toBe('rescheduled');

    await returnToInvestigation(db, officer, { caseNumber });
    expect((await stateOf(caseNumber)).state).toBe('investigating');
  });

  it('refers and rejects with reasons', async () => {
    const a = await createCase(db);
    await startVerification(db, officer, { caseNumber: a.caseNumber });
    await referCase(db, officer, { caseNumber: a.caseNumber, referredTo: 'kpk', publicNote: 'Dugaan tindak pidana korupsi.' });
    expect((await stateOf(a.caseNumber)).state).toBe('referred');

    const b = await createCase(db);
    await startVerification(db, officer, { caseNumber: b.caseNumber });
    await rejectCase(db, officer, { caseNumber: b.caseNumber, reason: 'duplikat', publicNote: 'Laporan yang sama sudah diterima sebelumnya.' });
    expect((await stateOf(b.caseNumber)).state).toBe('rejected');
  });
});

describe('refusals change nothing', () => {
  it('a move the workflow forbids: conclude a case still in Verifikasi', async () => {
    const { caseNumber } = await createCase(db);
    await startVerification(db, officer, { caseNumber });
    const before = await snapshot();
    const error = await refused(concludeCase(db, officer, { caseNumber, outcome: 'tidak_terbukti', summary: 'Tidak terbukti setelah pemeriksaan.' }), 'move_not_allowed');
    expect(error.userMessage).toContain('Verifikasi');
    expect(await snapshot()).toEqual(before);
  });

  it('a stale form submitted twice: the second start-verification is refused', async () => {
    const { caseNumber } = await createCase(db);
    await startVerification(db, officer, { caseNumber, expectedState: 'received' });
    const before = await snapshot();
    await refused(startVerification(db, officer, { caseNumber, expectedState: 'received' }), 'stale_case');
    expect(await snapshot()).toEqual(before);
  });

  it('summoning the reported party before the report is complete', async () => {
    const { caseNumber } = await createCase(db);
    await startVerification(db, officer, { caseNumber });
    const before = await snapshot();
    await refused(scheduleSummons(db, officer, { caseNumber, role: 'terlapor', personName: 'X', scheduledDate: workingDayAhead(2), scheduledTime: '09:00', place: 'Ruang', agenda: 'Pemeriksaan' }), 'summons_not_allowed');
    expect(await snapshot()).toEqual(before);
  });

  it('rejecting a case awaiting information before its due date', async () => {
    const { caseNumber } = await createCase(db);
    await startVerification(db, officer, { caseNumber });
    await requestInformation(db, officer, { caseNumber, questions: 'Mohon lampirkan bukti kuitansi.', dueDate: inDays(10) });
    const before = await snapshot();
    await refused(rejectCase(db, officer, { caseNumber, reason: 'tidak_ada_jawaban', publicNote: 'Tidak ada jawaban dari pelapor.' }), 'info_request_not_due');
    expect(await snapshot()).toEqual(before);
  });

  // Services take only the AuthorizedOfficer the guard makes (a type error otherwise):
  // without a session, or for a deactivated officer, the guard makes none, so nothing runs.
  it('without a session, or as a deactivated officer, no service runs', async () => {
    const { caseNumber } = await createCase(db);
    const before = await snapshot();
    await refused(authorizeOfficer(db, null).then((o) => startVerification(db, o, { caseNumber })), 'unauthorized');
    await refused(authorizeOfficer(db, undefined).then((o) => sendMessageToReporter(db, o, { caseNumber, body: 'Halo' })), 'unauthorized');
    const gone = await createOfficer(db);
    await db.update(officers).set({ active: false }).where(eq(officers.id, gone.id));
    await refused(authorizeOfficer(db, gone.session).then((o) => startVerification(db, o, { caseNumber })), 'unauthorized');
    expect(await snapshot()).toEqual(before);
  });

  it('an account still on its one-time password cannot act on cases until it is activated', async () => {
    const { caseNumber } = await createCase(db);
    const fresh = await createOfficer(db);
    await db.update(officers).set({ mustChangePassword: true }).where(eq(officers.id, fresh.id));
    const before = await snapshot();
    await refused(authorizeOfficer(db, fresh.session).then((o) => startVerification(db, o, { caseNumber })), 'activation_required');
    expect(await snapshot()).toEqual(before);
  });

  it('an answer to a request that is no longer open', async () => {
    const { caseNumber, caseId } = await createCase(db);
    await startVerification(db, officer, { caseNumber });
    await requestInformation(db, officer, { caseNumber, questions: 'Siapa saja saksinya?', dueDate: inDays(5) });
    const request = await openInfoRequest(db, caseId);
    await answerInformationRequest(db, { caseId, infoRequestId: request!.id, body: 'Dua staf keuangan.', files: [] });
    const before = await snapshot();
    await refused(answerInformationRequest(db, { caseId, infoRequestId: request!.id, body: 'Lagi.', files: [] }), 'info_request_closed');
    expect(await snapshot()).toEqual(before);
    const [row] = await db.select().from(infoRequests).where(eq(infoRequests.id, request!.id));
    expect(row.status).toBe('answered');
  });
});

describe('reporter identity', () => {
  it('is sealed until asked for with a reason; the request and each view are audited', async () => {
    const { caseNumber, caseId } = await createCase(db, { anonymous: 'no', reporterName: 'Ani Pelapor', reporterPhone: '081234567890' });
    await refused(viewReporterIdentity(db, officer, caseNumber), 'identity_not_approved');
    await requestIdentityAccess(db, officer, { caseNumber, reason: 'Perlu menghubungi pelapor untuk klarifikasi jadwal.' });
    // A new install requires an admin's approval first.
    await refused(viewReporterIdentity(db, officer, caseNumber), 'identity_not_approved');
    await approveIdentityRequest(db, await createOfficer(db, 'admin'), { requestId: await latestIdentityRequestId(db) });
    const identity = await viewReporterIdentity(db, officer, caseNumber);
    expect(identity.name).toBe('Ani Pelapor');
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.caseId, caseId))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['identity.request', 'identity.approve', 'identity.view']));
    const details = JSON.stringify(await db.select({ d: auditLog.detail }).from(auditLog));
    expect(details).not.toContain('Ani Pelapor');
  });
});

describe('the audit chain', () => {
  it('detects a tampered row after officer actions', async () => {
    await investigatingCase();
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
    const [row] = await db.select({ id: auditLog.id }).from(auditLog).limit(1).offset(2);
    await db.run(sql`UPDATE audit_log SET action = 'case.nothing_happened' WHERE id = ${row.id}`);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: false, brokenAtId: row.id });
  });
});
