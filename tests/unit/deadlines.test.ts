import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { describe, expect, it } from 'vitest';
import {
  DEADLINE_DAY_COUNTS,
  addWorkingDays,
  caseDeadlines,
  endOfOfficeDay,
  infoRequestDueAt,
  isWorkingDay,
  officeDateKey,
  workingDaysBetween,
  type DeadlineCase,
} from '@/lib/cases/deadlines';
import { loadHolidaySet, nationalHolidayDates } from '@/lib/cases/holidays';
import { CASE_STATES, FINAL_STATES } from '@/lib/cases/workflow';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';

/** An instant given as WITA wall-clock time, e.g. wita('2026-03-02 23:30'). */
const wita = (local: string) => new Date(`${local.replace(' ', 'T')}+08:00`);
const endOfDay = (date: string) => wita(`${date} 23:59:59.999`);
const none = new Set<string>();
const holidays2026 = new Set(nationalHolidayDates(2026));
const settings = DEFAULT_SETTINGS;

describe('working days in Kupang (WITA)', () => {
  it('counts Monday to Friday and skips weekends', () => {
    expect(isWorkingDay('2026-03-06', none)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-07', none)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08', none)).toBe(false); // Sunday
    expect(officeDateKey(addWorkingDays(wita('2026-03-06 10:00'), 1, none))).toBe('2026-03-09');
    expect(officeDateKey(addWorkingDays(wita('2026-03-07 10:00'), 1, none))).toBe('2026-03-09');
    expect(addWorkingDays(wita('2026-03-06 10:00'), 1, none)).toEqual(wita('2026-03-09 10:00'));
    expect(addWorkingDays(wita('2026-03-06 10:00'), 0, none)).toEqual(wita('2026-03-06 10:00'));
  });

  it('skips holidays: Independence Day, Monday 17 August 2026', () => {
    expect(isWorkingDay('2026-08-17', holidays2026)).toBe(false);
    expect(isWorkingDay('2026-08-17', none)).toBe(true);
    expect(officeDateKey(addWorkingDays(wita('2026-08-14 09:00'), 1, holidays2026))).toBe('2026-08-18');
    // Nyepi (Thu 19 March), Idul Fitri (Fri 20 and Sat 21), then Sunday: Wednesday + 1 = Monday.
    expect(officeDateKey(addWorkingDays(wita('2026-03-18 09:00'), 1, holidays2026))).toBe('2026-03-23');
  });

  it('counts working days between two instants, inversely to addWorkingDays', () => {
    const friday = wita('2026-08-14 16:00');
    expect(workingDaysBetween(friday, wita('2026-08-18 08:00'), holidays2026)).toBe(1);
    expect(workingDaysBetween(friday, wita('2026-08-14 23:59'), holidays2026)).toBe(0);
    expect(workingDaysBetween(wita('2026-08-18 08:00'), friday, holidays2026)).toBe(-1);
    for (let n = 0; n <= 30; n += 1) {
      expect(workingDaysBetween(friday, addWorkingDays(friday, n, holidays2026), holidays2026)).toBe(n);
    }
  });

  it('refuses a negative or fractional number of working days', () => {
    expect(() => addWorkingDays(wita('2026-03-02 10:00'), -1, none)).toThrow(RangeError);
    expect(() => addWorkingDays(wita('2026-03-02 10:00'), 1.5, none)).toThrow(RangeError);
  });

  it('takes the day from WITA, not UTC, around midnight', () => {
    // 23:30 WITA on Monday is 15:30 UTC Monday; 00:30 WITA on Tuesday is still Monday in UTC.
    expect(officeDateKey(wita('2026-03-02 23:30'))).toBe('2026-03-02');
    expect(officeDateKey(wita('2026-03-03 00:30'))).toBe('2026-03-03');
    expect(new Date('2026-03-02T16:30:00Z')).toEqual(wita('2026-03-03 00:30'));
    // Friday 23:30 WITA is a Friday report; Saturday 00:30 WITA (Friday in UTC) is a weekend one.
    expect(isWorkingDay(wita('2026-03-06 23:30'), none)).toBe(true);
    expect(isWorkingDay(wita('2026-03-07 00:30'), none)).toBe(false);
    expect(endOfOfficeDay(wita('2026-03-02 00:00'))).toEqual(endOfDay('2026-03-02'));
  });
});

