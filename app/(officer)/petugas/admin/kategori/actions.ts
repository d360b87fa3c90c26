'use server';

import { revalidatePath } from 'next/cache';
import {
  addCategory,
  addCategorySchema,
  moveCategory,
  moveCategorySchema,
  renameCategory,
  renameCategorySchema,
  setCategoryActive,
  setCategoryActiveSchema,
} from '@/lib/admin/categories';
import { officerAction } from '@/lib/auth/session';

/*
 * Report categories. officerAction re-checks that the caller is an active admin; the
 * services check again and write the audit row. The report form, the inbox filter and
 * the statistics read the table, so each change revalidates them.
 */

function refresh() {
  revalidatePath('/petugas/admin/kategori');
  revalidatePath('/lapor');
  revalidatePath('/petugas');
  revalidatePath('/petugas/statistik');
}

const add = officerAction(
  addCategorySchema,
  async (input, { db, officer }) => {
    const created = await addCategory(db, officer, input);
    refresh();
    return { message: `Kategori "${created.label}" ditambahkan dan kini ditawarkan pada formulir laporan.` };
  },
  { role: 'admin' },
);

const rename = officerAction(
  renameCategorySchema,
  async (input, { db, officer }) => {
    await renameCategory(db, officer, input);
    refresh();
    return { message: `Nama kategori diubah menjadi "${input.label}".` };
  },
  { role: 'admin' },
);

const move = officerAction(
  moveCategorySchema,
  async (input, { db, officer }) => {
    await moveCategory(db, officer, input);
    refresh();
    return { message: input.direction === 'up' ? 'Kategori dipindah ke atas.' : 'Kategori dipindah ke bawah.' };
  },
  { role: 'admin' },
);

const toggle = officerAction(
  setCategoryActiveSchema,
  async (input, { db, officer }) => {
    await setCategoryActive(db, officer, input);
    refresh();
    return {
      message:
        input.active === 'yes'
          ? 'Kategori diaktifkan kembali dan ditawarkan pada formulir laporan.'
          : 'Kategori dinonaktifkan: tidak lagi ditawarkan pada formulir laporan. Laporan yang sudah memakainya tetap tercatat.',
    };
  },
  { role: 'admin' },
);

export async function addCategoryAction(...args: Parameters<typeof add>) {
  return add(...args);
}
export async function renameCategoryAction(...args: Parameters<typeof rename>) {
  return rename(...args);
}
export async function moveCategoryAction(...args: Parameters<typeof move>) {
  return move(...args);
}
export async function setCategoryActiveAction(...args: Parameters<typeof toggle>) {
  return toggle(...args);
}
