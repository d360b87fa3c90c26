import { Section, Timeline } from '@/components/officer/case-sections';
import { CaseFirstFacts, CaseTitle } from '@/components/officer/case-title';
import { DateText } from '@/components/ui/date-text';
import type { OfficerCaseView } from '@/lib/cases/officer-view';

/**
 * A case whose content retention erased: its key is destroyed, so only what stays in
 * clear is shown (number, category, state, dates, outcome, the steps of the timeline).
 */
export function ErasedCase({ view, erasedAt }: { view: OfficerCaseView; erasedAt: Date }) {
  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <CaseTitle caseNumber={view.caseNumber} stateLabel={view.stateLabel} />
        <p role="status" className="rounded-md border border-slate-400 bg-slate-50 p-3 font-semibold text-slate-900" data-testid="content-erased">
          Isi kasus dihapus pada <DateText at={erasedAt} />.
        </p>
        <p className="text-slate-700">
          Masa simpan kasus ini telah berakhir. Kunci datanya telah dimusnahkan, sehingga laporan, identitas, bukti,
          percakapan, pemanggilan, dan catatannya tidak dapat dibaca lagi oleh siapa pun. Yang tersisa hanya data untuk
          statistik.
        </p>
        <dl className="grid gap-x-6 gap-y-1 text-slate-800 sm:grid-cols-[auto_1fr]">
          <CaseFirstFacts category={view.category} createdAt={view.createdAt} />
          <dt className="font-semibold">Ditutup</dt>
          <dd>
            <DateText at={view.stateChangedAt} format="dateTime" zone />
          </dd>
          {view.outcome ? (
            <>
              <dt className="font-semibold">Hasil</dt>
              <dd>{view.outcome}</dd>
            </>
          ) : null}
          {view.rejectionReason ? (
            <>
              <dt className="font-semibold">Alasan penolakan</dt>
              <dd>{view.rejectionReason}</dd>
            </>
          ) : null}
        </dl>
      </header>
      <Section id="riwayat" title="Riwayat">
        <Timeline entries={view.timeline} />
      </Section>
    </div>
  );
}
