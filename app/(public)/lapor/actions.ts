'use server';

import { randomBytes } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { RECEIPT_COOKIE, RECEIPT_TTL_SECONDS } from '@/lib/cases/receipt';
import { handleReportSubmission } from '@/lib/cases/report-submission';
import { PENDING_UPLOAD_COOKIE, sweepPendingUploadsSoon } from '@/lib/cases/pending-uploads';
import { getDb } from '@/lib/db/client';
import { chosenFiles } from '@/lib/storage/evidence';
import { requestClientAddress } from '@/lib/security/client-address';
import { consumeLimit, REPORT_SUBMISSION, retryMessage } from '@/lib/security/rate-limit';
import { requestIsHttps, seal } from '@/lib/security/sealed-cookie';
import { textValues, type ReportFormState } from '@/lib/forms';

/**
 * Posts the report. On refusal the form comes back with every message and every
 * typed value (files must be chosen again: browsers never re-fill a file input).
 * On success the ticket travels to /lapor/terkirim in a sealed, short-lived cookie,
 * never in the URL, so neither history nor logs ever hold it.
 */
export async function submitReportAction(_prev: ReportFormState, formData: FormData): Promise<ReportFormState> {
  const verdict = await consumeLimit(getDb(), REPORT_SUBMISSION, requestClientAddress(await headers()));
  if (!verdict.allowed) {
    return {
      status: 'error',
      message: `Terlalu banyak laporan dikirim dari jaringan ini dalam waktu singkat. Isian Anda tetap tersimpan di halaman ini; ${retryMessage(verdict.retryAfterSeconds)}`,
      fieldErrors: {},
      values: textValues(formData, ['website']),
      filesChosen: chosenFiles(formData.getAll('evidence')).length,
    };
  }
  sweepPendingUploadsSoon(getDb());
  const result = await handleReportSubmission(getDb(), formData, { pendingToken: (await cookies()).get(PENDING_UPLOAD_COOKIE)?.value });
  if (!result.ok) {
    return {
      status: 'error',
      message: result.message,
      fieldErrors: result.fieldErrors,
      values: textValues(formData, ['website']),
      filesChosen: chosenFiles(formData.getAll('evidence')).length,
    };
  }

  // The uploads are claimed: the cookie that bound them to this browser would only show it was used to report.
  if (formData.has('upload')) (await cookies()).delete(PENDING_UPLOAD_COOKIE);
  const receipt = JSON.stringify({ ticket: result.submitted.ticket, nonce: randomBytes(16).toString('hex') });
  (await cookies()).set(RECEIPT_COOKIE, seal(receipt, 'receipt', RECEIPT_TTL_SECONDS), {
    httpOnly: true,
    sameSite: 'strict',
    secure: await requestIsHttps(),
    path: '/lapor/terkirim',
    maxAge: RECEIPT_TTL_SECONDS,
  });
  redirect('/lapor/terkirim');
}
