import { cache } from 'react';
import { auth, signIn } from '@/auth';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { officerActionWith } from './action';
import { activatedOfficer, officerIdFrom, sessionOfficer, type AuthenticatedOfficer, type AuthorizedOfficer } from './guard';
import { endOfficerSessions, issueSignInProof } from './sessions';

export type { AuthenticatedOfficer, AuthorizedAdmin, AuthorizedOfficer } from './guard';
export type { ActionResult, ActionState } from './action';

/**
 * The session as pages and server actions use it. Each call reads the Auth.js session
 * and then the officer row (lib/auth/guard.ts): a deactivated officer or a changed role
 * counts from the next request, whatever the cookie says.
 */

/**
 * Once per server render: the officer layout and the page both ask, and each auth()
 * decrypts the cookie and reads the officer row in the jwt callback. React's cache()
 * memoizes only within one render; a server action (run before its render) always
 * reads afresh, so a session ended or renewed by the action is seen by the render after.
 */
const sessionUser = cache(async () => {
  const session = await auth();
  return session?.user ?? null;
});

/**
 * The signed-in officer, or null (no session, expired, deactivated), possibly still
 * activating: for the layouts and the activation page, which send such accounts on.
 */
export async function currentOfficer(): Promise<AuthenticatedOfficer | null> {
  try {
    return await renderOfficer();
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthorized') return null;
    throw error;
  }
}

/**
 * The signed-in, active, activated officer, for a page to pass to the read models and
 * services it calls; throws AppError 'unauthorized' / 'activation_required' otherwise.
 */
export async function requireOfficer(): Promise<AuthorizedOfficer> {
  return activatedOfficer(await renderOfficer());
}

/** The session's officer row, read once per render (layout and page), like sessionUser. */
const renderOfficer = cache(async () => sessionOfficer(getDb(), await sessionUser()));

/**
 * A server action for officers: re-reads the session and the officer row, checks the
 * role, validates the form, maps AppError to its message (see lib/auth/action.ts).
 */
export const officerAction = officerActionWith(sessionUser);

/**
 * Ends every session of the signed-in officer, wherever its cookie was copied (raises the
 * session version). For "Keluar": clearing this browser's cookie alone would leave copies valid.
 */
export async function endAllSessionsOfCurrentOfficer(): Promise<number | null> {
  const user = await sessionUser();
  const id = officerIdFrom(user);
  if (id === null) return null;
  await endOfficerSessions(getDb(), id);
  return id;
}

/**
 * After the officer changed their own TOTP (which ended every session), gives this browser
 * a fresh session at the new version, through the same one-time proof as a sign-in.
 * Other copies stay ended.
 */
export async function renewOwnSession(officerId: number): Promise<void> {
  await signIn('credentials', { proof: await issueSignInProof(getDb(), officerId), redirect: false });
}
