import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { verifyAuditChain } from '@/lib/audit/log';
import { attachmentDisposition, downloadRefusal, loadEvidenceForOfficer } from '@/lib/cases/evidence-download';
import { handleReportSubmission } from '@/lib/cases/report-submission';
import { loadSummonsCalendar, loadSummonsLetter } from '@/lib/cases/summons-documents';
import { sealExistingRows } from '@/lib/cases/seal-existing';
import type { Database } from '@/lib/db/client';
import { attachments, auditLog, officers, summons } from '@/lib/db/schema';
import { authorizeOfficer } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { freshDatabase } from '../support/db';
import { createCase, createOfficer } from '../support/factories';
import { pdfFile, validReportForm } from '../support/forms';

let db: Database;
let officer: Awaited<ReturnType<typeof createOfficer>>;
let withFile: { caseNumber: string; caseId: number; attachmentId: number };
let otherCaseNumber: string;
const uploaded = pdfFile('Laporan Ibu Siti – bukti.pdf', 64);

beforeAll(async () => {
  db = (await freshDatabase()).db;
  officer = await createOfficer(db);
  const result = await handleReportSubmission(db, validReportForm({}, [uploaded]));
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  const [row] = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(eq(attachments.caseId, result.submitted.caseId));
  withFile = { caseNumber: result.submitted.caseNumber, caseId: result.submitted.caseId, attachmentId: row.id };
  otherCaseNumber = (await createCase(db)).caseNumber;
});

async function auditCount(action: string) {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(auditLog).where(eq(auditLog.action, action));
  return row.n;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).userMessage).toBeTruthy();
  return error as AppError;
}

describe('evidence download for officers', () => {
  it('refuses without a session, writes no audit row, and the refusal carries no file data', async () => {
    const before = await auditCount('evidence.download');
    for (const session of [null, undefined, {}, { id: 'x' }, { id: 999_999 }]) {
      // The route's guard makes no officer from these, so the loader never runs.
      const error = await refusal(
        authorizeOfficer(db, session).then((o) => loadEvidenceForOfficer(db, o, withFile.caseNumber, String(withFile.attachmentId))),
      );
      expect(error.code).toBe('unauthorized');
      const response = downloadRefusal(error);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBeNull();
      const body = await response.text();
      expect(body).not.toContain('%PDF');
      expect(body).toMatch(/masuk/i);
    }
    expect(await auditCount('evidence.download')).toBe(before);
  });

  it('refuses a deactivated officer', async () => {
    const gone = await createOfficer(db);
    await db.update(officers).set({ active: false }).where(eq(officers.id, gone.id));
    // The download route authorises on every request; a deactivated officer gets no officer.
    const error = await refusal(
      authorizeOfficer(db, gone.session).then((o) => loadEvidenceForOfficer(db, o, withFile.caseNumber, withFile.attachmentId)),
    );
    expect(error.code).toBe('unauthorized');
  });

  it('treats an attachment of another case, an unknown id or a malformed id as not found', async () => {
    const before = await auditCount('evidence.download');
    for (const [caseNumber, id] of [
      [otherCaseNumber, String(withFile.attachmentId)],
      [withFile.caseNumber, String(withFile.attachmentId + 1000)],
      [withFile.caseNumber, 'abc'],
      [withFile.caseNumber, '0'],
      ['../2026-0001', String(withFile.attachmentId)],
    ]) {
      const error = await refusal(loadEvidenceForOfficer(db, officer, caseNumber, id));
      expect(error.code).toBe('evidence_not_found');
      expect(downloadRefusal(error).status).toBe(404);
    }
    expect(await auditCount('evidence.download')).toBe(before);
  });

  it('gives the officer the cleaned file, its original name as text, a safe download name, and appends evidence.download with the id only', async () => {
    const file = await loadEvidenceForOfficer(db, officer, withFile.caseNumber, String(withFile.attachmentId));
    // The stored file is the upload rewritten without metadata: still the same one-page PDF.
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await PDFDocument.load(file.bytes)).getPageCount()).toBe(1);
    expect(file.fileName).toBe('Laporan Ibu Siti – bukti.pdf');
    expect(file.downloadName).toBe(`bukti-${withFile.caseNumber}-1.pdf`);
    expect(file.mimeType).toBe('application/pdf');

    const [row] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'evidence.download'), eq(auditLog.caseId, withFile.caseId)));
    expect(row.officerId).toBe(Number(officer.id));
    expect(row.detail).toEqual({ attachmentId: withFile.attachmentId });
    expect(JSON.stringify(row.detail)).not.toContain('Siti');
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it('sends the original name as UTF-8 with an ASCII fallback that cannot break the header', () => {
    expect(attachmentDisposition('Laporan Ibu Siti – bukti.pdf')).toBe(
      `attachment; filename="Laporan Ibu Siti _ bukti.pdf"; filename*=UTF-8''Laporan%20Ibu%20Siti%20%E2%80%93%20bukti.pdf`,
    );
    expect(attachmentDisposition('résumé.pdf')).toContain('filename="resume.pdf"');
    const hostile = attachmentDisposition('a"b;\r\nX-Evil: 1\\..\\c.pdf');
    expect(hostile).not.toMatch(/[\r\n]/);
    expect(hostile).toContain('filename="a_b_X-Evil: 1_.._c.pdf"');
    expect(hostile).toContain("filename*=UTF-8''a%22b%3BX-Evil%3A%201_.._c.pdf");
    expect(attachmentDisposition('')).toContain('filename="bukti"');
  });
});

