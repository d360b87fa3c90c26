import { cookies } from 'next/headers';
import { findCaseByTicket } from '@/lib/cases/reporter-view';
import { getDb } from '@/lib/db/client';
import { unseal } from '@/lib/security/sealed-cookie';

/**
 * The /status session cookie: a sealed ticket code, valid for 30 minutes and sent only
 * to /status, and how the page and the actions find the case from it. Kept apart from
 * actions.ts because a 'use server' file's exports all become public endpoints.
 */
export const STATUS_COOKIE = 'wbs_status';
export const STATUS_COOKIE_PURPOSE = 'status';
export const STATUS_COOKIE_PATH = '/status';
export const STATUS_SESSION_SECONDS = 30 * 60;

/** The case of the ticket in this browser's status cookie, or null (none, expired, unknown). */
export async function caseIdFromStatusCookie(): Promise<number | null> {
  const code = unseal((await cookies()).get(STATUS_COOKIE)?.value, STATUS_COOKIE_PURPOSE);
  if (!code) return null;
  return (await findCaseByTicket(getDb(), code))?.id ?? null;
}
