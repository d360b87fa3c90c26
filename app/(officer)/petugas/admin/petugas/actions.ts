'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  changeOfficerRole,
  createOfficer,
  createOfficerSchema,
  resetOfficerPassword,
  resetOfficerTotp,
  setOfficerActive,
} from '@/lib/auth/officers';
import { officerAction } from '@/lib/auth/session';
import { OFFICER_ROLES } from '@/lib/db/schema';

/*
 * Officer management. officerAction re-checks that the caller is an active admin
 * before anything is read, and the services check again from the database. Only async
 * actions are exported.
 */

const PAGE = '/petugas/admin/petugas';

export type OneTimePassword = { name: string; email: string; oneTimePassword: string };

const create = officerAction(
  createOfficerSchema,
  async (input, { db, officer }) => {
    const { oneTimePassword } = await createOfficer(db, officer, input);
    revalidatePath(PAGE);
    return {
      message: `Akun ${input.name} telah dibuat.`,
      data: { name: input.name, email: input.email, oneTimePassword } satisfies OneTimePassword,
    };
  },
  { role: 'admin' },
);

const manageSchema = z.object({
  officerId: z.coerce.number().int().positive(),
  intent: z.enum(['deactivate', 'reactivate', 'reset_password', 'reset_totp', 'set_role']),
  role: z.enum(OFFICER_ROLES, { error: 'Pilih peran.' }).optional(),
});

const manage = officerAction(
  manageSchema,
  async (input, { db, officer }) => {
    const target = { officerId: input.officerId };
    let result: { message: string; data?: { oneTimePassword: string } };
    switch (input.intent) {
      case 'deactivate':
        await setOfficerActive(db, officer, { ...target, active: false });
        result = { message: 'Akun telah dinonaktifkan. Petugas ini tidak dapat masuk lagi.' };
        break;
      case 'reactivate':
        await setOfficerActive(db, officer, { ...target, active: true });
        result = { message: 'Akun telah diaktifkan kembali.' };
        break;
      case 'reset_password': {
        const { oneTimePassword } = await resetOfficerPassword(db, officer, target);
        result = { message: 'Kata sandi telah diatur ulang.', data: { oneTimePassword } };
        break;
      }
      case 'reset_totp':
        await resetOfficerTotp(db, officer, target);
        result = { message: 'Verifikasi dua langkah petugas ini telah dihapus.' };
        break;
      case 'set_role':
        await changeOfficerRole(db, officer, { ...target, role: input.role ?? 'officer' });
        result = { message: 'Peran telah diubah.' };
        break;
    }
    revalidatePath(PAGE);
    return result;
  },
  { role: 'admin' },
);

export async function createOfficerAction(...args: Parameters<typeof create>) {
  return create(...args);
}

export async function manageOfficerAction(...args: Parameters<typeof manage>) {
  return manage(...args);
}
