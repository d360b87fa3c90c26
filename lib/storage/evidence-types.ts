/** What the evidence input accepts, as text for people and for the file picker; safe for client bundles. */

export const ACCEPT_ATTRIBUTE =
  '.pdf,.jpg,.jpeg,.png,.webp,.gif,.tif,.tiff,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,.txt,.mp3,.m4a,.wav,.ogg,.opus,.aac,.amr,.flac,.mp4,.mov,.3gp,.webm,.mkv,.avi';

export const ALLOWED_TYPES_TEXT =
  'PDF, gambar (JPG, PNG, WEBP, GIF), dokumen Office (Word, Excel, PowerPoint, ODF), teks, audio, atau video';

/**
 * What the forms promise about metadata. It must stay true to METADATA_POLICY in
 * lib/storage/metadata/index.ts: the cleaned types, and plainly what is not cleaned.
 */
export const METADATA_CLEANED_TEXT =
  'Metadata (nama penulis, perusahaan, perangkat, tanggal pembuatan, dan lokasi GPS) dihapus otomatis dari foto (JPG, PNG, WEBP, GIF, TIFF), PDF, dokumen Word, Excel, dan PowerPoint (.docx, .xlsx, .pptx) serta ODF (.odt, .ods, .odp), video dan audio MP4, MOV, M4A, 3GP, MP3, AAC, WAV, dan FLAC.';

export const METADATA_NOT_CLEANED_TEXT =
  'Yang tidak dihapus: isi berkas itu sendiri (teks, kop surat, tanda tangan, nama pada komentar dan riwayat revisi di dalam dokumen, wajah, suara, dan gambar), serta metadata berkas .doc, .xls, .ppt lama, RTF, OGG, OPUS, WEBM, MKV, dan AVI. Bila perlu, simpan dahulu sebagai PDF, JPG, atau MP4.';
