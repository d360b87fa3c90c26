import type { Database } from '@/lib/db/client';
import { AppError, GENERIC_ERROR_MESSAGE, logUnexpected } from '@/lib/errors';
import { consumeLimit, retryMessage } from '@/lib/security/rate-limit';
import { getSettings } from '@/lib/settings';
import type { BlobStore } from '@/lib/storage';
import { evidenceFileName, fileTooLargeMessage } from '@/lib/storage/evidence-rules';
import {
  discardPendingUpload,
  PENDING_UPLOAD_COOKIE,
  PENDING_UPLOAD_TTL_MS,
  storePendingUpload,
  uploadBytesPerClient,
  uploadBytesPerClientPerDay,
  uploadFilesPerClient,
} from './pending-uploads';

/**
 * The HTTP side of early uploads (app/api/unggah): one file per request, its bytes as
 * the raw body (what XMLHttpRequest.send(file) streams, with upload progress), its name
 * URI-encoded in `X-File-Name`. Answers JSON: `{ id, name, size }` or `{ message }` in
 * Indonesian. The route passes the browser's token and the client address the app
 * decided (never one the client sent).
 */

export const FILE_NAME_HEADER = 'x-file-name';

const NOT_SAME_SITE_MESSAGE = 'Unggahan hanya dapat dikirim dari formulir laporan di situs ini.';
const LENGTH_REQUIRED_MESSAGE = 'Ukuran berkas tidak diketahui. Muat ulang halaman, lalu pilih berkasnya lagi.';
const INTERRUPTED_MESSAGE = 'Unggahan terputus sebelum selesai. Coba lagi.';
const LIMITED_LEAD = 'Terlalu banyak berkas diunggah dari jaringan ini dalam waktu singkat.';

function json(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/**
 * Only the app's own pages may upload: a browser says where a request comes from in
 * Sec-Fetch-Site (or, for older ones, Origin). Without either, it is not a browser form.
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  const origin = request.headers.get('origin');
  const host = request.headers.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The cookie that binds uploads to this browser, refreshed with every upload. */
export function uploadTokenCookie(token: string, secure: boolean): string {
  return `${PENDING_UPLOAD_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${PENDING_UPLOAD_TTL_MS / 1000}${secure ? '; Secure' : ''}`;
}

function fileNameFrom(request: Request): string {
  const raw = request.headers.get(FILE_NAME_HEADER) ?? '';
  try {
    return evidenceFileName(decodeURIComponent(raw));
  } catch {
    return evidenceFileName(raw);
  }
}

/** Reads the body, stopping as soon as it grows past `max` bytes (null then). */
async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<Buffer | null> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** POST /api/unggah: check, count against the client's limits, clean, keep encrypted. */
export async function handleUploadPost(
  db: Database,
  request: Request,
  options: { token: string; clientAddress: string; store?: BlobStore; now?: number },
): Promise<Response> {
  if (!isSameOrigin(request)) return json(403, { message: NOT_SAME_SITE_MESSAGE });
  const settings = await getSettings(db);
  const limits = { maxFiles: settings.maxFiles, maxFileBytes: settings.maxFileBytes, maxSubmissionBytes: settings.maxSubmissionBytes };
  const name = fileNameFrom(request);
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (!Number.isSafeInteger(declared) || declared < 0) return json(411, { message: LENGTH_REQUIRED_MESSAGE });
  // The browser refuses these before sending; a hand-made request gets the same words.
  if (declared > limits.maxFileBytes) return json(413, { message: fileTooLargeMessage(name, declared, limits.maxFileBytes) });
  if (declared === 0) return json(400, { message: `Berkas "${name}" kosong.` });

  const now = options.now ?? Date.now();
  for (const [rule, cost] of [
    [uploadFilesPerClient(limits), 1],
    [uploadBytesPerClient(limits), declared],
    [uploadBytesPerClientPerDay(limits), declared],
  ] as const) {
    const verdict = await consumeLimit(db, rule, options.clientAddress, { cost, now });
    if (!verdict.allowed) {
      return json(
        429,
        { message: `${LIMITED_LEAD} ${retryMessage(verdict.retryAfterSeconds)}` },
        { 'Retry-After': String(verdict.retryAfterSeconds) },
      );
    }
  }

  let bytes: Buffer | null;
  try {
    bytes = await readCapped(request.body, declared);
  } catch {
    return json(400, { message: INTERRUPTED_MESSAGE });
  }
  if (bytes === null || bytes.length !== declared) return json(400, { message: INTERRUPTED_MESSAGE });

  try {
    const stored = await storePendingUpload(db, {
      token: options.token,
      file: new File([new Uint8Array(bytes)], name),
      limits,
      store: options.store,
      now,
    });
    return json(201, { id: stored.id, name: stored.name, size: stored.originalBytes });
  } catch (error) {
    if (error instanceof AppError) return json(error.status, { message: error.userMessage });
    logUnexpected('pending upload', error);
    return json(500, { message: GENERIC_ERROR_MESSAGE });
  }
}

/** DELETE /api/unggah/[id]: the reporter took the file back. Unknown and foreign ids alike: 404. */
export async function handleUploadDelete(
  db: Database,
  request: Request,
  options: { id: string; token: string | undefined; store?: BlobStore },
): Promise<Response> {
  if (!isSameOrigin(request)) return json(403, { message: NOT_SAME_SITE_MESSAGE });
  const removed = await discardPendingUpload(db, { id: options.id, token: options.token, store: options.store });
  return removed ? new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } }) : json(404, { message: 'Berkas tidak ditemukan.' });
}