describe('summons documents for officers', () => {
  let summonsId: number;

  beforeAll(async () => {
    const [row] = await db
      .insert(summons)
      .values({
        caseId: withFile.caseId,
        role: 'saksi',
        personName: 'Yohanes Bria',
        scheduledAt: new Date('2026-12-10T09:00:00+08:00'),
        place: 'Ruang Rapat Biro Umum',
        agenda: 'Klarifikasi keterangan saksi.',
      })
      .returning({ id: summons.id });
    summonsId = row.id;
    // Written in clear like a row from before encryption: the start-up migration seals it.
    await sealExistingRows(db);
  });

  it('refuses the calendar and the letter without a session, with no audit row', async () => {
    const before = (await auditCount('summons.ics_download')) + (await auditCount('summons.letter_view'));
    const nobody = () => authorizeOfficer(db, null);
    expect((await refusal(nobody().then((o) => loadSummonsCalendar(db, o, withFile.caseNumber, summonsId)))).code).toBe('unauthorized');
    expect((await refusal(nobody().then((o) => loadSummonsLetter(db, o, withFile.caseNumber, summonsId)))).code).toBe('unauthorized');
    expect((await auditCount('summons.ics_download')) + (await auditCount('summons.letter_view'))).toBe(before);
  });

  it('treats a summons of another case as not found', async () => {
    const error = await refusal(loadSummonsCalendar(db, officer, otherCaseNumber, String(summonsId)));
    expect(error.code).toBe('summons_not_found');
    expect(downloadRefusal(error).status).toBe(404);
    expect((await refusal(loadSummonsLetter(db, officer, otherCaseNumber, summonsId))).code).toBe('summons_not_found');
  });

  it('builds the calendar file without any name, and audits the download', async () => {
    const { fileName, text } = await loadSummonsCalendar(db, officer, withFile.caseNumber, String(summonsId));
    expect(fileName).toBe(`panggilan-${withFile.caseNumber}-${summonsId}.ics`);
    expect(text).toContain('DTSTART:20261210T010000Z');
    expect(text).toContain(`SUMMARY:Pemanggilan Saksi — Kasus ${withFile.caseNumber}`);
    expect(text).not.toContain('Yohanes');
    expect(await auditCount('summons.ics_download')).toBe(1);
  });

  it('gives the letter its addressee, WITA time, agenda and letterhead, and audits the view', async () => {
    const letter = await loadSummonsLetter(db, officer, withFile.caseNumber, summonsId, new Date('2026-12-01T02:00:00Z'));
    expect(letter).toMatchObject({
      addressee: 'Yohanes Bria',
      day: 'Kamis, 10 Desember 2026',
      time: '09.00 WITA',
      place: 'Ruang Rapat Biro Umum',
      agenda: 'Klarifikasi keterangan saksi.',
      letterNumber: '……/……/……',
      letterPlace: 'Kupang',
      letterDate: '1 Desember 2026',
    });
    expect(letter.office.officeName).toBe('Biro Umum Setda Provinsi NTT');
    const [row] = await db.select().from(auditLog).where(eq(auditLog.action, 'summons.letter_view'));
    expect(row.detail).toEqual({ summonsId });
    expect(row.caseId).toBe(withFile.caseId);
  });
});
