import { beforeAll, describe, expect, it } from 'vitest';
import { eq, like, sql } from 'drizzle-orm';
import { handleInformationAnswer, handleReporterMessage } from '@/lib/cases/reporter-replies';
import { loadReporterView } from '@/lib/cases/reporter-view';
import { loadOfficerCaseView } from '@/lib/cases/officer-view';
import { startVerification } from '@/lib/cases/service/decisions';
import { openInfoRequest, requestInformation } from '@/lib/cases/service/info-requests';
import { releaseFromQuarantine } from '@/lib/cases/service/quarantine';
import type { Database } from '@/lib/db/client';
import { auditLog, emailOutbox, messages } from '@/lib/db/schema';
import { freshDatabase } from '../support/db';
import { createCase, createOfficer } from '../support/factories';
import { pdfFile } from '../support/forms';

// Each reply from its own address: the per-client limit (tested in reply-limits) is not what is tested here.
let clientSeq = 0;
const nextClient = () => ({ clientAddress: `198.51.100.${(clientSeq += 1)}` });

/*
 * Issue 8, finding 6 (the spam part): messages and answers on a quarantined case mailed
 * every officer each time, and a reporter's message never went through the spam check.
 */

let db: Database;
let officer: Awaited<ReturnType<typeof createOfficer>>;
const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);

const SPAM_REPORT = 'ѕlot dana ѕl0t-777 gacor maxwin, daftar sekarang';
const SPAM_MESSAGE = 'ｓｌｏｔ７７７ g4c0r hari ini, d a f t a r  s e k a r a n g bonus new member';
const GENUINE_MESSAGE = 'Saya menambahkan bukti kuitansi pembayaran tanggal 2 Maret 2026.';

beforeAll(async () => {
  db = (await freshDatabase()).db;
  officer = await createOfficer(db);
});

async function officerMailsAbout(caseNumber: string) {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(emailOutbox).where(like(emailOutbox.textBody, `%${caseNumber}%`));
  return row.n;
}

function messageForm(body: string, files: File[] = []) {
  const form = new FormData();
  form.set('body', body);
  for (const file of files) form.append('evidence', file);
  return form;
}

describe('reporter messages on a quarantined case', () => {
  it('are stored and shown to officers, but never email them, genuine or not', async () => {
    const { caseId, caseNumber, quarantined } = await createCase(db, { what: SPAM_REPORT });
    expect(quarantined).toBe(true);
    for (let i = 0; i < 5; i += 1) {
      expect(await handleReporterMessage(db, caseId, messageForm(`${GENUINE_MESSAGE} (${i})`, [pdfFile(`bukti-${i}.pdf`)]), nextClient())).toEqual({ ok: true });
    }
    expect(await handleReporterMessage(db, caseId, messageForm(SPAM_MESSAGE), nextClient())).toEqual({ ok: true });
    expect(await officerMailsAbout(caseNumber)).toBe(0);

    const view = (await loadOfficerCaseView(db, officer, caseNumber))!;
    expect(view.thread.filter((m) => m.author === 'reporter')).toHaveLength(6);
    // The reporter sees their messages as sent, as on any case.
    expect((await loadReporterView(db, caseId))!.messages).toHaveLength(6);
  });

  it('email officers again once the case has left quarantine', async () => {
    const { caseId, caseNumber } = await createCase(db, { what: SPAM_REPORT });
    await releaseFromQuarantine(db, officer, { caseNumber });
    const afterRelease = await officerMailsAbout(caseNumber);
    expect(afterRelease).toBeGreaterThan(0);
    await handleReporterMessage(db, caseId, messageForm(GENUINE_MESSAGE), nextClient());
    expect(await officerMailsAbout(caseNumber)).toBeGreaterThan(afterRelease);
  });
});

describe('the spam check on reporter messages and answers', () => {
  it('holds back the officer email for a disguised spam message on a normal case, and marks it', async () => {
    const { caseId, caseNumber } = await createCase(db);
    const before = await officerMailsAbout(caseNumber);
    expect(await handleReporterMessage(db, caseId, messageForm(SPAM_MESSAGE), nextClient())).toEqual({ ok: true });
    expect(await officerMailsAbout(caseNumber)).toBe(before);

    const [stored] = await db.select().from(messages).where(eq(messages.caseId, caseId));
    expect(stored.spamScore).toBeGreaterThanOrEqual(5);
    const view = (await loadOfficerCaseView(db, officer, caseNumber))!;
    expect(view.thread.at(-1)).toMatchObject({ author: 'reporter', suspectedSpam: true });
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'case.message_from_reporter'));
    expect(audit.at(-1)?.detail).toMatchObject({ officersMailed: false });

    // A genuine message on the same case still reaches the officers.
    await handleReporterMessage(db, caseId, messageForm(GENUINE_MESSAGE), nextClient());
    expect(await officerMailsAbout(caseNumber)).toBeGreaterThan(before);
    const after = (await loadOfficerCaseView(db, officer, caseNumber))!;
    expect(after.thread.at(-1)).toMatchObject({ suspectedSpam: false });
  });

  it('reads file names too', async () => {
    const { caseId, caseNumber } = await createCase(db);
    const before = await officerMailsAbout(caseNumber);
    await handleReporterMessage(db, caseId, messageForm('Lihat lampiran.', [pdfFile('ѕlot777-gacor-maxwin-daftar-sekarang.pdf')]), nextClient());
    expect(await officerMailsAbout(caseNumber)).toBe(before);
  });

  it('holds back the email for a spam answer to an information request', async () => {
    const { caseId, caseNumber } = await createCase(db);
    await startVerification(db, officer, { caseNumber });
    await requestInformation(db, officer, { caseNumber, questions: 'Mohon lampirkan kuitansi pembayaran.', dueDate: inDays(7) });
    const request = await openInfoRequest(db, caseId);
    const before = await officerMailsAbout(caseNumber);
    const form = messageForm(SPAM_MESSAGE);
    form.set('infoRequestId', String(request!.id));
    expect(await handleInformationAnswer(db, caseId, form, nextClient())).toEqual({ ok: true });
    expect(await officerMailsAbout(caseNumber)).toBe(before);
  });

  it('lets a genuine answer that mentions gambling email the officers', async () => {
    const { caseId, caseNumber } = await createCase(db);
    await startVerification(db, officer, { caseNumber });
    await requestInformation(db, officer, { caseNumber, questions: 'Di mana terlapor bermain?', dueDate: inDays(7) });
    const request = await openInfoRequest(db, caseId);
    const before = await officerMailsAbout(caseNumber);
    const form = messageForm('Ia bermain judi online (slot) di komputer ruang keuangan setiap siang, kadang juga togel.');
    form.set('infoRequestId', String(request!.id));
    expect(await handleInformationAnswer(db, caseId, form, nextClient())).toEqual({ ok: true });
    expect(await officerMailsAbout(caseNumber)).toBeGreaterThan(before);
  });
});
