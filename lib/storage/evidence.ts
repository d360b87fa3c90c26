import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type FormatEnum } from 'sharp';
import { AppError, type AppErrorCode } from '@/lib/errors';
import { checkEvidenceList, evidenceFileName, heicMessage, typeNotAllowedMessage, type EvidenceLimits } from './evidence-rules';
import { EncryptedPdfError, METADATA_POLICY, stripDocumentMetadata } from './metadata';

/**
 * Checks evidence files before anything is stored: count and size limits, type by
 * content (magic bytes, never the name), and metadata removed: images re-encoded
 * (EXIF, GPS), other types through lib/storage/metadata (PDF, Office, MP4/MOV, audio).
 * A file of a cleaned type that cannot be cleaned is refused. Every refusal is an AppError with an Indonesian message for the field.
 */

export type { EvidenceLimits };

export type PreparedFile = {
  fileName: string;
  mimeType: string;
  extension: string;
  bytes: Buffer;
  sha256: string;
  metadataStripped: boolean;
};

/** Detected types we accept, by file-type's extension. */
const ALLOWED: Record<string, { kind: 'image' | 'document' | 'audio' | 'video' }> = {
  jpg: { kind: 'image' },
  png: { kind: 'image' },
  webp: { kind: 'image' },
  gif: { kind: 'image' },
  tif: { kind: 'image' },
  pdf: { kind: 'document' },
  docx: { kind: 'document' },
  xlsx: { kind: 'document' },
  pptx: { kind: 'document' },
  odt: { kind: 'document' },
  ods: { kind: 'document' },
  odp: { kind: 'document' },
  cfb: { kind: 'document' }, // legacy .doc/.xls/.ppt, told apart in legacyOfficeType
  rtf: { kind: 'document' },
  mp3: { kind: 'audio' },
  m4a: { kind: 'audio' },
  wav: { kind: 'audio' },
  ogg: { kind: 'audio' },
  opus: { kind: 'audio' },
  aac: { kind: 'audio' },
  amr: { kind: 'audio' },
  flac: { kind: 'audio' },
  mp4: { kind: 'video' },
  mov: { kind: 'video' },
  '3gp': { kind: 'video' },
  webm: { kind: 'video' },
  mkv: { kind: 'video' },
  avi: { kind: 'video' },
};

/** Images sharp can re-encode in their own format, dropping all metadata. */
const STRIPPABLE_IMAGES = new Set(['jpg', 'png', 'webp', 'gif', 'tif']);
const SHARP_FORMAT: Record<string, keyof FormatEnum> = { jpg: 'jpeg', tif: 'tiff' };

/**
 * Files actually chosen. An empty file input still posts one part: nameless without
 * JavaScript, named "undefined" through React's action encoding; a zero-byte file
 * carries no evidence either, so every empty part is left out.
 */
export function chosenFiles(files: unknown[]): File[] {
  return files.filter((f): f is File => f instanceof File && f.size > 0);
}

/** Plain text has no magic bytes: accept UTF-8 without control characters, named .txt/.csv. */
function isPlainText(name: string, bytes: Buffer): boolean {
  if (!/\.(txt|csv)$/i.test(name)) return false;
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) return false;
  return !/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.test(text);
}

/** doc/xls/ppt by the name of their main stream in the OLE directory (UTF-16LE). */
function legacyOfficeType(bytes: Buffer): { extension: string; mimeType: string } | null {
  const has = (name: string) => bytes.includes(Buffer.from(name, 'utf16le'));
  if (has('WordDocument')) return { extension: 'doc', mimeType: 'application/msword' };
  if (has('Workbook') || has('Book')) return { extension: 'xls', mimeType: 'application/vnd.ms-excel' };
  if (has('PowerPoint Document')) return { extension: 'ppt', mimeType: 'application/vnd.ms-powerpoint' };
  return null;
}

function refuse(code: AppErrorCode, userMessage: string): never {
  throw new AppError(code, { userMessage, field: 'evidence' });
}

/** Checks the limits only (cheap; before reading any file). The rules are shared with the browser. */
export function checkEvidenceLimits(files: File[], limits: EvidenceLimits): void {
  const refusal = checkEvidenceList(files, limits);
  if (refusal) refuse(refusal.code, refusal.message);
}

/**
 * Reads, type-checks and cleans each file. Nothing is written anywhere: the caller
 * stores the result only once every file has passed.
 */
export async function prepareEvidence(files: File[], limits: EvidenceLimits): Promise<PreparedFile[]> {
  checkEvidenceLimits(files, limits);
  const prepared: PreparedFile[] = [];
  for (const file of files) {
    const original = Buffer.from(await file.arrayBuffer());
    const fileName = evidenceFileName(file.name);
    const detected = await fileTypeFromBuffer(original);

    let extension: string;
    let mimeType: string;
    if (detected?.ext === 'cfb') {
      // An OLE container is a Word, Excel or PowerPoint file only if it holds their
      // main stream; others (installers, Outlook items) are refused.
      const legacy = legacyOfficeType(original);
      if (!legacy) {
        refuse('file_type_not_allowed', typeNotAllowedMessage(fileName));
      }
      ({ extension, mimeType } = legacy);
    } else if (detected && ALLOWED[detected.ext]) {
      extension = detected.ext;
      mimeType = detected.mime;
    } else if (!detected && isPlainText(fileName, original)) {
      extension = 'txt';
      mimeType = 'text/plain';
    } else if (detected && (detected.ext === 'heic' || detected.ext === 'heif')) {
      refuse('heic_not_supported', heicMessage(fileName));
    } else {
      refuse('file_type_not_allowed', typeNotAllowedMessage(fileName));
    }

    let bytes: Buffer = original;
    let metadataStripped = false;
    if (!STRIPPABLE_IMAGES.has(extension)) {
      if (!METADATA_POLICY[extension]) refuse('file_type_not_allowed', `Berkas "${fileName}" bukan jenis yang diizinkan.`);
      try {
        const cleaned = await stripDocumentMetadata(extension, original);
        bytes = cleaned.bytes;
        metadataStripped = cleaned.cleaned;
      } catch (error) {
        if (error instanceof EncryptedPdfError) {
          refuse(
            'pdf_encrypted',
            `PDF "${fileName}" dilindungi kata sandi atau terenkripsi, sehingga metadatanya (misalnya nama penulis) tidak dapat dihapus. Buka berkas itu, simpan atau cetak ulang sebagai PDF tanpa kata sandi, lalu unggah kembali.`,
          );
        }
        refuse(
          'metadata_not_removable',
          `Berkas "${fileName}" tidak dapat dibaca untuk dihapus metadatanya, sehingga tidak kami simpan. Pastikan berkasnya tidak rusak, atau simpan ulang (misalnya sebagai PDF) lalu unggah kembali.`,
        );
      }
    } else {
      try {
        // Re-encoding drops EXIF/GPS/XMP (sharp keeps no metadata unless asked);
        // rotate() first so the picture keeps its orientation without the EXIF tag.
        bytes = await sharp(original, { animated: extension === 'gif' || extension === 'webp' })
          .rotate()
          .toFormat(SHARP_FORMAT[extension] ?? (extension as keyof FormatEnum))
          .toBuffer();
        metadataStripped = true;
      } catch {
        refuse('image_unreadable', `Gambar "${fileName}" tidak dapat dibaca. Pastikan berkasnya tidak rusak.`);
      }
    }

    prepared.push({
      fileName,
      mimeType,
      extension,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      metadataStripped,
    });
  }
  return prepared;
}
