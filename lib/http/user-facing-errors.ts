/**
 * How an Indonesian message for the user survives the trip from the server to an error
 * page. Framework-free and client-safe (the error pages are client components).
 *
 * - Server components: in production Next.js replaces a thrown error's message with an
 *   English placeholder, but keeps a `digest` the error already carries. An AppError
 *   therefore carries its userMessage in its digest (lib/errors.ts), and the error pages
 *   read it back with `userMessageOf`.
 * - Request bodies refused by proxy.ts (too large, malformed): a server action called
 *   from JavaScript receives a `text/plain` error response, which Next.js's client
 *   rethrows with that text as the message; the error pages recognise these messages.
 */

const DIGEST_PREFIX = 'WBS_USER_MESSAGE;';

/** The digest an AppError carries: its userMessage, recoverable on the client. */
export function userMessageDigest(userMessage: string): string {
  return DIGEST_PREFIX + encodeURIComponent(userMessage);
}

export function tooLargeMessage(maxMb: number): string {
  return (
    `Kiriman Anda terlalu besar: seluruh isian dan berkas bukti paling besar ${maxMb} MB. ` +
    'Kurangi ukuran atau jumlah berkas, lalu kirim kembali.'
  );
}

export const MALFORMED_REQUEST_MESSAGE =
  'Kiriman Anda tidak lengkap atau rusak di perjalanan, sehingga tidak dapat diproses. Silakan isi dan kirim formulir kembali.';

const TOO_LARGE = /^Kiriman Anda terlalu besar: seluruh isian dan berkas bukti paling besar \d+ MB\. /;

/**
 * The message an error page may show for `error`, or null for anything else (which then
 * gets a generic Indonesian message: other messages may be English or carry internals).
 */
export function userMessageOf(error: { message?: string; digest?: string } | null | undefined): string | null {
  const digest = error?.digest;
  if (typeof digest === 'string' && digest.startsWith(DIGEST_PREFIX)) {
    try {
      return decodeURIComponent(digest.slice(DIGEST_PREFIX.length));
    } catch {
      return null;
    }
  }
  const message = error?.message ?? '';
  if (message === MALFORMED_REQUEST_MESSAGE || TOO_LARGE.test(message)) return message;
  return null;
}
