/**
 * Numbers as an Indonesian reader writes them: a decimal comma and a thousands dot
 * ("10,5 MB", "1.024 KB"). Pure and safe for client bundles (the evidence picker
 * shows sizes before anything is sent).
 */

const KB = 1024;
const MB = 1024 * 1024;

const oneDecimal = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const inputDecimal = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1, useGrouping: false });

/** A file or upload size: "10,5 MB", "10 MB", "300 KB", "12 byte" (binary units, as file pickers count). */
export function formatBytes(bytes: number): string {
  // Rounded before choosing the unit, so 1 048 575 bytes reads "1 MB", not "1.024 KB".
  if (bytes >= MB || Math.round(bytes / KB) >= 1024) return `${oneDecimal.format(bytes / MB)} MB`;
  if (bytes >= KB) return `${whole.format(bytes / KB)} KB`;
  return `${whole.format(bytes)} byte`;
}

/**
 * A number for a form field that reads it back (settings in megabytes): one decimal at
 * most, a decimal comma and no thousands dot, so "1.024" is never mistaken for 1,024.
 */
export function formatDecimalInput(value: number): string {
  return inputDecimal.format(value);
}

const FILE_TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'Dokumen PDF',
  'image/jpeg': 'Foto JPEG',
  'image/png': 'Gambar PNG',
  'image/webp': 'Gambar WEBP',
  'image/gif': 'Gambar GIF',
  'image/tiff': 'Gambar TIFF',
  'application/msword': 'Dokumen Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Dokumen Word',
  'application/vnd.ms-excel': 'Lembar kerja Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Lembar kerja Excel',
  'application/vnd.ms-powerpoint': 'Presentasi PowerPoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'Presentasi PowerPoint',
  'application/vnd.oasis.opendocument.text': 'Dokumen ODF',
  'application/vnd.oasis.opendocument.spreadsheet': 'Lembar kerja ODF',
  'application/vnd.oasis.opendocument.presentation': 'Presentasi ODF',
  'application/rtf': 'Dokumen RTF',
  'text/rtf': 'Dokumen RTF',
  'text/plain': 'Berkas teks',
};

const FAMILY_NAMES: Record<string, string> = { image: 'Gambar', audio: 'Rekaman suara', video: 'Video', text: 'Berkas teks' };

/**
 * A file's type as a person names it ("Foto JPEG", "Dokumen PDF", "Rekaman suara MP3"),
 * never as a MIME type; an unknown type reads "Berkas".
 */
export function formatFileType(mimeType: string): string {
  const type = mimeType.toLowerCase().split(';')[0].trim();
  if (FILE_TYPE_NAMES[type]) return FILE_TYPE_NAMES[type];
  const [family, subtype = ''] = type.split('/');
  const familyName = FAMILY_NAMES[family];
  if (!familyName) return 'Berkas';
  const short = subtype.replace(/^x-/, '').replace(/^(mpeg|mp3)$/, 'MP3').replace(/^quicktime$/, 'MOV').replace(/^3gpp$/, '3GP');
  return /^[a-z0-9]{2,5}$/i.test(short) ? `${familyName} ${short.toUpperCase()}` : familyName;
}

/**
 * Ends a sentence after text a person typed: adds the period unless the text already ends
 * with one (a title such as "S.H." or "M.Si."), so no sentence reads "S.H..".
 */
export function endSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
