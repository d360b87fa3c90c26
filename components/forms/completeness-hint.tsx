import type { CompletenessItem } from '@/lib/cases/completeness';

/**
 * Tells the reporter, before sending, what is still thin. Without JavaScript it is a
 * static checklist; with it, it follows the typing.
 */
export function CompletenessHint({ items }: { items: CompletenessItem[] }) {
  const missing = items.filter((item) => !item.ok);
  return (
    <section aria-labelledby="completeness-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="completeness-title" className="font-bold text-slate-900">
        Kelengkapan laporan
      </h2>
      <p className="mt-1 text-sm text-slate-800">
        Laporan yang lengkap dapat diproses lebih cepat. Bila kurang lengkap, petugas akan meminta kelengkapan melalui
        halaman Cek Status.
      </p>
      <ul className="mt-3 space-y-1 text-sm">
        {items.map((item) => (
          <li key={item.key} className="flex gap-2">
            <span aria-hidden="true" className={item.ok ? 'text-green-800' : 'text-amber-900'}>
              {item.ok ? '✓' : '•'}
            </span>
            <span>
              <span className="font-semibold">{item.label}</span>
              <span className="sr-only">{item.ok ? ': sudah cukup' : ': belum cukup'}</span>
              {item.ok ? null : <span className="text-slate-800"> — {item.advice}</span>}
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm font-medium text-slate-900" aria-live="polite">
        {missing.length === 0 ? 'Semua unsur sudah terisi dengan baik.' : `${missing.length} hal masih dapat dilengkapi.`}
      </p>
    </section>
  );
}
