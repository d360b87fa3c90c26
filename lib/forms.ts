import type { z } from 'zod';

/**
 * The state every form action returns: on refusal, a message per field and the values
 * the user typed (minus secrets), so the page shows each message and loses nothing.
 */
export type FormState<Values extends Record<string, unknown> = Record<string, string>> =
  | { status: 'idle' }
  | { status: 'error'; message: string; fieldErrors: Record<string, string>; values: Partial<Values> }
  | { status: 'success'; message: string };

export const IDLE: FormState = { status: 'idle' };

/** First zod issue per field path (joined with dots), in Indonesian as the schema wrote it. */
export function fieldErrorsFrom(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Text fields of a FormData as a plain object (files and action ids left out). */
export function textValues(formData: FormData, omit: string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== 'string' || key.startsWith('$ACTION') || omit.includes(key)) continue;
    values[key] = value;
  }
  return values;
}

/** The report form's state: as FormState, and on refusal how many files must be chosen again. */
export type ReportFormState =
  | { status: 'idle' }
  | {
      status: 'error';
      message: string;
      fieldErrors: Record<string, string>;
      values: Record<string, string>;
      /** How many files were chosen: they must be chosen again, and the form says so. */
      filesChosen: number;
    };
