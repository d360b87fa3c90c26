import { formatOfficeDate } from '@/lib/office-time';
import { formatDays, formatShare } from './figures';
import type { Statistics } from './officer-stats';

/**
 * The report as CSV for Excel: UTF-8 with a byte-order mark (so Excel reads "Pengaduan"
 * and "—" correctly), semicolons between fields and decimal commas, as Excel expects
 * under Indonesian regional settings, CRLF line ends, and every field quoted when needed.
 */

export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';

export function csvField(value: string | number): string {
  const text = String(value);
  // A leading =, +, - or @ would make Excel run the cell as a formula (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\r\n,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: (string | number)[]): string {
  return fields.map(csvField).join(CSV_SEPARATOR);
}

/** The figures and the list of cases closed in the period, as one CSV document. */
export function statisticsCsv(stats: Statistics, officeName: string): string {
  const lines: string[] = [];
  const section = (title: string) => lines.push('', csvLine([title]));
  lines.push(csvLine(['Laporan Pengelolaan Whistleblowing System']), csvLine([officeName]), csvLine(['Periode', stats.period.label]));

  section('Ringkasan');
  lines.push(csvLine(['Uraian', 'Jumlah']));
  lines.push(csvLine(['Laporan masuk', stats.received]));
  lines.push(csvLine(['Kasus ditutup', stats.closedTotal]));
  lines.push(csvLine(['Permintaan kelengkapan dikirim', stats.infoRequestsSent]));
  lines.push(csvLine(['Permintaan kelengkapan dijawab', stats.infoRequestsAnswered]));
  lines.push(csvLine(['Pemanggilan terlaksana', stats.summonsHeld]));
  lines.push(csvLine(['Spam di karantina (terpisah)', stats.spam.quarantined]));
  lines.push(csvLine(['Ditolak sebagai spam (terpisah)', stats.spam.rejectedAsSpam]));

  for (const [title, rows] of [
    ['Laporan masuk menurut kategori', stats.byCategory],
    ['Laporan masuk menurut status saat ini', stats.byState],
    ['Kasus ditutup menurut hasil', stats.byOutcome],
    ['Alasan tidak dapat ditindaklanjuti', stats.rejectionReasons],
  ] as const) {
    section(title);
    lines.push(csvLine(['Uraian', 'Jumlah']));
    for (const row of rows) lines.push(csvLine([row.label, row.count]));
  }

  section('Laporan masuk per bulan');
  lines.push(csvLine(['Bulan', 'Jumlah']));
  for (const month of stats.perMonth) lines.push(csvLine([month.label, month.total]));

  section('Waktu penanganan (hari kerja sejak laporan masuk)');
  lines.push(csvLine(['Tahap', 'Kasus', 'Median', 'Persentil ke-90', 'Tepat waktu']));
  for (const [label, figure] of [
    ['Sampai verifikasi dimulai', stats.durations.verification],
    ['Sampai jawaban pertama kepada pelapor', stats.durations.firstAnswer],
    ['Sampai kasus ditutup', stats.durations.closing],
  ] as const) {
    lines.push(csvLine([label, figure.count, formatDays(figure.medianDays), formatDays(figure.p90Days), formatShare(figure.shareWithin)]));
  }

  section('Kasus yang ditutup dalam periode ini');
  lines.push(csvLine(['Nomor kasus', 'Kategori', 'Hasil', 'Tanggal masuk', 'Tanggal ditutup', 'Hari kerja']));
  for (const c of stats.closedCases) {
    lines.push(csvLine([c.caseNumber, c.category, c.result, formatOfficeDate(c.submittedAt), formatOfficeDate(c.closedAt), c.workingDays]));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
