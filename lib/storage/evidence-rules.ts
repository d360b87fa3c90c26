import { formatBytes } from '@/lib/format';
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_TEXT } from './evidence-types';

/**
 * The evidence rules both sides apply, with the one wording for each refusal: the server
 * (lib/storage/evidence.ts) and the browser's uploader (components/forms/evidence-uploader.tsx)
 * call the same functions, so a file refused before it is sent gets the very message the
 * server would give. Pure and safe for client bundles. The server still decides by content
 * (magic bytes); the browser can only go by the name, so it refuses what no content could
 * make acceptable (a name with a type the picker does not offer) and leaves the rest to the server.
 */

export type EvidenceLimits = { maxFiles: number; maxFileBytes: number; maxSubmissionBytes: number };

export type EvidenceRefusalCode =
  | 'too_many_files'
  | 'file_too_large'
  | 'submission_too_large'
  | 'file_type_not_allowed'
  | 'heic_not_supported';

export type EvidenceRefusal = { code: EvidenceRefusalCode; message: string };

/** What a file contributes to the limits: its name and its size as chosen. */
export type ChosenFileInfo = { name: string; size: number };

export function tooManyFilesMessage(maxFiles: number, chosen: number): string {
  return `Terlalu banyak berkas: maksimal ${maxFiles} berkas, Anda memilih ${chosen}.`;
}

export function fileTooLargeMessage(name: string, size: number, maxFileBytes: number): string {
  return `Berkas "${name}" terlalu besar (${formatBytes(size)}). Ukuran maksimal per berkas ${formatBytes(maxFileBytes)}.`;
}

export function submissionTooLargeMessage(total: number, maxSubmissionBytes: number): string {
  return `Total ukuran berkas ${formatBytes(total)} melebihi batas ${formatBytes(maxSubmissionBytes)} per laporan.`;
}

export function typeNotAllowedMessage(name: string): string {
  return `Berkas "${name}" bukan jenis yang diizinkan. Isinya diperiksa, bukan namanya. Jenis yang diterima: ${ALLOWED_TYPES_TEXT}.`;
}

export function heicMessage(name: string): string {
  return `Foto "${name}" berformat HEIC. Simpan sebagai JPG terlebih dahulu (di iPhone: Pengaturan › Kamera › Format › Paling Kompatibel).`;
}

/** The name the server stores and names in its messages. */
export function evidenceFileName(name: string): string {
  return name.slice(0, 200) || 'berkas';
}

/**
 * The count, per-file size and total-size limits over every file of one report, in the
 * order the server checks them; null when they all hold.
 */
export function checkEvidenceList(files: readonly ChosenFileInfo[], limits: EvidenceLimits): EvidenceRefusal | null {
  if (files.length > limits.maxFiles) {
    return { code: 'too_many_files', message: tooManyFilesMessage(limits.maxFiles, files.length) };
  }
  for (const file of files) {
    if (file.size > limits.maxFileBytes) {
      return { code: 'file_too_large', message: fileTooLargeMessage(file.name, file.size, limits.maxFileBytes) };
    }
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > limits.maxSubmissionBytes) {
    return { code: 'submission_too_large', message: submissionTooLargeMessage(total, limits.maxSubmissionBytes) };
  }
  return null;
}

const ACCEPTED_EXTENSIONS = new Set(ACCEPT_ATTRIBUTE.split(',').map((e) => e.slice(1)));

/**
 * The browser's check of one name before sending: a HEIC photo, or an extension the
 * picker does not offer, can never pass the server's content check. A name without an
 * extension is left to the server, which looks at the content.
 */
export function checkFileName(name: string): EvidenceRefusal | null {
  const shown = evidenceFileName(name);
  const match = /\.([a-z0-9]{1,8})$/i.exec(name);
  if (!match) return null;
  const extension = match[1].toLowerCase();
  if (extension === 'heic' || extension === 'heif') return { code: 'heic_not_supported', message: heicMessage(shown) };
  if (!ACCEPTED_EXTENSIONS.has(extension)) return { code: 'file_type_not_allowed', message: typeNotAllowedMessage(shown) };
  return null;
}

/**
 * The browser's check of one more file against those already kept for the report:
 * its name, then the limits over the kept files plus this one.
 */
export function checkAdditionalFile(kept: readonly ChosenFileInfo[], file: ChosenFileInfo, limits: EvidenceLimits): EvidenceRefusal | null {
  return checkFileName(file.name) ?? checkEvidenceList([...kept, { name: evidenceFileName(file.name), size: file.size }], limits);
}
