import { DataTable } from '@/components/ui/data-table';
import { DurationChart, StackedBarChart } from '@/components/charts/bar-charts';
import { formatDays, formatShare, type DurationFigure } from '@/lib/stats/figures';
import type { Count, Statistics } from '@/lib/stats/officer-stats';

/**
 * Every figure of a period, as tables (the source, readable and printable) with a chart
 * beside the two that people would rather look at. Shared by /petugas/statistik and the
 * Zona Integritas report, so the two can never disagree.
 */

const n = new Intl.NumberFormat('id-ID');
const cell = 'px-3 py-2';

function CountTable({ caption, rows, total, totalLabel = 'Jumlah' }: { caption: string; rows: Count[]; total?: number; totalLabel?: string }) {
  return (
    <DataTable caption={caption} captionVisible columns={['Uraian', <span key="n" className="block text-right">Jumlah</span>]}>
      {rows.map((row) => (
        <tr key={row.key} className="border-t border-slate-200">
          <td className={cell}>{row.label}</td>
          <td className={`${cell} text-right tabular-nums`}>{n.format(row.count)}</td>
        </tr>
      ))}
      {total !== undefined ? (
        <tr className="border-t-2 border-slate-400 font-semibold">
          <td className={cell}>{totalLabel}</td>
          <td className={`${cell} text-right tabular-nums`}>{n.format(total)}</td>
        </tr>
      ) : null}
    </DataTable>
  );
}

