'use server';

import { revalidatePath } from 'next/cache';
import { approveIdentityRequest, decideIdentityRequestSchema, denyIdentityRequest } from '@/lib/admin/identity-requests';
import { officerAction } from '@/lib/auth/session';

/*
 * Deciding identity requests. officerAction re-checks that the caller is an active
 * admin; the service checks again, refuses anything not pending, and audits.
 */

const decide = officerAction(
  decideIdentityRequestSchema,
  async (input, { db, officer }) => {
    if (input.decision === 'approve') {
      await approveIdentityRequest(db, officer, input);
    } else {
      await denyIdentityRequest(db, officer, input);
    }
    revalidatePath('/petugas/admin/identitas');
    return {
      message:
        input.decision === 'approve'
          ? 'Permintaan disetujui. Petugas yang meminta kini dapat membuka identitas pelapor pada halaman kasus; setiap tampilan tercatat.'
          : 'Permintaan ditolak. Petugas dapat mengajukan permintaan baru dengan alasan yang lebih jelas.',
    };
  },
  { role: 'admin' },
);

export async function decideIdentityRequestAction(...args: Parameters<typeof decide>) {
  return decide(...args);
}
