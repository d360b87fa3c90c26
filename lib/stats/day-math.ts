import { deadlineFrom, isWorkingDay, type DeadlineSettingKey, type HolidaySet } from '@/lib/cases/deadlines';
import { OFFICE_UTC_OFFSET_MS } from '@/lib/office-time';

/**
 * The inbox's day arithmetic (lib/cases/deadlines.ts), made cheap for statistics over
 * 100,000 cases: working days between two instants come from a running count per office
 * day (each day classified once), and a deadline depends only on the day its clock started,
 * so it is computed once per day. The unit test checks both against deadlines.ts.
 */

const DAY_MS = 86_400_000;

function officeDay(date: Date): number {
  return Math.floor((date.getTime() + OFFICE_UTC_OFFSET_MS) / DAY_MS);
}

export class OfficeDayMath {
  /** Working days on office days 1970-01-01 + index, counted from `firstDay`. */
  private readonly running = new Map<number, number>();
  private lastDay: number;
  private lastCount = 0;
  private readonly deadlines = new Map<string, Date>();

  constructor(
    private readonly holidays: HolidaySet,
    private readonly firstDay: number,
  ) {
    this.lastDay = firstDay;
    this.running.set(firstDay, 0);
  }

  static from(holidays: HolidaySet, earliest: Date): OfficeDayMath {
    return new OfficeDayMath(holidays, officeDay(earliest) - 1);
  }

  /** Working days after `firstDay` up to and including `day`. */
  private countTo(day: number): number {
    if (day < this.firstDay) throw new RangeError('day before the first day counted');
    while (this.lastDay < day) {
      this.lastDay += 1;
      const key = new Date(this.lastDay * DAY_MS).toISOString().slice(0, 10);
      if (isWorkingDay(key, this.holidays)) this.lastCount += 1;
      this.running.set(this.lastDay, this.lastCount);
    }
    return this.running.get(day)!;
  }

  /** Same as deadlines.ts workingDaysBetween(a, b) for b on or after a. */
  workingDaysBetween(a: Date, b: Date): number {
    return this.countTo(officeDay(b)) - this.countTo(officeDay(a));
  }

  /** Same as deadlines.ts deadlineFrom(start, setting, days). */
  deadlineFrom(start: Date, setting: DeadlineSettingKey, days: number): Date {
    const key = `${setting}:${days}:${officeDay(start)}`;
    let due = this.deadlines.get(key);
    if (!due) {
      due = deadlineFrom(start, setting, days, this.holidays);
      this.deadlines.set(key, due);
    }
    return due;
  }
}