function durationRow(label: string, deadline: string, figure: DurationFigure) {
  return (
    <tr key={label} className="border-t border-slate-200">
      <th scope="row" className={`${cell} font-normal`}>
        {label}
        <span className="block text-xs text-slate-600">Batas: {deadline}</span>
      </th>
      <td className={`${cell} text-right tabular-nums`}>{n.format(figure.count)}</td>
      <td className={`${cell} text-right tabular-nums`}>{formatDays(figure.medianDays)}</td>
      <td className={`${cell} text-right tabular-nums`}>{formatDays(figure.p90Days)}</td>
      <td className={`${cell} text-right tabular-nums`}>
        {formatShare(figure.shareWithin)}
        {figure.deadlineApplies > 0 ? (
          <span className="block text-xs text-slate-600">
            {n.format(figure.withinDeadline)} dari {n.format(figure.deadlineApplies)}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

export function StatisticsView({ stats }: { stats: Statistics }) {
  const { durations, deadlines } = stats;
  const usedCategories = stats.byCategory.filter((c) => c.count > 0);
  const milestones = [
    { label: 'Sampai verifikasi dimulai', deadline: `${deadlines.verificationStartDays} hari kerja`, figure: durations.verification },
    { label: 'Sampai jawaban pertama kepada pelapor', deadline: `${deadlines.firstAnswerDays} hari`, figure: durations.firstAnswer },
    { label: 'Sampai kasus ditutup', deadline: `${deadlines.conclusionDays} hari sejak laporan lengkap`, figure: durations.closing },
  ];
  return (
    <div className="space-y-8">
      <section aria-labelledby="ringkasan" className="space-y-3">
        <h2 id="ringkasan" className="text-xl font-bold text-slate-900">
          Ringkasan
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {[
            ['Laporan masuk', stats.received],
            ['Kasus ditutup', stats.closedTotal],
            ['Permintaan kelengkapan', stats.infoRequestsSent],
            ['Pemanggilan terlaksana', stats.summonsHeld],
          ].map(([label, value]) => (
            <div key={label} className="rounded-lg border border-slate-300 bg-white p-3">
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="text-2xl font-bold text-slate-900 tabular-nums">{n.format(Number(value))}</dd>
            </div>
          ))}
        </dl>
        <p className="text-sm text-slate-700">
          Laporan yang dikarantina sebagai spam dihitung terpisah dan tidak termasuk dalam angka mana pun di halaman ini:{' '}
          <strong>{n.format(stats.spam.quarantined)}</strong> masih di karantina, <strong>{n.format(stats.spam.rejectedAsSpam)}</strong> ditolak
          sebagai spam (laporan masuk dalam periode ini).
        </p>
      </section>

      <section aria-labelledby="laporan-masuk" className="space-y-4">
        <h2 id="laporan-masuk" className="text-xl font-bold text-slate-900">
          Laporan masuk dalam periode ini
        </h2>
        {stats.perMonth.length > 1 && stats.received > 0 ? (
          <StackedBarChart
            title="Grafik laporan masuk per bulan menurut kategori"
            series={usedCategories.map((c) => c.label)}
            rows={stats.perMonth.map((m) => ({ label: m.label, values: usedCategories.map((c) => m.counts[c.key] ?? 0) }))}
          />
        ) : null}
        {stats.perMonth.length > 1 ? (
          <DataTable caption="Laporan masuk per bulan" captionVisible columns={['Bulan', <span key="n" className="block text-right">Jumlah</span>]}>
            {stats.perMonth.map((m) => (
              <tr key={m.key} className="border-t border-slate-200">
                <td className={cell}>{m.label}</td>
                <td className={`${cell} text-right tabular-nums`}>{n.format(m.total)}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        <div className="grid gap-4 md:grid-cols-2">
          <CountTable caption="Menurut kategori" rows={stats.byCategory} total={stats.received} />
          <CountTable caption="Menurut status saat ini" rows={stats.byState} total={stats.received} />
        </div>
      </section>

      <section aria-labelledby="tindak-lanjut" className="space-y-4">
        <h2 id="tindak-lanjut" className="text-xl font-bold text-slate-900">
          Tindak lanjut
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          <CountTable caption="Kasus ditutup dalam periode ini, menurut hasil" rows={stats.byOutcome} total={stats.closedTotal} />
          <CountTable caption="Alasan tidak dapat ditindaklanjuti" rows={stats.rejectionReasons} />
        </div>
        <DataTable caption="Permintaan kelengkapan dan pemanggilan" captionVisible columns={['Uraian', <span key="n" className="block text-right">Jumlah</span>]}>
          <tr className="border-t border-slate-200">
            <td className={cell}>Permintaan kelengkapan dikirim</td>
            <td className={`${cell} text-right tabular-nums`}>{n.format(stats.infoRequestsSent)}</td>
          </tr>
          <tr className="border-t border-slate-200">
            <td className={cell}>… dan sudah dijawab pelapor</td>
            <td className={`${cell} text-right tabular-nums`}>{n.format(stats.infoRequestsAnswered)}</td>
          </tr>
          <tr className="border-t border-slate-200">
            <td className={cell}>Pemanggilan yang terlaksana (hadir)</td>
            <td className={`${cell} text-right tabular-nums`}>{n.format(stats.summonsHeld)}</td>
          </tr>
        </DataTable>
      </section>

      <section aria-labelledby="waktu" className="space-y-4">
        <h2 id="waktu" className="text-xl font-bold text-slate-900">
          Waktu penanganan (hari kerja sejak laporan masuk)
        </h2>
        <p className="text-sm text-slate-700">
          Dihitung untuk kasus yang mencapai tahap itu dalam periode ini, dengan hari libur dan akhir pekan seperti di kotak masuk.
          Persentil ke-90: 9 dari 10 kasus selesai dalam waktu itu atau lebih cepat.
        </p>
        {milestones.some((m) => m.figure.count > 0) ? (
          <DurationChart
            title="Grafik waktu penanganan: median dan persentil ke-90, dalam hari kerja"
            unit="hari"
            bars={milestones.map((m) => ({ label: m.label.replace('Sampai ', ''), median: m.figure.medianDays, p90: m.figure.p90Days }))}
          />
        ) : null}
        <DataTable
          caption="Waktu penanganan"
          captionVisible
          columns={[
            'Tahap',
            <span key="a" className="block text-right">Kasus</span>,
            <span key="b" className="block text-right">Median</span>,
            <span key="c" className="block text-right">Persentil ke-90</span>,
            <span key="d" className="block text-right">Tepat waktu</span>,
          ]}
        >
          {milestones.map((m) => durationRow(m.label, m.deadline, m.figure))}
        </DataTable>
      </section>
    </div>
  );
}
