'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { officerAction } from '@/lib/auth/session';
import { confirmRetention, turnOffRetention } from '@/lib/cases/retention';

/*
 * Retention, confirmed from the preview (months, the months previewed, the archive-rules
 * tick) or turned off. officerAction checks the admin role; the service checks it again
 * and validates everything itself, with its messages at the fields.
 */

const confirmSchema = z.object({
  months: z.string().optional(),
  previewedMonths: z.string().optional(),
  archiveRulesChecked: z.string().optional(),
});

const confirm = officerAction(
  confirmSchema,
  async (input, { db, officer }) => {
    const { policy, preview } = await confirmRetention(db, officer, input);
    revalidatePath('/petugas/admin/pengaturan');
    return {
      message:
        `Retensi diaktifkan: isi kasus dihapus ${policy.months} bulan setelah kasus ditutup. ` +
        `Penghapusan berikutnya (paling lambat satu jam lagi) mencakup ${preview.dueNow} kasus.`,
    };
  },
  { role: 'admin' },
);

export async function confirmRetentionAction(...args: Parameters<typeof confirm>) {
  return confirm(...args);
}

const off = officerAction(
  z.object({}),
  async (_input, { db, officer }) => {
    await turnOffRetention(db, officer);
    revalidatePath('/petugas/admin/pengaturan');
    return { message: 'Retensi dimatikan. Tidak ada isi kasus yang akan dihapus lagi.' };
  },
  { role: 'admin' },
);

export async function turnOffRetentionAction(...args: Parameters<typeof off>) {
  return off(...args);
}
