import { describe, expect, it } from 'vitest';
import {
  calendarFileName,
  formatLetterDate,
  formatLetterDay,
  formatLetterTime,
  summonsCalendar,
  summonsTitle,
} from '@/lib/cases/summons-documents';

/** Unfolds RFC 5545 continuation lines, so assertions see whole properties. */
function unfold(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, '');
}

const base = {
  summonsId: 7,
  caseNumber: '2026-0001',
  role: 'saksi' as const,
  // 09:00 in Kupang (WITA, UTC+8), as the officer typed it.
  scheduledAt: new Date('2026-06-10T09:00:00+08:00'),
  place: 'Ruang Rapat Biro Umum, Lantai 2; Kantor Gubernur NTT',
  agenda: 'Klarifikasi atas keterangan yang diperlukan dalam penanganan pengaduan.',
  now: new Date('2026-06-01T00:00:00Z'),
};

describe('summonsCalendar', () => {
  const ics = summonsCalendar(base);
  const text = unfold(ics);

  it('writes the start in UTC: 09:00 WITA is 01:00Z, for one hour by default', () => {
    expect(text).toMatch(/^DTSTART:20260610T010000Z$/m);
    expect(text).toMatch(/^DTEND:20260610T020000Z$/m);
    expect(text).not.toMatch(/TZID/);
  });

  it('has the role and case number as its title, the place as location and the agenda as description', () => {
    expect(text).toContain('SUMMARY:Pemanggilan Saksi — Kasus 2026-0001\r\n');
    // RFC 5545 escapes commas and semicolons in text values.
    expect(text).toContain('LOCATION:Ruang Rapat Biro Umum\\, Lantai 2\\; Kantor Gubernur NTT\r\n');
    expect(text).toContain('DESCRIPTION:Klarifikasi atas keterangan yang diperlukan dalam penanganan pengaduan.\r\n');
  });

  it('is a well-formed calendar with CRLF lines, a stable UID and a fixed DTSTAMP', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    expect(text).toMatch(/^UID:wbs-panggilan-2026-0001-7$/m);
    expect(text).toMatch(/^DTSTAMP:20260601T000000Z$/m);
    expect(summonsCalendar(base)).toBe(ics);
  });

  it('names nobody: no attendee, organizer or person name', () => {
    const withName = summonsCalendar({ ...base, role: 'pelapor' });
    expect(withName).not.toMatch(/ATTENDEE|ORGANIZER/);
    expect(unfold(withName)).toContain('SUMMARY:Pemanggilan Pelapor — Kasus 2026-0001');
  });

  it('marks a cancelled or replaced summons as CANCELLED', () => {
    expect(text).toMatch(/^STATUS:CONFIRMED$/m);
    expect(unfold(summonsCalendar({ ...base, status: 'cancelled' }))).toMatch(/^STATUS:CANCELLED$/m);
    expect(unfold(summonsCalendar({ ...base, status: 'rescheduled' }))).toMatch(/^STATUS:CANCELLED$/m);
  });

  it('keeps a multi-line agenda as one escaped description', () => {
    const multi = unfold(summonsCalendar({ ...base, agenda: 'Baris satu\nBaris dua' }));
    expect(multi).toContain('DESCRIPTION:Baris satu\\nBaris dua\r\n');
  });

  it('takes another duration when asked', () => {
    expect(unfold(summonsCalendar({ ...base, durationMinutes: 90 }))).toMatch(/^DTEND:20260610T023000Z$/m);
  });
});

describe('summons document helpers', () => {
  it('titles and names the file after the case and summons', () => {
    expect(summonsTitle('terlapor', '2026-0042')).toBe('Pemanggilan Terlapor — Kasus 2026-0042');
    expect(calendarFileName('2026-0042', 3)).toBe('panggilan-2026-0042-3.ics');
  });

  it('formats letter dates and times in Indonesian, in office time (WITA)', () => {
    const at = new Date('2026-06-10T09:00:00+08:00');
    expect(formatLetterDay(at)).toBe('Rabu, 10 Juni 2026');
    expect(formatLetterTime(at)).toBe('09.00 WITA');
    // 20:30 UTC on 9 June is already 10 June in Kupang.
    expect(formatLetterDate(new Date('2026-06-09T20:30:00Z'))).toBe('10 Juni 2026');
  });
});
