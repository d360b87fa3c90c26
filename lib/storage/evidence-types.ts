/** What the evidence input accepts, as text for people and for the file picker; safe for client bundles. */

export const ACCEPT_ATTRIBUTE =
  '.pdf,.jpg,.jpeg,.png,.webp,.gif,.tif,.tiff,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,.txt,.mp3,.m4a,.wav,.ogg,.opus,.aac,.amr,.flac,.mp4,.mov,.3gp,.webm,.mkv,.avi';

export const ALLOWED_TYPES_TEXT =
  'PDF, gambar (JPG, PNG, WEBP, GIF), dokumen Office (Word, Excel, PowerPoint, ODF), teks, audio, atau video';
