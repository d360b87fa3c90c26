import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatOfficeDate, formatOfficeDateTime, formatOfficeDateTimeFull, officeInstant } from '@/lib/office-time';

// 3 December 2026, 09:05:09 WITA: a single-digit day, so any zero padding would show.
const at = new Date('2026-12-03T01:05:09Z');

describe('office dates are written one way everywhere, in WITA, without a padded day', () => {
  it('long, medium and with the weekday', () => {
    expect(formatOfficeDate(at)).toBe('3 Desember 2026');
    expect(formatOfficeDate(at, 'medium')).toBe('3 Des 2026');
    expect(formatOfficeDate(at, 'weekday')).toBe('Kamis, 3 Desember 2026');
  });

  it('with the time, with seconds, and in full for reporters and letters', () => {
    expect(formatOfficeDateTime(at)).toBe('3 Des 2026, 09.05');
    expect(formatOfficeDateTime(at, { seconds: true })).toBe('3 Des 2026, 09.05.09');
    expect(formatOfficeDateTimeFull(at)).toBe('Kamis, 3 Desember 2026 pukul 09.05 WITA');
  });

  it('uses the office day, not UTC: 23:30 UTC is already the next day in Kupang', () => {
    expect(formatOfficeDate(new Date('2026-12-02T23:30:00Z'))).toBe('3 Desember 2026');
  });

  it('a calendar date keeps its day', () => {
    expect(formatCalendarDate('2026-12-03')).toBe('Kamis, 3 Desember 2026');
    expect(formatOfficeDate(officeInstant('2026-12-03'))).toBe('3 Desember 2026');
  });
});
