'use server';

import { revalidatePath } from 'next/cache';
import { addHoliday, addHolidaySchema, formatHolidayDate, removeHoliday, removeHolidaySchema } from '@/lib/admin/holidays';
import { officerAction } from '@/lib/auth/session';

/*
 * Office holidays. officerAction re-checks that the caller is an active admin; the
 * services check again and write the audit row with the change.
 */

const PAGE = '/petugas/admin/hari-libur';

const add = officerAction(
  addHolidaySchema,
  async (input, { db, officer }) => {
    await addHoliday(db, officer, input);
    revalidatePath(PAGE);
    revalidatePath('/petugas');
    return { message: `${formatHolidayDate(input.date)} ditambahkan sebagai hari libur kantor.` };
  },
  { role: 'admin' },
);

const remove = officerAction(
  removeHolidaySchema,
  async (input, { db, officer }) => {
    await removeHoliday(db, officer, input);
    revalidatePath(PAGE);
    revalidatePath('/petugas');
    return { message: `${formatHolidayDate(input.date)} dihapus dari daftar hari libur kantor.` };
  },
  { role: 'admin' },
);

export async function addHolidayAction(...args: Parameters<typeof add>) {
  return add(...args);
}

export async function removeHolidayAction(...args: Parameters<typeof remove>) {
  return remove(...args);
}
