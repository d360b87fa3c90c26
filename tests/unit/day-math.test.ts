import { describe, expect, it } from 'vitest';
import { deadlineFrom, workingDaysBetween } from '@/lib/cases/deadlines';
import { nationalHolidayDates } from '@/lib/cases/holidays';
import { OfficeDayMath } from '@/lib/stats/day-math';

const holidays = new Set([...nationalHolidayDates(2026), ...nationalHolidayDates(2027), '2026-12-24']);

describe('statistics day arithmetic agrees with the inbox deadlines', () => {
  it('gives the same working days and deadlines as lib/cases/deadlines.ts for 2,000 random pairs', () => {
    const start = Date.parse('2026-01-01T00:00:00+08:00');
    const math = OfficeDayMath.from(holidays, new Date(start));
    let seed = 42;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i += 1) {
      const a = new Date(start + next() * 500 * 86_400_000);
      const b = new Date(a.getTime() + next() * 90 * 86_400_000);
      expect(math.workingDaysBetween(a, b)).toBe(workingDaysBetween(a, b, holidays));
      expect(math.deadlineFrom(a, 'verificationStartDays', 3)).toEqual(deadlineFrom(a, 'verificationStartDays', 3, holidays));
      expect(math.deadlineFrom(a, 'conclusionDays', 60)).toEqual(deadlineFrom(a, 'conclusionDays', 60, holidays));
    }
  });
});
