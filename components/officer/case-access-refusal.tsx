import { CASE_ACCESS_MESSAGES } from '@/lib/cases/assignment';
import type { CaseAccessRefusal as Reason } from '@/lib/cases/assignment-rules';

/** What a recused officer, or one outside a restricted case, sees instead of the case: a refusal, no data. */
export function CaseAccessRefusal({ caseNumber, reason }: { caseNumber: string; reason: Reason }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-slate-900">Kasus {caseNumber}</h1>
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
        {CASE_ACCESS_MESSAGES[reason]}
      </p>
      <p>
        <a href="/petugas" className="text-brand-700 underline underline-offset-2">
          ← Kembali ke Kotak Masuk
        </a>
      </p>
    </div>
  );
}
