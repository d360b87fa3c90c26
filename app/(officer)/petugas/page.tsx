import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { requireOfficer } from '@/lib/auth/session';
import { deadlineStatus } from '@/lib/cases/deadlines';
import { loadHolidaySet } from '@/lib/cases/holidays';
import { countByState, countMineAndUnread, findCaseNumber, listInbox, type InboxView } from '@/lib/cases/inbox';
import { personalTabs, personalViewFromParam, tabParam } from '@/lib/cases/inbox-tabs';
import { UnreadBadge } from '@/components/officer/unread-badge';
import { CASE_STATES, FINAL_STATES, isCaseState, officerLabel, OPEN_STATES } from '@/lib/cases/workflow';
import { getDb } from '@/lib/db/client';
import { allCategories } from '@/lib/admin/categories';
import { DataTable } from '@/components/ui/data-table';
import { DateText } from '@/components/ui/date-text';

export const metadata: Metadata = { title: 'Kotak Masuk' };


const DUE_KIND_LABELS: Record<string, string> = {
  verification_start: 'Mulai verifikasi',
  first_answer: 'Jawaban pertama',
  info_request: 'Jawaban pelapor',
  conclusion: 'Penyelesaian',
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function param(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

// "Kasus saya" and "Balasan baru" have Indonesian addresses (lib/cases/inbox-tabs.ts).
function viewFrom(value: string | undefined): InboxView {
  if (value === 'quarantine') return 'quarantine';
  const personal = personalViewFromParam(value);
  if (personal) return personal;
  return isCaseState(value) ? value : 'open';
}

/** Link to this page with some filters changed; empty values are left out. */
function href(filters: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]).toString();
  return query ? `/petugas?${query}` : '/petugas';
}

/**
 * The inbox: open cases most urgent first (overdue, then due soon), a tab per state,
 * quarantine apart, a category filter and a case-number search. Plain links and GET
 * forms, so it works without JavaScript and every view has its own address.
 */
