'use server';

import { revalidatePath } from 'next/cache';
import { retryOutboxEmail, retryOutboxEmailSchema } from '@/lib/admin/outbox';
import { officerAction } from '@/lib/auth/session';
import { emailSendingConfigured } from '@/lib/env';

/*
 * "Kirim ulang" from the outbox list and from one email's page. officerAction re-checks
 * that the caller is an active admin; the service checks again, refuses anything but a
 * failed or captured email, and audits the retry.
 */

const PAGE = '/petugas/admin/outbox';

const retry = officerAction(
  retryOutboxEmailSchema,
  async ({ emailId }, { db, officer }) => {
    await retryOutboxEmail(db, officer, emailId);
    revalidatePath(PAGE);
    revalidatePath(`${PAGE}/${emailId}`);
    const configured = emailSendingConfigured();
    return {
      message: configured
        ? `Email #${emailId} masuk antrean lagi dan akan dikirim dalam beberapa detik.`
        : `Email #${emailId} masuk antrean lagi. Karena pengiriman email belum dikonfigurasi, email ini akan kembali disimpan di sini tanpa dikirim.`,
    };
  },
  { role: 'admin' },
);

export async function retryOutboxEmailAction(...args: Parameters<typeof retry>) {
  return retry(...args);
}
