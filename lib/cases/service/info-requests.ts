import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbTransaction } from '@/lib/audit/log';
import type { AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { attachments, cases, infoRequests, messages, type Case, type InfoRequest } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { getBlobStore, type BlobStore } from '@/lib/storage';
import type { PreparedFile } from '@/lib/storage/evidence';
import { attachmentRows, storePreparedFiles } from '../attachments';
import { dueDateEnd, type requestInformationSchema } from '../officer-schemas';
import { notifyOfficers } from '../notify';
import { assertMove, loadCaseFor, moveCase } from './common';
import { loadCaseCipher, SEAL_PENDING, sealRow } from '../case-crypto';
import { mailsOfficers } from './messages';
import { formatOfficeDate } from '@/lib/office-time';
import { isFinal } from '../workflow';

/**
 * The information request loop of the seed: the officer asks for what is missing
 * with a due date (the case waits in Menunggu Kelengkapan, its clock paused), the
 * reporter answers on /status with text and files, and the case returns to Verifikasi.
 */

export async function openInfoRequest(db: Database | DbTransaction, caseId: number): Promise<InfoRequest | undefined> {
  const [open] = await db
    .select()
    .from(infoRequests)
    .where(and(eq(infoRequests.caseId, caseId), eq(infoRequests.status, 'open')))
    .orderBy(desc(infoRequests.id))
    .limit(1);
  return open;
}

export type RequestInformationOptions = z.infer<typeof requestInformationSchema>;

export async function requestInformation(db: Database, officer: AuthorizedOfficer, options: RequestInformationOptions) {
  const caseRow = await loadCaseFor(db, officer, options.caseNumber);
  assertMove(caseRow, 'awaiting_info', options.expectedState);
  const dueAt = dueDateEnd(options.dueDate);
  if (dueAt.getTime() <= Date.now()) {
    throw new AppError('due_in_past', { userMessage: 'Batas waktu jawaban harus hari ini atau setelahnya.', field: 'dueDate' });
  }
  const now = new Date();
  const dueText = formatOfficeDate(dueAt);
  await db.transaction(async (tx) => {
    const [request] = await tx.insert(infoRequests).values({
      caseId: caseRow.id,
      questions: SEAL_PENDING,
      dueAt,
      status: 'open',
      officerId: officer.id,
      createdAt: now,
    }).returning({ id: infoRequests.id });
    await sealRow(tx, await loadCaseCipher(tx, caseRow.id), infoRequests, request.id, { questions: options.questions });
    await moveCase(tx, {
      caseRow,
      to: 'awaiting_info',
      officerId: officer.id,
      kind: 'information_requested',
      publicNote: `Petugas meminta kelengkapan informasi. Mohon jawab melalui halaman ini paling lambat ${dueText}.`,
      openInfoRequestDueAt: dueAt,
      now,
    });
  });
}

export type AnswerInformationRequestOptions = {
  caseId: number;
  infoRequestId: number;
  body: string;
  files: PreparedFile[];
  /** The spam check's score of the answer and file names (reporter-replies.ts). */
  spamScore?: number;
  store?: BlobStore;
};

/**
 * The reporter's answer. The caller has already proven the ticket (the case id comes
 * from the reporter's sealed status cookie); here the request must still be open and
 * the case still waiting for it. Files are written first and removed on any failure.
 */
export async function answerInformationRequest(db: Database, options: AnswerInformationRequestOptions) {
  const [caseRow] = await db.select().from(cases).where(eq(cases.id, options.caseId)).limit(1);
  if (!caseRow) throw new AppError('case_not_found', { userMessage: 'Laporan tidak ditemukan.' });
  const [request] = await db
    .select()
    .from(infoRequests)
    .where(and(eq(infoRequests.id, options.infoRequestId), eq(infoRequests.caseId, caseRow.id)))
    .limit(1);
  if (request && (request.status === 'closed' || isFinal(caseRow.state))) {
    throw new AppError('info_request_closed', {
      userMessage: 'Permintaan kelengkapan ini sudah ditutup karena penanganan kasus telah selesai. Jawaban tidak diperlukan lagi.',
    });
  }
  if (!request || request.status !== 'open' || caseRow.state !== 'awaiting_info') {
    throw new AppError('info_request_closed', {
      userMessage: 'Permintaan kelengkapan ini sudah dijawab atau sudah ditutup. Muat ulang halaman untuk melihat status terbaru.',
    });
  }
  assertMove(caseRow as Case, 'verifying');

  const store = options.store ?? getBlobStore();
  const cipher = await loadCaseCipher(db, caseRow.id);
  const { stored, discard } = await storePreparedFiles(store, options.files, cipher.fileKey());
  const now = new Date();
  try {
    await db.transaction(async (tx) => {
      const closed = await tx
        .update(infoRequests)
        .set({ status: 'answered', answeredAt: now })
        .where(and(eq(infoRequests.id, request.id), eq(infoRequests.status, 'open')))
        .returning({ id: infoRequests.id });
      if (closed.length === 0) {
        throw new AppError('info_request_closed', { userMessage: 'Permintaan kelengkapan ini sudah dijawab.' });
      }
      const [message] = await tx
        .insert(messages)
        .values({ caseId: caseRow.id, author: 'reporter', infoRequestId: request.id, body: SEAL_PENDING, spamScore: options.spamScore ?? 0, createdAt: now })
        .returning({ id: messages.id });
      await sealRow(tx, cipher, messages, message.id, { body: options.body });
      if (stored.length > 0) await tx.insert(attachments).values(attachmentRows(stored, caseRow.id, message.id, now, cipher));
      if (mailsOfficers(caseRow, options.spamScore)) await notifyOfficers(tx, 'reporter_answered', caseRow.caseNumber, now);
      await moveCase(tx, {
        caseRow,
        to: 'verifying',
        officerId: null,
        kind: 'information_answered',
        publicNote: 'Jawaban Anda telah diterima dan akan diverifikasi kembali oleh petugas.',
        audit: { infoRequestId: request.id, files: stored.length },
        now,
      });
    });
  } catch (error) {
    await discard();
    throw error;
  }
}
