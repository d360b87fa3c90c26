import { and, count, eq, lte } from 'drizzle-orm';
import { appendAudit } from '@/lib/audit/log';
import type { AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { attachments, cases } from '@/lib/db/schema';
import { loadCaseCipher } from './case-crypto';
import { assertCaseAccess } from './assignment';
import { AppError, logUnexpected } from '@/lib/errors';
import { getBlobStore, type BlobStore } from '@/lib/storage';
import { StorageUnavailableError } from '@/lib/storage/backend';
import { isCaseNumber } from './case-number';

/**
 * Evidence download for officers, free of Next.js: the route only turns the result (or
 * the AppError) into a response. Files leave storage decrypted only here, only for an
 * active officer, and every download is in the audit log.
 */

/**
 * `fileName` is what the uploader called the file (shown as text on the case page
 * only); the browser saves it as `downloadName`, built from the case number, the file's
 * place in the case and the DETECTED type, so a PDF named `Bukti Transfer.html` is
 * saved as `bukti-2026-0001-1.pdf` and can never open as a page or a script.
 */
export type EvidenceFile = { bytes: Buffer; fileName: string; downloadName: string; mimeType: string };

/**
 * Content types a download may carry, by detected extension. Anything else (a row from
 * before this list, or a type added without thought) goes out as an opaque byte stream
 * named `.bin`: never HTML, SVG, XML or script, whatever was stored.
 */
const DOWNLOAD_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  tif: 'image/tiff',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  rtf: 'application/rtf',
  txt: 'text/plain; charset=utf-8',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  aac: 'audio/aac',
  amr: 'audio/amr',
  flac: 'audio/flac',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  '3gp': 'video/3gpp',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  avi: 'video/x-msvideo',
};

/** The saved name and content type of the n-th evidence file of a case, from its detected type. */
export function evidenceDownload(caseNumber: string, ordinal: number, extension: string): { downloadName: string; mimeType: string } {
  const known = Object.hasOwn(DOWNLOAD_TYPES, extension);
  return {
    downloadName: `bukti-${caseNumber}-${ordinal}.${known ? extension : 'bin'}`,
    mimeType: known ? DOWNLOAD_TYPES[extension] : 'application/octet-stream',
  };
}

function notFound(): AppError {
  return new AppError('evidence_not_found', { userMessage: 'Berkas bukti tidak ditemukan pada kasus ini.' });
}

/** A positive id from a URL segment, or null. */
export function parseId(raw: string): number | null {
  if (!/^\d{1,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * Loads, decrypts and audits one attachment of a case.
 *
 * Order matters: the caller is authorised before anything about the case is read, so
 * someone without a session learns nothing (not even whether the case exists). An
 * attachment of another case is "not found", like one that does not exist. The audit
 * row `evidence.download` ({ attachmentId }) is written before the bytes are returned;
 * if it cannot be written, nothing is returned.
 *
 * Throws AppError: 'unauthorized' / 'forbidden' (lib/auth/guard.ts),
 * 'evidence_not_found', 'evidence_unreadable' (the stored file is missing or altered).
 */
export async function loadEvidenceForOfficer(
  db: Database,
  officer: AuthorizedOfficer,
  caseNumber: string,
  attachmentId: string | number,
  options: { store?: BlobStore } = {},
): Promise<EvidenceFile> {
  const id = typeof attachmentId === 'number' ? attachmentId : parseId(attachmentId);
  if (id === null || !Number.isSafeInteger(id) || id <= 0 || !isCaseNumber(caseNumber)) throw notFound();

  const [row] = await db
    .select({
      caseId: attachments.caseId,
      storageKey: attachments.storageKey,
      fileNameEnc: attachments.fileNameEnc,
      extension: attachments.extension,
    })
    .from(attachments)
    .innerJoin(cases, eq(cases.id, attachments.caseId))
    .where(and(eq(attachments.id, id), eq(cases.caseNumber, caseNumber)))
    .limit(1);
  if (!row) throw notFound();
  await assertCaseAccess(db, officer, row.caseId);

  // Its place among the case's files (1, 2, …): files are only ever added, so it is stable.
  const [{ ordinal }] = await db
    .select({ ordinal: count() })
    .from(attachments)
    .where(and(eq(attachments.caseId, row.caseId), lte(attachments.id, id)));

  let bytes: Buffer;
  let fileName: string;
  try {
    const cipher = await loadCaseCipher(db, row.caseId);
    bytes = await (options.store ?? getBlobStore()).get(row.storageKey, cipher.fileKey());
    fileName = cipher.open(attachments.fileNameEnc, row.storageKey, row.fileNameEnc);
  } catch (error) {
    // Erased by retention: say so (410), it is not a storage fault.
    if (error instanceof AppError && error.code === 'case_content_erased') throw error;
    logUnexpected('evidence download', error);
    if (error instanceof StorageUnavailableError) {
      throw new AppError('evidence_storage_unavailable', {
        userMessage: 'Layanan penyimpanan berkas bukti sedang tidak dapat dihubungi. Silakan coba unduh kembali beberapa saat lagi.',
        cause: error,
      });
    }
    throw new AppError('evidence_unreadable', {
      userMessage: 'Berkas bukti tidak dapat dibaca dari penyimpanan. Hubungi administrator WBS.',
      cause: error,
    });
  }

  await appendAudit(db, {
    officerId: officer.id,
    action: 'evidence.download',
    caseId: row.caseId,
    detail: { attachmentId: id },
  });

  return { bytes, fileName, ...evidenceDownload(caseNumber, ordinal, row.extension) };
}

/** RFC 5987 / 8187 percent-encoding for `filename*`. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `Content-Disposition: attachment` with the original name as UTF-8 (`filename*`) and a
 * plain-ASCII fallback for old clients. Control characters, quotes, backslashes and path
 * separators never reach the header.
 */
export function attachmentDisposition(fileName: string, fallbackName = 'bukti'): string {
  const cleaned = fileName
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[\\/]/g, '_')
    .trim()
    .slice(0, 200);
  const name = cleaned || fallbackName;
  const ascii =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["%;]/g, '_')
      .trim() || fallbackName;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/** Headers every officer file download carries: never cached, never sniffed, never run. */
export const DOWNLOAD_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store, private',
  'Content-Security-Policy': 'sandbox',
};

/** The 200 response for a loaded file: an attachment under its safe name, typed from its detected type. */
export function evidenceResponse(file: EvidenceFile): Response {
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      ...DOWNLOAD_HEADERS,
      'Content-Type': file.mimeType,
      'Content-Length': String(file.bytes.length),
      'Content-Disposition': attachmentDisposition(file.downloadName),
    },
  });
}

/**
 * The response for a refused or failed officer download: a short Indonesian text, the
 * status lib/errors.ts maps its code to, and never file data. No redirect: a download
 * link opened without a session should fail plainly, not land on a page that could be
 * cached or framed.
 */
export function downloadRefusal(error: unknown): Response {
  let status = 500;
  let message = 'Maaf, berkas tidak dapat diunduh karena gangguan di server. Silakan coba lagi.';
  if (error instanceof AppError) {
    status = error.status;
    message = error.userMessage;
  } else {
    logUnexpected('officer download', error);
  }
  return new Response(`${message}\n`, {
    status,
    headers: { ...DOWNLOAD_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
