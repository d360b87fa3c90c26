'use server';

import { signOut } from '@/auth';
import { appendAudit } from '@/lib/audit/log';
import { endAllSessionsOfCurrentOfficer } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { logUnexpected } from '@/lib/errors';

/** Signs the officer out everywhere (every copy of the session ends; audited) and returns to the login page. */
export async function signOutAction(): Promise<void> {
  const officerId = await endAllSessionsOfCurrentOfficer();
  if (officerId !== null) {
    try {
      await appendAudit(getDb(), { officerId, action: 'sign_out' });
    } catch (error) {
      // Signing out must never fail for the officer; the failure is logged.
      logUnexpected('signOutAction', error);
    }
  }
  await signOut({ redirectTo: '/petugas/masuk?info=keluar' });
}
