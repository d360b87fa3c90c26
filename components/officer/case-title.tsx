import type { ReactNode } from 'react';
import { DateText } from '@/components/ui/date-text';
import { StatusBadge } from '@/components/ui/status-badge';

/** The top of an officer's case page: the way back to the inbox, the case number and its state (`children`: more badges). */
export function CaseTitle({ caseNumber, stateLabel, children }: { caseNumber: string; stateLabel: string; children?: ReactNode }) {
  return (
    <>
      <p>
        <a href="/petugas" className="text-brand-700 underline underline-offset-2">
          ← Kembali ke Kotak Masuk
        </a>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold text-slate-900">Kasus {caseNumber}</h1>
        <StatusBadge label={stateLabel} />
        {children}
      </div>
    </>
  );
}

/** The first facts of a case (rows of a `<dl>`): its category and when it was received. */
export function CaseFirstFacts({ category, createdAt }: { category: string | null; createdAt: Date }) {
  return (
    <>
      <dt className="font-semibold">Kategori</dt>
      <dd>{category ?? 'Tidak ada kategori'}</dd>
      <dt className="font-semibold">Diterima</dt>
      <dd>
        <DateText at={createdAt} format="dateTime" zone />
      </dd>
    </>
  );
}