describe('caseDeadlines', () => {
  const receivedMonday = (createdAt: Date): DeadlineCase => ({ state: 'received', createdAt });

  it('counts working days to start verification and calendar days for the others', () => {
    expect(DEADLINE_DAY_COUNTS).toEqual({
      verificationStartDays: 'working',
      firstAnswerDays: 'calendar',
      infoRequestDays: 'calendar',
      conclusionDays: 'calendar',
    });
  });

  it('received: verification starts within 3 working days, to the end of the last day', () => {
    const c = receivedMonday(wita('2026-03-02 10:00'));
    const at = (now: string) => caseDeadlines(c, settings, none, wita(now));
    expect(at('2026-03-02 12:00')).toEqual({
      kind: 'verification_start',
      dueAt: endOfDay('2026-03-05'),
      status: 'ok',
      workingDaysLeft: 3,
    });
    expect(at('2026-03-03 08:00')).toMatchObject({ status: 'due_soon', workingDaysLeft: 2 });
    expect(at('2026-03-05 23:59:59')).toMatchObject({ status: 'due_soon', workingDaysLeft: 0 });
    expect(at('2026-03-06 00:00')).toMatchObject({ status: 'overdue', workingDaysLeft: -1 });
  });

  it('received around midnight: the WITA day of the report is the one not counted', () => {
    const lateMonday = caseDeadlines(receivedMonday(wita('2026-03-02 23:30')), settings, none, wita('2026-03-03 09:00'));
    expect(lateMonday?.dueAt).toEqual(endOfDay('2026-03-05'));
    const earlyTuesday = caseDeadlines(receivedMonday(wita('2026-03-03 00:30')), settings, none, wita('2026-03-03 09:00'));
    expect(earlyTuesday?.dueAt).toEqual(endOfDay('2026-03-06'));
    const lateFriday = caseDeadlines(receivedMonday(wita('2026-03-06 23:30')), settings, none, wita('2026-03-07 09:00'));
    expect(lateFriday?.dueAt).toEqual(endOfDay('2026-03-11'));
  });

  it('verifying: first answer within 14 calendar days of the report; due soon at 2 working days', () => {
    const c: DeadlineCase = { state: 'verifying', createdAt: wita('2026-03-02 10:00') };
    const at = (now: string) => caseDeadlines(c, settings, none, wita(now));
    expect(at('2026-03-11 09:00')).toMatchObject({ kind: 'first_answer', dueAt: endOfDay('2026-03-16'), status: 'ok', workingDaysLeft: 3 });
    expect(at('2026-03-12 09:00')).toMatchObject({ status: 'due_soon', workingDaysLeft: 2 });
    expect(at('2026-03-17 00:00')).toMatchObject({ status: 'overdue' });
  });

  it('awaiting_info: the information request\u2019s own due date is the deadline', () => {
    const requestDue = endOfDay('2026-04-20');
    const c: DeadlineCase = {
      state: 'awaiting_info',
      createdAt: wita('2026-03-02 10:00'),
      stateChangedAt: wita('2026-04-06 10:00'),
      openInfoRequestDueAt: requestDue,
    };
    expect(caseDeadlines(c, settings, none, wita('2026-04-08 10:00'))).toMatchObject({
      kind: 'info_request',
      dueAt: requestDue,
      status: 'ok',
    });
    expect(caseDeadlines(c, settings, none, wita('2026-04-21 00:00'))?.status).toBe('overdue');
    // Without the request row, the state change + 14 calendar days stands in for it.
    const fallback = caseDeadlines({ ...c, openInfoRequestDueAt: null }, settings, none, wita('2026-04-08 10:00'));
    expect(fallback?.dueAt).toEqual(infoRequestDueAt(wita('2026-04-06 10:00'), settings, none));
    expect(fallback?.dueAt).toEqual(endOfDay('2026-04-20'));
  });

  it('investigation states: conclusion within 60 days of completedAt; holidays move "due soon"', () => {
    for (const state of ['investigating', 'hearing_witnesses', 'examining_reported'] as const) {
      const c: DeadlineCase = { state, createdAt: wita('2026-06-01 10:00'), completedAt: wita('2026-06-19 10:00') };
      // 60 days after 19 June is Tuesday 18 August; on Thursday 13 August only Friday 14 and
      // Tuesday 18 are working days left, because Monday 17 is Independence Day.
      expect(caseDeadlines(c, settings, holidays2026, wita('2026-08-13 09:00'))).toEqual({
        kind: 'conclusion',
        dueAt: endOfDay('2026-08-18'),
        status: 'due_soon',
        workingDaysLeft: 2,
      });
      expect(caseDeadlines(c, settings, none, wita('2026-08-13 09:00'))?.status).toBe('ok');
      expect(caseDeadlines(c, settings, holidays2026, wita('2026-08-19 00:00'))?.status).toBe('overdue');
    }
  });

  it('follows the settings an office changed', () => {
    const c = receivedMonday(wita('2026-03-02 10:00'));
    const oneDay = { ...settings, verificationStartDays: 1 };
    expect(caseDeadlines(c, oneDay, none, wita('2026-03-02 12:00'))?.dueAt).toEqual(endOfDay('2026-03-03'));
  });

  it('final states have no deadline', () => {
    expect(FINAL_STATES).toEqual(['concluded', 'referred', 'rejected']);
    for (const state of FINAL_STATES) {
      const c: DeadlineCase = { state, createdAt: wita('2020-01-01 10:00'), completedAt: wita('2020-01-02 10:00') };
      expect(caseDeadlines(c, settings, none, wita('2026-03-02 10:00'))).toBeNull();
    }
    for (const state of CASE_STATES.filter((s) => !FINAL_STATES.includes(s))) {
      expect(caseDeadlines({ state, createdAt: wita('2026-03-02 10:00') }, settings, none, wita('2026-03-02 10:00'))).not.toBeNull();
    }
  });
});

