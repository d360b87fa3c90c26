import { describe, expect, it } from 'vitest';
import {
  addOfficeMonths,
  closedBeforeBound,
  erasureDate,
  isDueForErasure,
  parseRetentionMonths,
  policyActive,
  RETENTION_OFF,
  rotationReminderDue,
} from '@/lib/cases/retention-rules';
import { CASE_STATES, FINAL_STATES } from '@/lib/cases/workflow';

/** An instant given in office time (WITA, UTC+8). */
const wita = (text: string) => new Date(`${text}+08:00`);

describe('months in office time', () => {
  it('adds calendar months, keeping the time of day', () => {
    expect(addOfficeMonths(wita('2026-03-15T09:30:00'), 1)).toEqual(wita('2026-04-15T09:30:00'));
    expect(addOfficeMonths(wita('2026-03-15T09:30:00'), 12)).toEqual(wita('2027-03-15T09:30:00'));
    expect(addOfficeMonths(wita('2026-11-30T10:00:00'), 3)).toEqual(wita('2027-02-28T10:00:00'));
  });

  it('clamps to the last day of a shorter month (31 January + 1 month), leap years included', () => {
    expect(addOfficeMonths(wita('2026-01-31T08:00:00'), 1)).toEqual(wita('2026-02-28T08:00:00'));
    expect(addOfficeMonths(wita('2028-01-31T08:00:00'), 1)).toEqual(wita('2028-02-29T08:00:00'));
    expect(addOfficeMonths(wita('2026-05-31T08:00:00'), 1)).toEqual(wita('2026-06-30T08:00:00'));
  });

  it('counts the office calendar day, not the UTC one (01:00 WITA is the previous day in UTC)', () => {
    // 31 January 01:00 WITA is 30 January in UTC: one month later is still 28 February WITA.
    expect(addOfficeMonths(wita('2026-01-31T01:00:00'), 1)).toEqual(wita('2026-02-28T01:00:00'));
    expect(addOfficeMonths(wita('2026-03-01T00:30:00'), -1)).toEqual(wita('2026-02-01T00:30:00'));
  });
});

describe('when a closed case is due', () => {
  const closedAt = wita('2026-01-31T14:00:00');

  it('is due from its erasure date on, the boundary included, not a second earlier', () => {
    expect(erasureDate(closedAt, 24)).toEqual(wita('2028-01-31T14:00:00'));
    const at = erasureDate(closedAt, 1); // 28 February 2026, 14:00 WITA
    expect(isDueForErasure({ state: 'concluded', closedAt }, 1, new Date(at.getTime() - 1000))).toBe(false);
    expect(isDueForErasure({ state: 'concluded', closedAt }, 1, at)).toBe(true);
    expect(isDueForErasure({ state: 'concluded', closedAt }, 1, wita('2026-03-10T00:00:00'))).toBe(true);
  });

  it('applies to every closed state and to no open one, however old', () => {
    const longAfter = wita('2040-01-01T00:00:00');
    for (const state of CASE_STATES) {
      expect(isDueForErasure({ state, closedAt }, 1, longAfter)).toBe(FINAL_STATES.includes(state));
    }
    expect([...FINAL_STATES].sort()).toEqual(['concluded', 'referred', 'rejected']);
  });

  it('never applies when retention is off', () => {
    expect(isDueForErasure({ state: 'concluded', closedAt }, null, wita('2099-01-01T00:00:00'))).toBe(false);
  });

  it('the query bound keeps every due case: nothing closed after it is due (every day of two years, several periods)', () => {
    const wrong: string[] = [];
    for (const m of [1, 2, 3, 6, 11, 12, 24, 60]) {
      for (let day = 0; day < 730; day += 1) {
        const now = new Date(wita('2026-01-01T12:00:00').getTime() + day * 86_400_000);
        const bound = closedBeforeBound(m, now).getTime();
        for (let hours = 1; hours <= 96; hours += 5) {
          const closedAt = new Date(bound + hours * 3_600_000);
          if (isDueForErasure({ state: 'concluded', closedAt }, m, now)) wrong.push(`${m} ${now.toISOString()} ${closedAt.toISOString()}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('the policy', () => {
  it('is off by default and erases only once confirmed', () => {
    expect(policyActive(RETENTION_OFF)).toBe(false);
    expect(policyActive({ months: 24, confirmedAt: null, confirmedBy: null })).toBe(false);
    expect(policyActive({ months: 24, confirmedAt: new Date(), confirmedBy: 1 })).toBe(true);
  });

  it('parses what an admin types, with a message for each mistake', () => {
    expect(parseRetentionMonths(' 60 ')).toEqual({ ok: true, months: 60 });
    expect(parseRetentionMonths('1')).toEqual({ ok: true, months: 1 });
    expect(parseRetentionMonths('600')).toEqual({ ok: true, months: 600 });
    expect(parseRetentionMonths('')).toEqual({ ok: false, message: 'Masa simpan (bulan) wajib diisi.' });
    expect(parseRetentionMonths('0')).toMatchObject({ ok: false, message: 'Masa simpan harus antara 1 dan 600 bulan.' });
    expect(parseRetentionMonths('601')).toMatchObject({ ok: false, message: 'Masa simpan harus antara 1 dan 600 bulan.' });
    expect(parseRetentionMonths('2,5')).toMatchObject({ ok: false, message: 'Masa simpan harus berupa bilangan bulat, misalnya 60.' });
    expect(parseRetentionMonths('-3')).toMatchObject({ ok: false });
    expect(parseRetentionMonths('dua')).toMatchObject({ ok: false });
  });
});

describe('the key rotation reminder', () => {
  const confirmedAt = wita('2026-01-10T09:00:00');
  const policy = { months: 6, confirmedAt, confirmedBy: 1 };

  it('never shows with retention off', () => {
    expect(rotationReminderDue({ policy: RETENTION_OFF, lastRotationAt: null }, wita('2040-01-01T00:00:00'))).toBe(false);
  });

  it('shows once the last rotation is older than the retention period', () => {
    const rotated = wita('2026-03-01T09:00:00');
    expect(rotationReminderDue({ policy, lastRotationAt: rotated }, wita('2026-08-31T23:59:59'))).toBe(false);
    expect(rotationReminderDue({ policy, lastRotationAt: rotated }, wita('2026-09-01T09:00:00'))).toBe(true);
  });

  it('never rotated: counts from the confirmation of retention', () => {
    expect(rotationReminderDue({ policy, lastRotationAt: null }, wita('2026-07-10T08:59:59'))).toBe(false);
    expect(rotationReminderDue({ policy, lastRotationAt: null }, wita('2026-07-10T09:00:00'))).toBe(true);
  });
});
