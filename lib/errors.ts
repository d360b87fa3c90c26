import { userMessageDigest } from '@/lib/http/user-facing-errors';

/**
 * An error whose `userMessage` (Indonesian) may be shown to the person who caused it.
 * Anything else that is thrown becomes a generic message and is logged without
 * personal data.
 */
export class AppError extends Error {
  readonly code: string;
  readonly userMessage: string;
  readonly field?: string;
  readonly digest: string;

  constructor(code: string, options: { userMessage: string; field?: string; cause?: unknown }) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = options.userMessage;
    this.field = options.field;
    // Next.js keeps a digest it finds on an error thrown while rendering, where it
    // strips the message: the officer's error page reads the userMessage back from it.
    this.digest = userMessageDigest(options.userMessage);
  }
}

export const GENERIC_ERROR_MESSAGE =
  'Maaf, terjadi gangguan di server dan data Anda belum tersimpan. Silakan coba lagi beberapa saat lagi.';

/** Logs an unexpected error by name and code only: messages may carry user input. */
export function logUnexpected(where: string, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown })?.code;
  console.error(`[wbs] unexpected error in ${where}: ${name}${code ? ` (${String(code)})` : ''}`);
}
