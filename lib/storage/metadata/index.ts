import { stripFlac, stripId3, stripWav } from './audio';
import { stripIsoBmffMetadata } from './isobmff';
import { stripOfficeMetadata } from './office';
import { stripPdfMetadata } from './pdf';

export { EncryptedPdfError } from './pdf';

/**
 * How each accepted type (by detected extension) loses its metadata. Images are
 * re-encoded by sharp in evidence.ts. 'none': the format carries no metadata to remove
 * (plain text, raw AMR). 'kept': accepted, NOT cleaned, and the form says so
 * (NOT_CLEANED_TYPES_TEXT in evidence-types.ts must list exactly these).
 */
export type MetadataPolicy = 'image' | 'pdf' | 'ooxml' | 'odf' | 'isobmff' | 'id3' | 'wav' | 'flac' | 'none' | 'kept';

export const METADATA_POLICY: Record<string, MetadataPolicy> = {
  jpg: 'image',
  png: 'image',
  webp: 'image',
  gif: 'image',
  tif: 'image',
  pdf: 'pdf',
  docx: 'ooxml',
  xlsx: 'ooxml',
  pptx: 'ooxml',
  odt: 'odf',
  ods: 'odf',
  odp: 'odf',
  mp4: 'isobmff',
  mov: 'isobmff',
  m4a: 'isobmff',
  '3gp': 'isobmff',
  mp3: 'id3',
  aac: 'id3',
  wav: 'wav',
  flac: 'flac',
  txt: 'none',
  amr: 'none',
  // Legacy Office (detected as an OLE container, named by its main stream): the
  // properties live in OLE streams we do not rewrite.
  doc: 'kept',
  xls: 'kept',
  ppt: 'kept',
  rtf: 'kept',
  ogg: 'kept',
  opus: 'kept',
  webm: 'kept',
  mkv: 'kept',
  avi: 'kept',
};

/**
 * A copy of a non-image file without its metadata, and whether it was cleaned.
 * Throws when a file of a cleaned type cannot be parsed (the caller refuses it).
 */
export async function stripDocumentMetadata(extension: string, bytes: Buffer): Promise<{ bytes: Buffer; cleaned: boolean }> {
  switch (METADATA_POLICY[extension]) {
    case 'pdf':
      return { bytes: await stripPdfMetadata(bytes), cleaned: true };
    case 'ooxml':
      return { bytes: await stripOfficeMetadata(bytes, 'ooxml'), cleaned: true };
    case 'odf':
      return { bytes: await stripOfficeMetadata(bytes, 'odf'), cleaned: true };
    case 'isobmff':
      return { bytes: stripIsoBmffMetadata(bytes).bytes, cleaned: true };
    case 'id3':
      return { bytes: stripId3(bytes), cleaned: true };
    case 'wav':
      return { bytes: stripWav(bytes), cleaned: true };
    case 'flac':
      return { bytes: stripFlac(bytes), cleaned: true };
    case 'none':
      return { bytes, cleaned: true };
    case 'kept':
      return { bytes, cleaned: false };
    default:
      throw new Error(`no metadata policy for ${extension}`);
  }
}
