'use server';

import { revalidatePath } from 'next/cache';
import { settingsFormSchema, updateSettings, type SettingsFormInput } from '@/lib/admin/settings';
import { officerAction } from '@/lib/auth/session';

/*
 * Office settings. officerAction re-checks that the caller is an active admin and shows
 * every field's message; updateSettings checks the admin again and validates again from
 * the posted form (the same schema), so it never trusts what the wrapper parsed.
 */

const save = officerAction(
  settingsFormSchema,
  async (_input, { db, officer, formData }) => {
    const { changed } = await updateSettings(db, officer, Object.fromEntries(formData) as SettingsFormInput);
    if (changed.length === 0) return { message: 'Tidak ada perubahan. Pengaturan tetap seperti sebelumnya.' };
    // Office name, contact and limits appear on every page, public ones included.
    revalidatePath('/', 'layout');
    return { message: `Pengaturan telah disimpan (${changed.length} isian diubah).` };
  },
  { role: 'admin' },
);

export async function saveSettingsAction(...args: Parameters<typeof save>) {
  return save(...args);
}
