import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { appendAudit } from '@/lib/audit/log';
import type { AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { attachments, cases, messages } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { getBlobStore, type BlobStore } from '@/lib/storage';
import type { PreparedFile } from '@/lib/storage/evidence';
import { attachmentRows, storePreparedFiles } from '../attachments';
import type { messageSchema } from '../officer-schemas';
import { isFinal } from '../workflow';
import { notifyOfficers } from '../notify';
import { QUARANTINE_THRESHOLD } from '@/lib/security/spam';
import { loadCaseFor, recordEvent, touchCase } from './common';
import { loadCaseCipher, SEAL_PENDING, sealRow } from '../case-crypto';

/** The thread between officers and the reporter, open while the case is. */

export type SendMessageOptions = z.infer<typeof messageSchema>;

export async function sendMessageToReporter(db: Database, officer: AuthorizedOfficer, options: SendMessageOptions) {
  const caseRow = await loadCaseFor(db, officer, options.caseNumber);
  if (isFinal(caseRow.state)) {
    throw new AppError('case_closed', { userMessage: 'Kasus ini sudah ditutup; pesan tidak dapat dikirim lagi.' });
  }
  const now = new Date();
  await db.transaction(async (tx) => {
    const [message] = await tx
      .insert(messages)
      .values({ caseId: caseRow.id, author: 'officer', officerId: officer.id, body: SEAL_PENDING, createdAt: now })
      .returning({ id: messages.id });
    await sealRow(tx, await loadCaseCipher(tx, caseRow.id), messages, message.id, { body: options.body });
    await recordEvent(tx, {
      caseId: caseRow.id,
      kind: 'message_to_reporter',
      officerId: officer.id,
      publicNote: 'Ada pesan baru dari petugas untuk Anda.',
      now,
    });
    await appendAudit(tx, { officerId: officer.id, action: 'case.message_to_reporter', caseId: caseRow.id, detail: { messageId: message.id }, at: now });
    await touchCase(tx, caseRow.id, now);
  });
}

export type ReporterMessageOptions = {
  caseId: number;
  body: string;
  files: PreparedFile[];
  /** The spam check's score of the body and file names (reporter-replies.ts). */
  spamScore?: number;
  store?: BlobStore;
};

/**
 * Whether a reporter's message or answer may email the officers: not while the case is
 * in quarantine, and not when the message itself looks like spam. Either way it is
 * stored and shown to officers on the case page; only the email is held back.
 */
export function mailsOfficers(caseRow: { quarantined: boolean }, spamScore = 0): boolean {
  return !caseRow.quarantined && spamScore < QUARANTINE_THRESHOLD;
}

/** A message from the reporter (outside an information request), with optional files. */
export async function sendReporterMessage(db: Database, options: ReporterMessageOptions) {
  const [caseRow] = await db.select().from(cases).where(eq(cases.id, options.caseId)).limit(1);
  if (!caseRow) throw new AppError('case_not_found', { userMessage: 'Laporan tidak ditemukan.' });
  if (isFinal(caseRow.state)) {
    throw new AppError('case_closed', { userMessage: 'Laporan ini sudah ditutup; pesan tidak dapat dikirim lagi.' });
  }
  const store = options.store ?? getBlobStore();
  const cipher = await loadCaseCipher(db, caseRow.id);
  const { stored, discard } = await storePreparedFiles(store, options.files, cipher.fileKey());
  const now = new Date();
  try {
    await db.transaction(async (tx) => {
      const [message] = await tx
        .insert(messages)
        .values({ caseId: caseRow.id, author: 'reporter', body: SEAL_PENDING, spamScore: options.spamScore ?? 0, createdAt: now })
        .returning({ id: messages.id });
      await sealRow(tx, cipher, messages, message.id, { body: options.body });
      if (stored.length > 0) await tx.insert(attachments).values(attachmentRows(stored, caseRow.id, message.id, now, cipher));
      await recordEvent(tx, {
        caseId: caseRow.id,
        kind: 'message_from_reporter',
        officerId: null,
        publicNote: 'Pesan Anda telah terkirim kepada petugas.',
        now,
      });
      const mail = mailsOfficers(caseRow, options.spamScore);
      if (mail) await notifyOfficers(tx, 'reporter_message', caseRow.caseNumber, now);
      await appendAudit(tx, {
        officerId: null,
        action: 'case.message_from_reporter',
        caseId: caseRow.id,
        detail: { messageId: message.id, files: stored.length, ...(mail ? {} : { officersMailed: false, spamScore: options.spamScore ?? 0 }) },
        at: now,
      });
      await touchCase(tx, caseRow.id, now);
    });
  } catch (error) {
    await discard();
    throw error;
  }
}
