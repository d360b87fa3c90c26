import { auth } from '@/auth';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { officerActionWith } from './action';
import { authorizeOfficer, type AuthorizedOfficer } from './guard';

export type { AuthorizedOfficer } from './guard';
export type { ActionResult, ActionState } from './action';

/**
 * The session as pages and server actions use it. Each call reads the Auth.js session
 * and then the officer row (lib/auth/guard.ts): a deactivated officer or a changed role
 * counts from the next request, whatever the cookie says.
 */

async function sessionUser() {
  const session = await auth();
  return session?.user ?? null;
}

/** The signed-in officer, or null (no session, expired, deactivated). For layouts and pages. */
export async function currentOfficer(): Promise<AuthorizedOfficer | null> {
  try {
    // Pending accounts pass here: the layout sends them to /petugas/aktivasi.
    return await authorizeOfficer(getDb(), await sessionUser(), 'officer', { allowPendingActivation: true });
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthorized') return null;
    throw error;
  }
}

/** The signed-in, active officer; throws AppError 'unauthorized' otherwise. */
export async function requireOfficer(): Promise<AuthorizedOfficer> {
  return authorizeOfficer(getDb(), await sessionUser(), 'officer');
}

/**
 * A server action for officers: re-reads the session and the officer row, checks the
 * role, validates the form, maps AppError to its message (see lib/auth/action.ts).
 */
export const officerAction = officerActionWith(sessionUser);