export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const officer = await requireOfficer();
  const db = getDb();
  const params = await searchParams;
  const view = viewFrom(param(params.tab));
  const category = param(params.kategori);
  const query = param(params.q)?.trim();

  let notFound = false;
  if (query) {
    const caseNumber = await findCaseNumber(db, officer, query);
    if (caseNumber) redirect(`/petugas/kasus/${caseNumber}`);
    notFound = true;
  }

  // Deactivated categories too: cases keep theirs, so the filter must still find them.
  const categories = await allCategories(db);
  const categoryId = categories.find((c) => c.slug === category)?.id;
  const now = new Date();
  const [page, counts, personal, holidays] = await Promise.all([
    listInbox(db, officer, { view, categoryId, after: param(params.setelah) }),
    countByState(db, officer),
    countMineAndUnread(db, officer),
    loadHolidaySet(db, now.getUTCFullYear(), now.getUTCFullYear() + 1),
  ]);
  const openCount = OPEN_STATES.reduce((sum, s) => sum + counts[s], 0);

  const tabs: { view: InboxView; label: string; count: number }[] = [
    { view: 'open', label: 'Semua yang berjalan', count: openCount },
    ...personalTabs(personal),
    ...CASE_STATES.map((s) => ({ view: s as InboxView, label: officerLabel(s), count: counts[s] })),
    { view: 'quarantine', label: 'Karantina (diduga spam)', count: counts.quarantine },
  ];

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold text-slate-900">Kotak Masuk</h1>
        <form method="get" action="/petugas" className="flex max-w-full items-end gap-2" role="search">
          <div className="min-w-0">
            <label htmlFor="q" className="block text-sm font-semibold">
              Cari nomor kasus
            </label>
            <input
              id="q"
              name="q"
              inputMode="numeric"
              placeholder="2026-0001"
              defaultValue={query}
              aria-describedby={notFound ? 'q-error' : undefined}
              className="w-36 max-w-full rounded-md border border-slate-400 px-3 py-2"
            />
          </div>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
            Cari
          </button>
        </form>
      </div>
      {param(params.benturan) === '1' ? (
        <p role="status" className="rounded-md border border-slate-300 bg-white p-3 text-slate-900">
          Benturan kepentingan Anda telah dicatat. Kasus tersebut tidak lagi dapat Anda buka.
        </p>
      ) : null}
      {notFound ? (
        <p id="q-error" role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          Kasus dengan nomor &quot;{query}&quot; tidak ditemukan.
        </p>
      ) : null}

      <nav aria-label="Status kasus">
        <ul className="flex flex-wrap gap-2 text-sm">
          {tabs.map((tab) => (
            <li key={tab.view}>
              <a
                href={href({ tab: tabParam(tab.view), kategori: category })}
                aria-current={tab.view === view ? 'page' : undefined}
                className={`inline-block rounded-full border px-3 py-1.5 ${
                  tab.view === view ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-900'
                } ${FINAL_STATES.includes(tab.view as never) ? 'opacity-90' : ''}`}
              >
                {tab.label} <span className="font-semibold">({tab.count})</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <form method="get" action="/petugas" className="flex flex-wrap items-end gap-2">
        {view !== 'open' ? <input type="hidden" name="tab" value={tabParam(view)} /> : null}
        <div className="min-w-0 max-w-full">
          <label htmlFor="kategori" className="block text-sm font-semibold">
            Kategori
          </label>
          <select id="kategori" name="kategori" defaultValue={category ?? ''} className="w-full max-w-full rounded-md border border-slate-400 bg-white px-3 py-2">
            <option value="">Semua kategori</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.active ? c.label : `${c.label} (nonaktif)`}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800">
          Terapkan
        </button>
      </form>

      {page.rows.length === 0 ? (
        <p className="rounded-md bg-white p-4 text-slate-700">Tidak ada kasus pada tampilan ini.</p>
      ) : (
        <DataTable stackOnPhone caption="Daftar kasus, yang paling mendesak lebih dahulu" columns={['Nomor kasus', 'Status', 'Kategori', 'Masuk', 'Tenggat']}>
          {page.rows.map((row) => {
            const due = row.dueAt ? deadlineStatus(row.dueAt, now, holidays) : null;
            return (
              <tr key={row.id} data-testid="inbox-row" className="border-t border-slate-200">
                <td className="px-3 py-2 font-semibold">
                  <a href={`/petugas/kasus/${row.caseNumber}`} className="text-brand-700 underline underline-offset-2">
                    {row.caseNumber}
                  </a>
                  {row.unread ? <UnreadBadge caseNumber={row.caseNumber} /> : null}
                </td>
                <td className="px-3 py-2" data-label="Status">{officerLabel(row.state)}</td>
                <td className="px-3 py-2" data-label="Kategori">{row.categoryLabel ?? '—'}</td>
                <td className="px-3 py-2" data-label="Masuk"><DateText at={row.createdAt} format="short" /></td>
                {/* On a phone the deadline leads the card: it is what decides which case comes next. */}
                <td className="px-3 py-2" data-first="">
                  {row.dueAt && due ? (
                    <span
                      className={
                        due.status === 'overdue'
                          ? 'font-semibold text-red-800'
                          : due.status === 'due_soon'
                            ? 'font-semibold text-amber-800'
                            : 'text-slate-800'
                      }
                    >
                      {due.status === 'overdue' ? 'Lewat tenggat · ' : due.status === 'due_soon' ? 'Segera · ' : ''}
                      {DUE_KIND_LABELS[row.dueKind ?? ''] ?? 'Tenggat'} <DateText at={row.dueAt} format="short" />
                    </span>
                  ) : (
                    <span className="text-slate-700">Tanpa tenggat</span>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}

      {page.nextCursor ? (
        <a
          href={href({ tab: tabParam(view), kategori: category, setelah: page.nextCursor })}
          className="inline-block rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800"
        >
          Halaman berikutnya
        </a>
      ) : null}
    </div>
  );
}
