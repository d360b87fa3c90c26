import { z } from 'zod';
import type { Database } from '@/lib/db/client';
import { AppError, GENERIC_ERROR_MESSAGE, logUnexpected } from '@/lib/errors';
import { analyzeSpam } from '@/lib/security/spam';
import { getSettings } from '@/lib/settings';
import { chosenFiles, prepareEvidence, type PreparedFile } from '@/lib/storage/evidence';
import type { BlobStore } from '@/lib/storage';
import { answerInformationRequest } from './service/info-requests';
import { sendReporterMessage } from './service/messages';

/**
 * What the reporter posts from /status: an answer to an information request, or a
 * message, each with optional files. The case id comes from the sealed status cookie
 * (the caller proved the ticket); everything else is checked here, and nothing is
 * stored on any refusal.
 */

export type ReplyResult = { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string> };

const bodySchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z
    .string({ error: 'Tuliskan jawaban atau pesan Anda.' })
    .min(1, 'Tuliskan jawaban atau pesan Anda.')
    .min(5, 'Jawaban terlalu singkat (minimal 5 karakter).')
    .max(5000, 'Jawaban terlalu panjang (maksimal 5000 karakter).'),
);

const REFUSED = 'Belum terkirim. Periksa kembali isian yang ditandai.';

async function validate(
  db: Database,
  formData: FormData,
): Promise<{ ok: true; body: string; files: PreparedFile[] } | { ok: false; fieldErrors: Record<string, string> }> {
  const fieldErrors: Record<string, string> = {};
  const body = bodySchema.safeParse(formData.get('body'));
  if (!body.success) fieldErrors.body = body.error.issues[0].message;
  let files: PreparedFile[] = [];
  try {
    files = await prepareEvidence(chosenFiles(formData.getAll('evidence')), await getSettings(db));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    fieldErrors.evidence = error.userMessage;
  }
  if (!body.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, body: body.data, files };
}

/**
 * The same spam check as a report's (lib/security/spam.ts), on the text and the file
 * names. A high score does not refuse the message — the reporter is told nothing they
 * could tune against — it only keeps it from emailing officers (service/messages.ts).
 */
function replySpamScore(body: string, files: PreparedFile[]): number {
  return analyzeSpam({ texts: [body, ...files.map((file) => file.fileName)] }).score;
}

async function run(where: string, action: () => Promise<void>): Promise<ReplyResult> {
  try {
    await action();
    return { ok: true };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.userMessage, fieldErrors: {} };
    logUnexpected(where, error);
    return { ok: false, message: GENERIC_ERROR_MESSAGE, fieldErrors: {} };
  }
}

export async function handleInformationAnswer(
  db: Database,
  caseId: number,
  formData: FormData,
  options: { store?: BlobStore } = {},
): Promise<ReplyResult> {
  const infoRequestId = Number(formData.get('infoRequestId'));
  if (!Number.isSafeInteger(infoRequestId) || infoRequestId <= 0) {
    return { ok: false, message: 'Permintaan kelengkapan tidak ditemukan. Muat ulang halaman.', fieldErrors: {} };
  }
  const checked = await validate(db, formData);
  if (!checked.ok) return { ok: false, message: REFUSED, fieldErrors: checked.fieldErrors };
  return run('information answer', () =>
    answerInformationRequest(db, {
      caseId,
      infoRequestId,
      body: checked.body,
      files: checked.files,
      spamScore: replySpamScore(checked.body, checked.files),
      store: options.store,
    }),
  );
}

export async function handleReporterMessage(
  db: Database,
  caseId: number,
  formData: FormData,
  options: { store?: BlobStore } = {},
): Promise<ReplyResult> {
  const checked = await validate(db, formData);
  if (!checked.ok) return { ok: false, message: REFUSED, fieldErrors: checked.fieldErrors };
  return run('reporter message', () =>
    sendReporterMessage(db, { caseId, body: checked.body, files: checked.files, spamScore: replySpamScore(checked.body, checked.files), store: options.store }),
  );
}
