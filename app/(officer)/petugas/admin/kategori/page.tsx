import type { Metadata } from 'next';
import { listCategories } from '@/lib/admin/categories';
import { AccessDenied, adminForPage } from '@/app/(officer)/petugas/admin/admin-gate';
import { getDb } from '@/lib/db/client';
import { AddCategoryForm, CategoryCard } from './forms';

export const metadata: Metadata = { title: 'Kategori Laporan' };

/**
 * /petugas/admin/kategori: the categories the report form offers. Admins add, rename,
 * reorder and deactivate them; none is ever deleted, so cases keep theirs and the
 * statistics still name them.
 */
export default async function CategoriesAdminPage() {
  const officer = await adminForPage();
  if (!officer) return <AccessDenied />;
  const rows = await listCategories(getDb(), officer);

  return (
    <div className="space-y-8">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-bold text-slate-900">Kategori Laporan</h1>
        <p className="mt-2 text-slate-700">
          Kategori aktif ditawarkan kepada pelapor pada formulir laporan, dalam urutan di bawah ini. Kategori yang
          dinonaktifkan tidak lagi ditawarkan, tetapi laporan yang sudah memakainya tetap tercatat dengan kategori tersebut
          dan tetap dihitung dalam statistik.
        </p>
      </div>

      <section id="tambah" aria-labelledby="tambah-heading" className="max-w-2xl scroll-mt-4 rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <h2 id="tambah-heading" className="text-lg font-semibold">
          Tambah kategori
        </h2>
        <div className="mt-4">
          <AddCategoryForm />
        </div>
      </section>

      <section aria-labelledby="daftar-heading" className="max-w-2xl">
        <h2 id="daftar-heading" className="text-lg font-semibold">
          Daftar kategori ({rows.length})
        </h2>
        <ol className="mt-3 space-y-3">
          {rows.map((row, index) => (
            <CategoryCard
              key={row.id}
              id={row.id}
              label={row.label}
              active={row.active}
              cases={row.cases}
              first={index === 0}
              last={index === rows.length - 1}
            />
          ))}
        </ol>
      </section>
    </div>
  );
}
