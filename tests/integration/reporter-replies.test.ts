import { beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { handleInformationAnswer, handleReporterMessage } from '@/lib/cases/reporter-replies';
import { loadReporterView } from '@/lib/cases/reporter-view';
import { startVerification } from '@/lib/cases/service/decisions';
import { openInfoRequest, requestInformation } from '@/lib/cases/service/info-requests';
import { sendMessageToReporter } from '@/lib/cases/service/messages';
import type { Database } from '@/lib/db/client';
import { attachments, cases, messages } from '@/lib/db/schema';
import { freshDatabase } from '../support/db';
import { createCase, createOfficer } from '../support/factories';
import { exeRenamedPdf, pdfFile } from '../support/forms';

let db: Database;
let officer: Awaited<ReturnType<typeof createOfficer>>;
const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  db = (await freshDatabase()).db;
  officer = await createOfficer(db);
});

async function caseAwaitingInfo() {
  const { caseNumber, caseId } = await createCase(db);
  await startVerification(db, officer, { caseNumber });
  await requestInformation(db, officer, { caseNumber, questions: 'Mohon lampirkan kuitansi pembayaran.', dueDate: inDays(7) });
  const request = await openInfoRequest(db, caseId);
  return { caseId, infoRequestId: request!.id };
}

function answerForm(infoRequestId: number, body: string, files: File[] = []) {
  const form = new FormData();
  form.set('infoRequestId', String(infoRequestId));
  form.set('body', body);
  for (const file of files) form.append('evidence', file);
  return form;
}

async function replyAttachments(caseId: number) {
  const [row] = await db.select({ n: count() }).from(attachments).where(and(eq(attachments.caseId, caseId), isNotNull(attachments.messageId)));
  return row.n;
}

describe('the reporter answers an information request', () => {
  it('with text and a file: the answer is in the thread and the case returns to Verifikasi', async () => {
    const { caseId, infoRequestId } = await caseAwaitingInfo();
    const result = await handleInformationAnswer(db, caseId, answerForm(infoRequestId, 'Kuitansi terlampir, tertanggal 2 Maret 2026.', [pdfFile('kuitansi.pdf')]));
    expect(result).toEqual({ ok: true });
    const [row] = await db.select({ state: cases.state }).from(cases).where(eq(cases.id, caseId));
    expect(row.state).toBe('verifying');
    expect(await replyAttachments(caseId)).toBe(1);
    const view = (await loadReporterView(db, caseId))!;
    expect(view.openInfoRequests).toHaveLength(0);
    expect(view.messages.map((m) => m.body)).toContain('Kuitansi terlampir, tertanggal 2 Maret 2026.');
    // The question stays in the thread, answered, with the answer and the file acknowledged.
    expect(view.thread).toHaveLength(1);
    expect(view.thread[0]).toMatchObject({
      kind: 'question',
      questions: 'Mohon lampirkan kuitansi pembayaran.',
      status: 'answered',
      answer: { body: 'Kuitansi terlampir, tertanggal 2 Maret 2026.', files: [{ name: 'kuitansi.pdf', mimeType: 'application/pdf' }] },
    });
    expect(view.now).toContain('memeriksa kelengkapan');
    // A later message from the officer comes first: newest at the top.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const [{ caseNumber }] = await db.select({ caseNumber: cases.caseNumber }).from(cases).where(eq(cases.id, caseId));
    await sendMessageToReporter(db, officer, { caseNumber, body: 'Terima kasih, kuitansi sudah kami terima.' });
    const later = (await loadReporterView(db, caseId))!;
    expect(later.thread.map((item) => item.kind)).toEqual(['message', 'question']);
  });

  it('an empty answer or an executable is refused at its field and nothing is stored', async () => {
    const { caseId, infoRequestId } = await caseAwaitingInfo();
    const empty = await handleInformationAnswer(db, caseId, answerForm(infoRequestId, '   '));
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.fieldErrors.body).toMatch(/Tuliskan/);
    const exe = await handleInformationAnswer(db, caseId, answerForm(infoRequestId, 'Ini buktinya.', [exeRenamedPdf()]));
    expect(exe.ok).toBe(false);
    if (!exe.ok) expect(exe.fieldErrors.evidence).toMatch(/bukan jenis yang diizinkan/);
    const [row] = await db.select({ state: cases.state }).from(cases).where(eq(cases.id, caseId));
    expect(row.state).toBe('awaiting_info');
    const [m] = await db.select({ n: count() }).from(messages).where(eq(messages.caseId, caseId));
    expect(m.n).toBe(0);
  });

  it('a request id from another case is refused', async () => {
    const mine = await caseAwaitingInfo();
    const other = await caseAwaitingInfo();
    const result = await handleInformationAnswer(db, mine.caseId, answerForm(other.infoRequestId, 'Jawaban untuk kasus lain.'));
    expect(result.ok).toBe(false);
    // Neither case moved or got the text: a refusal stores nothing anywhere.
    for (const caseId of [mine.caseId, other.caseId]) {
      const [row] = await db.select({ state: cases.state }).from(cases).where(eq(cases.id, caseId));
      expect(row.state).toBe('awaiting_info');
      const [m] = await db.select({ n: count() }).from(messages).where(eq(messages.caseId, caseId));
      expect(m.n).toBe(0);
    }
  });
});

describe('messages between the officer and the reporter', () => {
  it('the officer writes, the reporter reads and answers; no officer name reaches the reporter', async () => {
    const { caseNumber, caseId } = await createCase(db);
    await sendMessageToReporter(db, officer, { caseNumber, body: 'Apakah Anda memiliki foto kejadian?' });
    const form = new FormData();
    form.set('body', 'Ya, foto terlampir.');
    form.append('evidence', pdfFile());
    expect(await handleReporterMessage(db, caseId, form)).toEqual({ ok: true });
    const view = (await loadReporterView(db, caseId))!;
    expect(view.messages.map((m) => m.from)).toEqual(['officer', 'reporter']);
    expect(view.messages.map((m) => m.body)).toEqual(['Apakah Anda memiliki foto kejadian?', 'Ya, foto terlampir.']);
    expect(await replyAttachments(caseId)).toBe(1);
    expect(JSON.stringify(view)).not.toContain('Petugas 1');
  });
});
