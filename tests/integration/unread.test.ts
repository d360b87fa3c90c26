import { beforeAll, describe, expect, it } from 'vitest';
import { countMineAndUnread, listInbox } from '@/lib/cases/inbox';
import { loadOfficerCaseView } from '@/lib/cases/officer-view';
import { handleInformationAnswer, handleReporterMessage } from '@/lib/cases/reporter-replies';
import { startVerification } from '@/lib/cases/service/decisions';
import { openInfoRequest, requestInformation } from '@/lib/cases/service/info-requests';
import { sendMessageToReporter } from '@/lib/cases/service/messages';
import { markCaseSeen, newestReporterMessageId } from '@/lib/cases/unread';
import type { Database } from '@/lib/db/client';
import { freshDatabase } from '../support/db';
import { createCase, createOfficer } from '../support/factories';
import { pdfFile } from '../support/forms';

/**
 * Issue 13, point 3: what the reporter sent since an officer last opened the case marks
 * it "Balasan baru" in that officer's inbox (and its own tab), until they open it.
 */

let db: Database;
let ani: Awaited<ReturnType<typeof createOfficer>>;
let budi: Awaited<ReturnType<typeof createOfficer>>;
const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  db = (await freshDatabase()).db;
  ani = await createOfficer(db);
  budi = await createOfficer(db);
});

/** What the case page does when an officer opens it. */
async function openCasePage(officer: typeof ani, caseNumber: string) {
  const view = (await loadOfficerCaseView(db, officer, caseNumber))!;
  await markCaseSeen(db, officer, view.id, newestReporterMessageId(view.thread));
  return view;
}

async function inboxRow(officer: typeof ani, caseNumber: string) {
  return (await listInbox(db, officer, { view: 'open', limit: 200 })).rows.find((r) => r.caseNumber === caseNumber)!;
}

async function unreadTab(officer: typeof ani): Promise<string[]> {
  return (await listInbox(db, officer, { view: 'unread', limit: 200 })).rows.map((r) => r.caseNumber);
}

function messageForm(body: string, files: File[] = []) {
  const form = new FormData();
  form.set('body', body);
  for (const file of files) form.append('evidence', file);
  return form;
}

describe('unread reporter replies', () => {
  it('a new report is not a reply; the officer\'s own message is not one either', async () => {
    const { caseNumber } = await createCase(db);
    expect((await inboxRow(ani, caseNumber)).unread).toBe(false);
    await sendMessageToReporter(db, ani, { caseNumber, body: 'Terima kasih, laporan Anda kami terima.' });
    expect((await inboxRow(ani, caseNumber)).unread).toBe(false);
    expect(await unreadTab(ani)).not.toContain(caseNumber);
  });

  it('a reporter message with a file marks the case for every officer until each opens it', async () => {
    const { caseNumber, caseId } = await createCase(db);
    await openCasePage(ani, caseNumber);
    const before = await countMineAndUnread(db, ani);

    expect((await handleReporterMessage(db, caseId, messageForm('Saya lampirkan foto kuitansi.', [pdfFile('kuitansi.pdf')]))).ok).toBe(true);
    expect((await inboxRow(ani, caseNumber)).unread).toBe(true);
    expect((await inboxRow(budi, caseNumber)).unread).toBe(true);
    expect(await unreadTab(ani)).toContain(caseNumber);
    expect((await countMineAndUnread(db, ani)).unread).toBe(before.unread + 1);

    await openCasePage(ani, caseNumber);
    expect((await inboxRow(ani, caseNumber)).unread).toBe(false);
    expect(await unreadTab(ani)).not.toContain(caseNumber);
    expect((await countMineAndUnread(db, ani)).unread).toBe(before.unread);
    // Per officer: Budi has not opened it yet.
    expect((await inboxRow(budi, caseNumber)).unread).toBe(true);

    expect((await handleReporterMessage(db, caseId, messageForm('Satu hal lagi: kejadiannya dua kali.'))).ok).toBe(true);
    expect((await inboxRow(ani, caseNumber)).unread).toBe(true);
  });

  it('an answer to an information request marks the case too', async () => {
    const { caseNumber, caseId } = await createCase(db);
    await startVerification(db, ani, { caseNumber });
    await requestInformation(db, ani, { caseNumber, questions: 'Mohon sebutkan tanggal kejadian.', dueDate: inDays(7) });
    await openCasePage(ani, caseNumber);
    expect((await inboxRow(ani, caseNumber)).unread).toBe(false);
    const request = await openInfoRequest(db, caseId);
    const form = messageForm('Kejadian pada 2 Maret 2026.');
    form.set('infoRequestId', String(request!.id));
    expect((await handleInformationAnswer(db, caseId, form)).ok).toBe(true);
    expect((await inboxRow(ani, caseNumber)).unread).toBe(true);
    await openCasePage(ani, caseNumber);
    expect((await inboxRow(ani, caseNumber)).unread).toBe(false);
  });

  it('a page rendered before a newer reply cannot mark that reply read, nor move the mark back', async () => {
    const { caseNumber, caseId } = await createCase(db);
    const stale = (await loadOfficerCaseView(db, ani, caseNumber))!;
    expect((await handleReporterMessage(db, caseId, messageForm('Balasan yang datang setelah halaman dibuka.'))).ok).toBe(true);
    await markCaseSeen(db, ani, stale.id, newestReporterMessageId(stale.thread));
    expect((await inboxRow(ani, caseNumber)).unread).toBe(true);
    await openCasePage(ani, caseNumber);
    await markCaseSeen(db, ani, stale.id, 0);
    expect((await inboxRow(ani, caseNumber)).unread).toBe(false);
  });
});
