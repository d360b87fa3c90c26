import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { getDb, type Database } from '@/lib/db/client';
import { AppError, GENERIC_ERROR_MESSAGE, logUnexpected } from '@/lib/errors';
import { fieldErrorsFrom, textValues, type FormState } from '@/lib/forms';
import {
  activatedOfficer,
  sessionOfficer,
  forbidden,
  type AuthenticatedOfficer,
  type AuthorizedOfficer,
  type OfficerRole,
  type SessionUser,
} from './guard';

/** What an officer action returns: FormState, and on success optional data to show once. */
export type ActionState<Data = undefined> =
  | Exclude<FormState, { status: 'success' }>
  | { status: 'success'; message: string; data?: Data };

export type ActionResult<Data = undefined> = { message: string; data?: Data };

type OfficerActionOptions<Pending extends boolean> = {
  /** Role the action needs (default: any active officer). */
  role?: OfficerRole;
  /** Extra fields never sent back to the page (fields named like passwords or codes always are left out). */
  secretFields?: string[];
  /**
   * For the account's own activation steps (password change, TOTP enrolment): the
   * handler then gets an AuthenticatedOfficer, which no case service accepts.
   */
  allowPendingActivation?: Pending;
};

type ActingOfficer<Pending extends boolean> = Pending extends true ? AuthenticatedOfficer : AuthorizedOfficer;

const SECRET_FIELD = /password|sandi|code|secret|token/i;

function safeValues(formData: FormData, secretFields: string[] = []): Record<string, string> {
  const values = textValues(formData, secretFields);
  for (const key of Object.keys(values)) if (SECRET_FIELD.test(key)) delete values[key];
  return values;
}

/**
 * Builds `officerAction` around a session reader: lib/auth/session.ts passes the
 * Auth.js session; tests pass a plain function, so the wrapper runs without Next.js.
 */
export function officerActionWith(readSessionUser: () => Promise<SessionUser>) {
  /**
   * A server action for officers, in the spirit of saas-starter's `validatedAction`:
   * 1. re-reads the session and the officer row, and checks the role — without them
   *    nothing is parsed or changed;
   * 2. validates the FormData with `schema`; on bad input returns every field's message
   *    and the typed values (never passwords or codes);
   * 3. runs `handler`; an AppError becomes its Indonesian `userMessage` (at its field
   *    when it names one), anything else a generic message, logged without personal data.
   * `redirect()` and `notFound()` thrown by the handler pass through untouched.
   */
  return function officerAction<Schema extends z.ZodType, Data = undefined, Pending extends boolean = false>(
    schema: Schema,
    handler: (
      input: z.output<Schema>,
      context: { officer: ActingOfficer<Pending>; db: Database; formData: FormData },
    ) => Promise<ActionResult<Data>>,
    options: OfficerActionOptions<Pending> = {},
  ): (previous: ActionState<Data>, formData: FormData) => Promise<ActionState<Data>> {
    return async (_previous, formData) => {
      const values = safeValues(formData, options.secretFields);
      const refuse = (message: string, fieldErrors: Record<string, string> = {}): ActionState<Data> => ({
        status: 'error',
        message,
        fieldErrors,
        values,
      });

      const db = getDb();
      let officer: ActingOfficer<Pending>;
      try {
        const signedIn = await sessionOfficer(db, await readSessionUser());
        const authorized = options.allowPendingActivation ? signedIn : activatedOfficer(signedIn);
        if (options.role === 'admin' && authorized.role !== 'admin') throw forbidden();
        officer = authorized as ActingOfficer<Pending>;
      } catch (error) {
        unstable_rethrow(error);
        if (error instanceof AppError) return refuse(error.userMessage);
        logUnexpected('officerAction:session', error);
        return refuse(GENERIC_ERROR_MESSAGE);
      }

      const parsed = schema.safeParse(Object.fromEntries(formData.entries()));
      if (!parsed.success) {
        return refuse('Periksa kembali isian yang ditandai.', fieldErrorsFrom(parsed.error));
      }

      try {
        const result = await handler(parsed.data, { officer, db, formData });
        return { status: 'success', message: result.message, data: result.data };
      } catch (error) {
        unstable_rethrow(error);
        if (error instanceof AppError) {
          return refuse(error.userMessage, error.field ? { [error.field]: error.userMessage } : {});
        }
        logUnexpected('officerAction', error);
        return refuse(GENERIC_ERROR_MESSAGE);
      }
    };
  }
}
