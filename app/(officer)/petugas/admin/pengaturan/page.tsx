import type { Metadata } from 'next';
import { maxBodyMb, settingsFormValues } from '@/lib/admin/settings';
import { AccessDenied, adminForPage } from '@/app/(officer)/petugas/admin/admin-gate';
import { getDb } from '@/lib/db/client';
import { getSettings } from '@/lib/settings';
import { previewRetention, retentionOverview } from '@/lib/cases/retention';
import { parseRetentionMonths } from '@/lib/cases/retention-rules';
import { SettingsForm } from './forms';
import { RetentionSection } from './retention-section';

export const metadata: Metadata = { title: 'Pengaturan Kantor' };

/** /petugas/admin/pengaturan: office settings, for admins only (the action and service check again). */
export default async function SettingsAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const officer = await adminForPage();
  if (!officer) return <AccessDenied />;
  const db = getDb();
  const settings = await getSettings(db);
  // ?retensi=N: the retention preview for N months (a GET: nothing is stored).
  const raw = (await searchParams).retensi;
  const typedMonths = typeof raw === 'string' ? raw : '';
  const parsed = typedMonths ? parseRetentionMonths(typedMonths) : null;
  const [overview, preview] = await Promise.all([
    retentionOverview(db),
    parsed?.ok ? previewRetention(db, parsed.months) : Promise.resolve(null),
  ]);

  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 id="pengaturan-judul" className="text-2xl font-bold text-slate-900">
          Pengaturan Kantor
        </h1>
        <p className="mt-2 text-slate-700">
          Identitas kantor, batas berkas bukti, tenggat penanganan, dan aturan keamanan WBS. Setiap perubahan dicatat dalam
          log audit (nama isian yang diubah, tanpa nilainya).
        </p>
      </div>
      <SettingsForm stored={settingsFormValues(settings)} maxBodyMb={maxBodyMb()} />
      <RetentionSection
        overview={overview}
        typedMonths={typedMonths}
        previewError={parsed && !parsed.ok ? parsed.message : null}
        preview={preview}
      />
    </div>
  );
}
