import type { Metadata } from 'next';
import { ReportForm } from '@/components/forms/report-form';
import { getDb } from '@/lib/db/client';
import { activeCategories, getSettings } from '@/lib/settings';
import { submitReportAction } from './actions';

export const metadata: Metadata = { title: 'Buat Laporan' };

export default async function ReportPage() {
  const db = getDb();
  const [settings, categories] = await Promise.all([getSettings(db), activeCategories(db)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-slate-900">Buat Laporan</h1>
        <p className="text-slate-800">
          Isi formulir berikut selengkap mungkin. Anda tidak perlu mencantumkan identitas. Setelah laporan terkirim, Anda
          menerima <strong>kode tiket</strong>: simpan baik-baik, karena hanya dengan kode itu Anda dapat mengikuti
          perkembangan laporan.
        </p>
      </header>
      <ReportForm
        action={submitReportAction}
        categories={categories}
        limits={{
          maxFiles: settings.maxFiles,
          maxFileBytes: settings.maxFileBytes,
          maxSubmissionBytes: settings.maxSubmissionBytes,
        }}
      />
    </div>
  );
}
