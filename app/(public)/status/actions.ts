'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { handleInformationAnswer, handleReporterMessage, type ReplyResult } from '@/lib/cases/reporter-replies';
import { attemptStatusLookup } from '@/lib/cases/status-lookup';
import { closeStatusSession, openStatusSession } from '@/lib/cases/status-session';
import { getDb } from '@/lib/db/client';
import { logUnexpected } from '@/lib/errors';
import { textValues, type FormState } from '@/lib/forms';
import { requestClientAddress } from '@/lib/security/client-address';
import { retryMessage } from '@/lib/security/rate-limit';
import { requestIsHttps, seal } from '@/lib/security/sealed-cookie';
import {
  STATUS_COOKIE,
  STATUS_COOKIE_PATH,
  STATUS_COOKIE_PURPOSE,
  STATUS_SESSION_SECONDS,
  caseIdFromStatusCookie,
  statusSessionToken,
} from './session';

/*
 * Only async actions are exported from this file: every export of a 'use server'
 * module becomes a public endpoint. Shared constants live in ./session.ts.
 */

// One message for malformed and unknown codes alike: telling them apart would help
// someone guessing codes and tell nothing useful to a reporter with a typo.
const NOT_FOUND_MESSAGE = 'Kode tiket tidak ditemukan. Periksa kembali kode yang Anda masukkan.';
const LOOKUP_FAILED_MESSAGE = 'Maaf, terjadi gangguan di server. Silakan coba lagi beberapa saat lagi.';

function refused(message: string): FormState {
  // `values` stays empty on purpose: the ticket is never sent back to the page.
  return { status: 'error', message, fieldErrors: { ticket: message }, values: {} };
}

/** Looks up a ticket; on success opens a server-side session, its token in a sealed cookie, and shows the case. */
export async function lookupStatus(_previous: FormState, formData: FormData): Promise<FormState> {
  let token: string;
  try {
    const result = await attemptStatusLookup(getDb(), formData.get('ticket'), requestClientAddress(await headers()));
    if (!result.ok) {
      if (result.reason === 'not_found') return refused(NOT_FOUND_MESSAGE);
      return refused(`Terlalu banyak percobaan. ${retryMessage(result.retryAfterSeconds)}`);
    }
    token = await openStatusSession(getDb(), result.caseId);
  } catch (error) {
    logUnexpected('lookupStatus', error);
    return refused(LOOKUP_FAILED_MESSAGE);
  }

  // The page finds the case again from this cookie, so the ticket never appears in a
  // URL, the browser history or a reload prompt, nor in the cookie: it holds only a
  // session token, which "Keluar" revokes on the server.
  (await cookies()).set(STATUS_COOKIE, seal(token, STATUS_COOKIE_PURPOSE, STATUS_SESSION_SECONDS), {
    httpOnly: true,
    sameSite: 'strict',
    path: STATUS_COOKIE_PATH,
    secure: await requestIsHttps(),
    maxAge: STATUS_SESSION_SECONDS,
  });
  redirect('/status');
}

/** "Keluar dari halaman status": ends the session on the server (every copy of the cookie) and forgets it here. */
export async function endStatusSession(): Promise<void> {
  // Not caught: if the server cannot end the session, the reporter must not be told it has.
  await closeStatusSession(getDb(), await statusSessionToken());
  (await cookies()).delete({ name: STATUS_COOKIE, path: STATUS_COOKIE_PATH });
  redirect('/status');
}

const SESSION_ENDED =
  'Sesi pemeriksaan status telah berakhir. Masukkan kembali kode tiket Anda, lalu kirim ulang jawaban Anda.';

/**
 * A refused reply comes back to its form with the typed text; an accepted one redirects
 * (post/redirect/get), since the answered request and its form are gone from the page:
 * the page shows the confirmation named in the query and a reload posts nothing twice.
 */
function afterReply(result: ReplyResult, formData: FormData, sent: 'jawaban' | 'pesan'): FormState {
  if (!result.ok) return { status: 'error', message: result.message, fieldErrors: result.fieldErrors, values: textValues(formData) };
  revalidatePath('/status');
  redirect(`/status?terkirim=${sent}`);
}

/** The reporter answers an information request (text and files) from /status. */
export async function answerInformationRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const caseId = await caseIdFromStatusCookie();
  if (!caseId) return { status: 'error', message: SESSION_ENDED, fieldErrors: {}, values: textValues(formData) };
  const clientAddress = requestClientAddress(await headers());
  return afterReply(await handleInformationAnswer(getDb(), caseId, formData, { clientAddress }), formData, 'jawaban');
}

/** The reporter writes to the officers from /status. */
export async function sendReporterMessageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const caseId = await caseIdFromStatusCookie();
  if (!caseId) return { status: 'error', message: SESSION_ENDED, fieldErrors: {}, values: textValues(formData) };
  const clientAddress = requestClientAddress(await headers());
  return afterReply(await handleReporterMessage(getDb(), caseId, formData, { clientAddress }), formData, 'pesan');
}