describe('holiday list', () => {
  it('date-holidays gives Indonesia\u2019s national public holidays for 2026', () => {
    const dates = nationalHolidayDates(2026);
    expect(dates).toContain('2026-01-01'); // Tahun Baru Masehi
    expect(dates).toContain('2026-08-17'); // Hari Kemerdekaan
    expect(dates).toContain('2026-12-25'); // Natal
    // Islamic days are listed from the previous sunset; the holiday is the next calendar day.
    expect(dates).toContain('2026-03-20'); // Idul Fitri 1447 H
    expect(dates).toContain('2026-08-25'); // Maulid Nabi 1448 H
    expect(dates).not.toContain('2026-08-24');
    expect(nationalHolidayDates(2027)).toContain('2027-08-17');
  });

  it('loadHolidaySet merges the national calendar with the holidays table, by year range', async () => {
    const client = createClient({ url: ':memory:' });
    await client.execute('CREATE TABLE holidays (date text PRIMARY KEY NOT NULL, name text NOT NULL)');
    await client.execute(
      "INSERT INTO holidays VALUES ('2026-03-18', 'Cuti bersama Nyepi'), ('2025-12-26', 'Cuti bersama Natal'), ('2028-01-02', 'x')",
    );
    const set = await loadHolidaySet(drizzle(client), 2026, 2027);
    client.close();
    expect(set.has('2026-03-18')).toBe(true);
    expect(set.has('2026-08-17')).toBe(true);
    expect(set.has('2027-01-01')).toBe(true);
    expect(set.has('2025-12-26')).toBe(false);
    expect(set.has('2028-01-02')).toBe(false);
  });
});
