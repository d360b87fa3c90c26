import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { findAction, loadOfficerCaseView } from '@/lib/cases/officer-view';
import { handleReportSubmission } from '@/lib/cases/report-submission';
import { acceptAsComplete, concludeCase, startVerification } from '@/lib/cases/service/decisions';
import { requestIdentityAccess } from '@/lib/cases/service/identity';
import { answerInformationRequest, openInfoRequest, requestInformation } from '@/lib/cases/service/info-requests';
import { sendMessageToReporter } from '@/lib/cases/service/messages';
import { scheduleSummons } from '@/lib/cases/service/summons';
import type { Database } from '@/lib/db/client';
import { cases } from '@/lib/db/schema';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { prepareEvidence } from '@/lib/storage/evidence';
import { freshDatabase } from '../support/db';
import { createCase, createOfficer, workingDayAhead } from '../support/factories';
import { pdfFile, validReportForm } from '../support/forms';
import { approveIdentityRequest } from '@/lib/admin/identity-requests';
import { latestIdentityRequestId } from '../support/factories';

let db: Database;
let officer: Awaited<ReturnType<typeof createOfficer>>;

const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  db = (await freshDatabase()).db;
  officer = await createOfficer(db);
});

describe('loadOfficerCaseView', () => {
  it('returns null for an unknown case number', async () => {
    expect(await loadOfficerCaseView(db, officer, '1999-9999')).toBeNull();
  });

  it('shows the report, decrypted file names, thread, summons and the actions of the current state', async () => {
    const result = await handleReportSubmission(db, validReportForm({}, [pdfFile('kuitansi-pak-budi.pdf')]));
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    const { caseNumber, caseId } = result.submitted;

    let view = (await loadOfficerCaseView(db, officer, caseNumber))!;
    expect(view.state).toBe('received');
    expect(view.stateLabel).toBe('Diterima');
    expect(view.category).toBe('Pungutan liar');
    expect(view.reportedParties).toEqual([{ name: 'Budi Santoso', position: 'Bendahara Pengeluaran', workUnit: 'Subbagian Keuangan' }]);
    expect(view.attachments).toHaveLength(1);
    expect(view.attachments[0]).toMatchObject({ fileName: 'kuitansi-pak-budi.pdf', mimeType: 'application/pdf', messageId: null });
    expect(view.deadline?.kind).toBe('verification_start');
    expect(view.allowedActions.map((a) => a.kind)).toEqual(['start_verification', 'message']);
    expect(view.timeline[0]).toMatchObject({ kind: 'submitted', label: 'Laporan diterima' });

    await startVerification(db, officer, { caseNumber, internalNote: 'Cek bukti kuitansi.' });
    await requestInformation(db, officer, { caseNumber, questions: 'Kapan tepatnya uang itu diminta?', dueDate: inDays(7) });
    view = (await loadOfficerCaseView(db, officer, caseNumber))!;
    expect(view.state).toBe('awaiting_info');
    expect(view.deadline?.kind).toBe('info_request');
    expect(view.infoRequests).toMatchObject([{ questions: 'Kapan tepatnya uang itu diminta?', status: 'open' }]);
    expect(view.allowedActions.map((a) => a.kind)).toEqual(['message']);

    const request = await openInfoRequest(db, caseId);
    const prepared = await prepareEvidence([pdfFile('jawaban.pdf')], DEFAULT_SETTINGS);
    await answerInformationRequest(db, { caseId, infoRequestId: request!.id, body: 'Tanggal 2 Maret 2026.', files: prepared });
    await sendMessageToReporter(db, officer, { caseNumber, body: 'Terima kasih atas jawaban Anda.' });
    await acceptAsComplete(db, officer, { caseNumber });
    await scheduleSummons(db, officer, {
      caseNumber, role: 'saksi', personName: 'Saksi Satu', scheduledDate: workingDayAhead(3), scheduledTime: '09:00', place: 'Ruang Rapat', agenda: 'Keterangan saksi',
    });

    view = (await loadOfficerCaseView(db, officer, caseNumber))!;
    expect(view.state).toBe('hearing_witnesses');
    expect(view.deadline?.kind).toBe('conclusion');
    expect(view.thread.map((m) => m.author)).toEqual(['reporter', 'officer']);
    expect(view.thread[0].answers?.questions).toBe('Kapan tepatnya uang itu diminta?');
    expect(view.thread[0].attachments.map((a) => a.fileName)).toEqual(['jawaban.pdf']);
    expect(view.thread[1].officerName).toBe(view.timeline.find((e) => e.kind === 'verification_started')?.officerName);
    expect(view.attachments.map((a) => a.fileName)).toEqual(['kuitansi-pak-budi.pdf', 'jawaban.pdf']);
    expect(view.summons).toMatchObject([{ role: 'saksi', personName: 'Saksi Satu', status: 'scheduled', statusLabel: 'Terjadwal', canChange: true }]);
    const started = view.timeline.find((e) => e.kind === 'verification_started')!;
    expect(started).toMatchObject({ internalNote: 'Cek bukti kuitansi.', visibleToReporter: true, toState: 'verifying' });
    expect(started.officerName).toMatch(/^Petugas /);
    const summonsEvent = view.timeline.find((e) => e.kind === 'summons_scheduled')!;
    expect(summonsEvent.visibleToReporter).toBe(false);
    expect(findAction(view.allowedActions, 'schedule_summons')?.roles).toEqual(['pelapor', 'saksi', 'terlapor']);
    expect(view.identityAccess).toBeNull();

    await concludeCase(db, officer, { caseNumber, outcome: 'tidak_terbukti', summary: 'Setelah klarifikasi, dugaan tidak terbukti.' });
    view = (await loadOfficerCaseView(db, officer, caseNumber))!;
    expect(view.allowedActions).toEqual([]);
    expect(view.deadline).toBeNull();
    expect(view.outcome).toBe('Tidak terbukti');
    expect(view.summons[0].canChange).toBe(false);
  });

  it('never carries the reporter identity, even once access is approved', async () => {
    const { caseNumber } = await createCase(db, {
      anonymous: 'no', reporterName: 'Maria Rahasia', reporterPhone: '081298765432', reporterEmail: 'maria.rahasia@example.test', reporterAddress: 'Jalan Kenari 7, Oebobo',
    });
    let view = (await loadOfficerCaseView(db, officer, caseNumber))!;
    expect(view.anonymous).toBe(false);
    expect(view.identityAccess).toBeNull();

    await requestIdentityAccess(db, officer, { caseNumber, reason: 'Perlu menghubungi pelapor untuk jadwal klarifikasi.' });
    view = (await loadOfficerCaseView(db, officer, caseNumber))!;
    expect(view.identityAccess).toBe('pending'); // a new install requires an admin's approval
    await approveIdentityRequest(db, await createOfficer(db, 'admin'), { requestId: await latestIdentityRequestId(db) });
    view = (await loadOfficerCaseView(db, officer, caseNumber))!;
    expect(view.identityAccess).toBe('approved');

    const json = JSON.stringify(view);
    for (const secret of ['Maria Rahasia', '081298765432', 'maria.rahasia', 'Kenari']) expect(json).not.toContain(secret);
    expect(Object.keys(view)).not.toContain('reporterIdentityEnc');
    const [row] = await db.select({ enc: cases.reporterIdentityEnc, ticket: cases.ticketHash }).from(cases).where(eq(cases.caseNumber, caseNumber));
    expect(json).not.toContain(row.enc!);
    expect(json).not.toContain(row.ticket);
  });
});
