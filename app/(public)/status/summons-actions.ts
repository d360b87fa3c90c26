'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { respondToSummons, summonsResponseSchema } from '@/lib/cases/service/summons-responses';
import { getDb } from '@/lib/db/client';
import { AppError, GENERIC_ERROR_MESSAGE, logUnexpected } from '@/lib/errors';
import { fieldErrorsFrom, textValues, type FormState } from '@/lib/forms';
import { requestClientAddress } from '@/lib/security/client-address';
import { consumeLimit, REPLY_PER_CLIENT, retryMessage } from '@/lib/security/rate-limit';
import { caseIdFromStatusCookie } from './session';

/*
 * The reporter's response to a summons, from /status. Only async actions are exported
 * (every export of a 'use server' module is an endpoint). The case comes from the
 * status session; the summons id is checked against it by the service.
 */

const SESSION_ENDED = 'Sesi pemeriksaan status telah berakhir. Masukkan kembali kode tiket Anda, lalu kirim ulang tanggapan Anda.';

export async function respondToSummonsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = textValues(formData);
  const refuse = (message: string, fieldErrors: Record<string, string> = {}): FormState => ({ status: 'error', message, fieldErrors, values });
  const caseId = await caseIdFromStatusCookie();
  if (!caseId) return refuse(SESSION_ENDED);
  try {
    const db = getDb();
    // The same per-address limit as the reporter's other posts, counted in the database.
    const limit = await consumeLimit(db, REPLY_PER_CLIENT, requestClientAddress(await headers()));
    if (!limit.allowed) return refuse(`Terlalu banyak kiriman dalam waktu singkat. ${retryMessage(limit.retryAfterSeconds)}`);
    const parsed = summonsResponseSchema.safeParse(Object.fromEntries(formData.entries()));
    if (!parsed.success) return refuse('Belum terkirim. Periksa kembali isian yang ditandai.', fieldErrorsFrom(parsed.error));
    await respondToSummons(db, caseId, parsed.data);
  } catch (error) {
    if (error instanceof AppError) return refuse(error.userMessage);
    logUnexpected('respondToSummons', error);
    return refuse(GENERIC_ERROR_MESSAGE);
  }
  revalidatePath('/status');
  return { status: 'success', message: 'Tanggapan Anda telah terkirim kepada petugas.' };
}
