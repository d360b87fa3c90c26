import { cookies } from 'next/headers';
import { caseIdForStatusSession, STATUS_SESSION_SECONDS } from '@/lib/cases/status-session';
import { getDb } from '@/lib/db/client';
import { unseal } from '@/lib/security/sealed-cookie';

/**
 * The /status session cookie: a sealed random session token, valid for 30 minutes and
 * sent only to /status. The session itself lives in the database
 * (lib/cases/status-session.ts), so "Keluar" ends it for every copy of the cookie.
 * Kept apart from actions.ts because a 'use server' file's exports all become public
 * endpoints.
 */
export const STATUS_COOKIE = 'wbs_status';
// A new purpose: cookies sealed before sessions were kept on the server (they held the
// ticket itself) no longer open anything.
export const STATUS_COOKIE_PURPOSE = 'status-session';
export const STATUS_COOKIE_PATH = '/status';
export { STATUS_SESSION_SECONDS };

/** The session token in this browser's status cookie, or null. */
export async function statusSessionToken(): Promise<string | null> {
  return unseal((await cookies()).get(STATUS_COOKIE)?.value, STATUS_COOKIE_PURPOSE);
}

/** The case of this browser's live status session, or null (none, expired, ended). */
export async function caseIdFromStatusCookie(): Promise<number | null> {
  return caseIdForStatusSession(getDb(), await statusSessionToken());
}
