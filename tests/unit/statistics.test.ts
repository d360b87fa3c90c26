import { describe, expect, it } from 'vitest';
import { statisticsCsv, csvField } from '@/lib/stats/csv';
import { durationFigure, formatDays, formatShare, median, percentile } from '@/lib/stats/figures';
import { monthsOf, parsePeriod } from '@/lib/stats/period';
import type { Statistics } from '@/lib/stats/officer-stats';

const now = new Date('2026-11-29T03:00:00Z'); // 29 November 2026, 11:00 WITA

describe('periods in office time', () => {
  it('defaults to the current month and runs from 00:00 WITA on the 1st to 00:00 WITA on the next 1st', () => {
    const result = parsePeriod({}, now);
    if (!result.ok) throw new Error('expected a period');
    expect(result.period.label).toBe('November 2026');
    expect(result.period.start.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(result.period.end.toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('reads months, quarters, years and custom ranges', () => {
    const label = (input: Record<string, string>) => {
      const r = parsePeriod(input, now);
      return r.ok ? [r.period.label, r.period.firstDay, r.period.lastDay, r.period.key] : r.fieldErrors;
    };
    expect(label({ periode: 'bulan', tahun: '2024', bulan: '2' })).toEqual(['Februari 2024', '2024-02-01', '2024-02-29', '2024-02']);
    expect(label({ periode: 'triwulan', tahun: '2026', triwulan: '4' })).toEqual(['Triwulan IV 2026', '2026-10-01', '2026-12-31', '2026-T4']);
    expect(label({ periode: 'tahun', tahun: '2025' })).toEqual(['Tahun 2025', '2025-01-01', '2025-12-31', '2025']);
    expect(label({ periode: 'rentang', dari: '2026-03-02', sampai: '2026-04-15' })).toEqual([
      '2 Maret 2026 – 15 April 2026',
      '2026-03-02',
      '2026-04-15',
      '2026-03-02_2026-04-15',
    ]);
  });

  it('refuses an end date before the start date at the end field, keeping what was typed', () => {
    const r = parsePeriod({ periode: 'rentang', dari: '2026-05-10', sampai: '2026-05-01' }, now);
    expect(r).toEqual({
      ok: false,
      fieldErrors: { sampai: 'Tanggal akhir tidak boleh sebelum tanggal mulai.' },
      values: { periode: 'rentang', dari: '2026-05-10', sampai: '2026-05-01' },
    });
  });

  it('refuses impossible dates, missing dates, bad years and unknown kinds with Indonesian messages', () => {
    const errors = (input: Record<string, string>) => {
      const r = parsePeriod(input, now);
      return r.ok ? null : r.fieldErrors;
    };
    expect(errors({ periode: 'rentang', dari: '2026-02-30', sampai: '2026-03-01' })).toEqual({ dari: 'Tanggal tidak valid.' });
    expect(errors({ periode: 'rentang' })).toEqual({ dari: 'Isi tanggal mulai.', sampai: 'Isi tanggal akhir.' });
    expect(errors({ periode: 'tahun', tahun: 'abc' })).toEqual({ tahun: 'Tulis tahun antara 2000 dan 2100.' });
    expect(errors({ periode: 'bulan', tahun: '2026', bulan: '13' })).toEqual({ bulan: 'Pilih bulan.' });
    expect(errors({ periode: 'minggu' })).toEqual({ periode: 'Pilih jenis periode.' });
  });

  it('lists the months a period touches', () => {
    const r = parsePeriod({ periode: 'rentang', dari: '2025-11-20', sampai: '2026-02-03' }, now);
    if (!r.ok) throw new Error('expected a period');
    expect(monthsOf(r.period).map((m) => m.key)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('durations', () => {
  it('takes the median (mean of the middle two) and the 90th percentile by nearest rank', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([], 90)).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7, 1, 3], 90)).toBe(7);
    expect(() => percentile([1], 0)).toThrow(RangeError);
  });

  it('counts the share within the deadline only where the deadline applied', () => {
    expect(
      durationFigure([
        { workingDays: 2, deadline: 'met' },
        { workingDays: 9, deadline: 'missed' },
        { workingDays: 4, deadline: 'not_applicable' },
        { workingDays: 3, deadline: 'met' },
      ]),
    ).toEqual({ count: 4, medianDays: 3.5, p90Days: 9, withinDeadline: 2, deadlineApplies: 3, shareWithin: 2 / 3 });
  });

  it('writes Indonesian numbers', () => {
    expect([formatDays(3.5), formatDays(null), formatShare(2 / 3), formatShare(null)]).toEqual(['3,5', '—', '67%', '—']);
  });
});

describe('CSV for Excel', () => {
  it('quotes separators and quotes, and defuses formulas', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(12)).toBe('12');
  });

  it('starts with a byte-order mark and ends lines with CRLF', () => {
    const r = parsePeriod({ periode: 'bulan', tahun: '2026', bulan: '2' }, now);
    if (!r.ok) throw new Error('expected a period');
    const empty = { count: 0, medianDays: null, p90Days: null, withinDeadline: 0, deadlineApplies: 0, shareWithin: null };
    const stats: Statistics = {
      period: r.period,
      received: 0,
      byCategory: [],
      byState: [],
      closedTotal: 1,
      byOutcome: [],
      rejectionReasons: [],
      infoRequestsSent: 0,
      infoRequestsAnswered: 0,
      summonsHeld: 0,
      durations: { verification: empty, firstAnswer: empty, closing: empty },
      deadlines: { verificationStartDays: 3, firstAnswerDays: 14, conclusionDays: 60 },
      spam: { quarantined: 0, rejectedAsSpam: 0 },
      perMonth: [],
      closedCases: [
        { caseNumber: '2026-0007', category: 'Korupsi', result: 'Tidak terbukti', resultKey: 'tidak_terbukti', submittedAt: new Date('2026-02-02T02:00:00Z'), closedAt: new Date('2026-02-20T02:00:00Z'), workingDays: 13 },
      ],
    };
    const csv = statisticsCsv(stats, 'Biro Umum; Setda NTT');
    expect(csv.startsWith('\uFEFFLaporan Pengelolaan Whistleblowing System\r\n"Biro Umum; Setda NTT"\r\n')).toBe(true);
    expect(csv).toContain('\r\n2026-0007;Korupsi;Tidak terbukti;2 Februari 2026;20 Februari 2026;13\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
