import { userMessageDigest } from '@/lib/http/user-facing-errors';

/**
 * Every code an AppError may carry, with the HTTP status a response for it should have
 * (downloads and routes use `httpStatusOf`; forms show the `userMessage` instead). A new
 * refusal adds its code here, so the list and the statuses cannot drift apart.
 */
const APP_ERROR_STATUS = {
  // Who is asking
  unauthorized: 401,
  activation_required: 403,
  forbidden: 403,
  identity_not_approved: 403,
  case_access_refused: 403,
  // What they asked for does not exist (or is not theirs to see)
  not_found: 404,
  case_not_found: 404,
  email_not_found: 404,
  evidence_not_found: 404,
  holiday_not_found: 404,
  summons_not_found: 404,
  category_not_found: 404,
  // Erased by retention: the case key is destroyed, its content can never be read again
  case_content_erased: 410,
  // The record moved on since the page was opened
  stale_case: 409,
  not_quarantined: 409,
  already_decided: 409,
  case_closed: 409,
  already_assigned: 409,
  not_assigned: 409,
  info_request_closed: 409,
  summons_closed: 409,
  category_duplicate: 409,
  email_taken: 409,
  email_not_retryable: 409,
  holiday_duplicate: 409,
  totp_already_enabled: 409,
  pending_upload_gone: 409,
  // The procedure does not allow it now
  move_not_allowed: 422,
  action_not_allowed: 422,
  quarantined: 422,
  summons_not_allowed: 422,
  summons_not_yet_held: 422,
  summons_response_closed: 422,
  conclusion_reason_required: 422,
  info_request_not_due: 422,
  wrong_reason: 422,
  assignee_invalid: 422,
  own_request: 422,
  own_request_needs_totp: 422,
  totp_required: 400,
  too_many_attempts: 429,
  last_admin: 422,
  self_deactivation: 422,
  enrol_totp_first: 422,
  totp_required_by_office: 422,
  totp_not_started: 422,
  // What was typed or sent is not acceptable
  anonymous_report: 400,
  due_in_past: 400,
  summons_non_working_day: 400,
  invalid_category: 400,
  referral_target_missing: 400,
  invalid_holiday: 400,
  holiday_national: 400,
  holiday_weekend: 400,
  invalid_notify_mode: 400,
  invalid_settings: 400,
  totp_invalid: 400,
  wrong_password: 400,
  file_type_not_allowed: 400,
  heic_not_supported: 400,
  image_unreadable: 400,
  pdf_encrypted: 400,
  metadata_not_removable: 400,
  file_too_large: 413,
  submission_too_large: 413,
  too_many_files: 413,
  // Stored data the server could not read back
  evidence_unreadable: 500,
  // The evidence storage service (uploadthing) could not be reached
  evidence_storage_unavailable: 503,
} as const satisfies Record<string, number>;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

/** The HTTP status for a refusal with this code. */
export function httpStatusOf(code: AppErrorCode): number {
  return APP_ERROR_STATUS[code];
}

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === 'string' && Object.hasOwn(APP_ERROR_STATUS, value);
}

/**
 * An error whose `userMessage` (Indonesian) may be shown to the person who caused it.
 * Anything else that is thrown becomes a generic message and is logged without
 * personal data.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly field?: string;
  readonly digest: string;

  constructor(code: AppErrorCode, options: { userMessage: string; field?: string; cause?: unknown }) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = options.userMessage;
    this.field = options.field;
    // Next.js keeps a digest it finds on an error thrown while rendering, where it
    // strips the message: the officer's error page reads the userMessage back from it.
    this.digest = userMessageDigest(options.userMessage);
  }

  /** The HTTP status a response refusing with this error carries. */
  get status(): number {
    return httpStatusOf(this.code);
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
