import { z } from 'zod';
import type { Database } from '@/lib/db/client';
import { AppError, GENERIC_ERROR_MESSAGE, logUnexpected } from '@/lib/errors';
import { analyzeSpam } from '@/lib/security/spam';
import { UNKNOWN_ADDRESS } from '@/lib/security/client-address';
import {
  caseBytesPerDay,
  caseFilesPerDay,
  consumeLimit,
  peekLimit,
  REPLY_PER_CASE,
  REPLY_PER_CLIENT,
  retryMessage,
  subject,
} from '@/lib/security/rate-limit';
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

export type ReplyResult =
  | { ok: true }
  | { ok: false; message: string; fieldErrors: Record<string, string>; rateLimited?: boolean };

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

/** Who is replying, for the limits: the address from requestClientAddress(); tests move the clock. */
export type ReplyOptions = { store?: BlobStore; clientAddress?: string; now?: number };

/**
 * The limits on what a reporter can post to a case, counted in the database: replies per
 * client and per case (each attempt counts, like a lookup), then the day's files and
 * bytes per case (counted only for files that pass every other check). Without these one
 * client could write gigabytes and mail every officer with each post.
 */
async function checkReplyLimits(db: Database, caseId: number, options: ReplyOptions): Promise<ReplyResult | null> {
  const now = options.now;
  const perClient = await consumeLimit(db, REPLY_PER_CLIENT, options.clientAddress ?? UNKNOWN_ADDRESS, { now });
  const perCase = perClient.allowed ? await consumeLimit(db, REPLY_PER_CASE, subject('case', caseId), { now }) : perClient;
  if (perCase.allowed) return null;
  return {
    ok: false,
    message: `Terlalu banyak pesan dikirim dalam waktu singkat. Isian Anda tetap tersimpan di halaman ini. ${retryMessage(perCase.retryAfterSeconds)}`,
    fieldErrors: {},
    rateLimited: true,
  };
}

async function checkFileQuota(db: Database, caseId: number, files: PreparedFile[], options: ReplyOptions): Promise<ReplyResult | null> {
  if (files.length === 0) return null;
  const settings = await getSettings(db);
  const bytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  const filesRule = caseFilesPerDay(settings.maxCaseFilesPerDay);
  const bytesRule = caseBytesPerDay(settings.maxCaseBytesPerDay);
  const key = subject('case', caseId);
  const now = options.now;
  // Look first, so a refusal on bytes does not use up the day's file count.
  const [filesLeft, bytesLeft] = [await peekLimit(db, filesRule, key, { cost: files.length, now }), await peekLimit(db, bytesRule, key, { cost: bytes, now })];
  let verdict = !filesLeft.allowed ? filesLeft : bytesLeft;
  if (filesLeft.allowed && bytesLeft.allowed) {
    verdict = await consumeLimit(db, filesRule, key, { cost: files.length, now });
    if (verdict.allowed) verdict = await consumeLimit(db, bytesRule, key, { cost: bytes, now });
  }
  if (verdict.allowed) return null;
  const message = `Batas lampiran untuk laporan ini hari ini telah tercapai. Kirim pesan tanpa lampiran, atau ${retryMessage(verdict.retryAfterSeconds).toLowerCase()}`;
  return { ok: false, message: REFUSED, fieldErrors: { evidence: message }, rateLimited: true };
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
  options: ReplyOptions = {},
): Promise<ReplyResult> {
  const infoRequestId = Number(formData.get('infoRequestId'));
  if (!Number.isSafeInteger(infoRequestId) || infoRequestId <= 0) {
    return { ok: false, message: 'Permintaan kelengkapan tidak ditemukan. Muat ulang halaman.', fieldErrors: {} };
  }
  const limited = await checkReplyLimits(db, caseId, options);
  if (limited) return limited;
  const checked = await validate(db, formData);
  if (!checked.ok) return { ok: false, message: REFUSED, fieldErrors: checked.fieldErrors };
  const overQuota = await checkFileQuota(db, caseId, checked.files, options);
  if (overQuota) return overQuota;
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
  options: ReplyOptions = {},
): Promise<ReplyResult> {
  const limited = await checkReplyLimits(db, caseId, options);
  if (limited) return limited;
  const checked = await validate(db, formData);
  if (!checked.ok) return { ok: false, message: REFUSED, fieldErrors: checked.fieldErrors };
  const overQuota = await checkFileQuota(db, caseId, checked.files, options);
  if (overQuota) return overQuota;
  return run('reporter message', () =>
    sendReporterMessage(db, { caseId, body: checked.body, files: checked.files, spamScore: replySpamScore(checked.body, checked.files), store: options.store }),
  );
}
