import { describe, expect, it } from 'vitest';
import {
  attendanceCheck,
  conclusionNeedsReason,
  isProvenOutcome,
  scheduleDayCheck,
  stateAfterSummons,
  summonsResponseCheck,
  SUMMONS_RESPONSE_KINDS,
  SUMMONS_RESPONSE_TEXT_MIN,
  SUMMONS_ROLES,
  SUMMONS_STATUSES,
  type SummonsRole,
} from '@/lib/cases/summons-rules';
import { CASE_STATES, OPEN_STATES, OUTCOMES, canMove, type CaseState } from '@/lib/cases/workflow';

/* Expected values written out from DESIGN.md ("Pemanggilan", "Selesai"); no database. */

describe('stateAfterSummons', () => {
  const expected: Record<CaseState, Record<SummonsRole, CaseState | null>> = {
    received: { pelapor: null, saksi: null, terlapor: null },
    verifying: { pelapor: null, saksi: null, terlapor: null },
    awaiting_info: { pelapor: null, saksi: null, terlapor: null },
    investigating: { pelapor: 'hearing_witnesses', saksi: 'hearing_witnesses', terlapor: 'examining_reported' },
    hearing_witnesses: { pelapor: 'hearing_witnesses', saksi: 'hearing_witnesses', terlapor: 'examining_reported' },
    examining_reported: { pelapor: null, saksi: null, terlapor: 'examining_reported' },
    concluded: { pelapor: null, saksi: null, terlapor: null },
    referred: { pelapor: null, saksi: null, terlapor: null },
    rejected: { pelapor: null, saksi: null, terlapor: null },
  };
  for (const from of CASE_STATES) {
    for (const role of SUMMONS_ROLES) {
      it(`a summons of ${role} from ${from} → ${expected[from][role] ?? 'refused'}`, () => {
        expect(stateAfterSummons(from, role)).toBe(expected[from][role]);
      });
    }
  }

  it('never leads to a move the workflow table forbids', () => {
    for (const from of CASE_STATES) {
      for (const role of SUMMONS_ROLES) {
        const to = stateAfterSummons(from, role);
        if (to !== null && to !== from) expect(canMove(from, to)).toBe(true);
      }
    }
  });
});

describe('the constants the schema builds its CHECKs from', () => {
  it('lists the summons roles, statuses and outcomes of the procedure', () => {
    expect(SUMMONS_ROLES).toEqual(['pelapor', 'saksi', 'terlapor']);
    expect(SUMMONS_STATUSES).toEqual(['scheduled', 'attended', 'not_attended', 'rescheduled', 'cancelled']);
    expect(OUTCOMES).toEqual(['terbukti_etik', 'terbukti_disiplin', 'tidak_terbukti']);
  });

  it('counts every state but Selesai, Dilimpahkan and Tidak Dapat Ditindaklanjuti as open', () => {
    expect(OPEN_STATES).toEqual(['received', 'verifying', 'awaiting_info', 'investigating', 'hearing_witnesses', 'examining_reported']);
  });
});

describe('attendanceCheck', () => {
  const meeting = new Date('2026-12-03T01:00:00Z'); // 3 Dec 09:00 WITA
  it('refuses attendance recorded before the meeting time (30 November for 3 December)', () => {
    const verdict = attendanceCheck(meeting, new Date('2026-11-30T02:00:00Z'));
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message).toMatch(/setelah waktu pemanggilan tiba/);
  });
  it('refuses it one minute before, accepts it at and after the time', () => {
    expect(attendanceCheck(meeting, new Date(meeting.getTime() - 60_000)).ok).toBe(false);
    expect(attendanceCheck(meeting, meeting).ok).toBe(true);
    expect(attendanceCheck(meeting, new Date('2026-12-04T00:00:00Z')).ok).toBe(true);
  });
});

describe('scheduleDayCheck', () => {
  const holidays = new Map([['2026-12-25', 'Hari Raya Natal']]);
  it('asks to confirm Christmas Day (a Friday) as a holiday, naming it', () => {
    const verdict = scheduleDayCheck('2026-12-25', holidays);
    expect(verdict).toMatchObject({ ok: false, kind: 'holiday' });
    if (!verdict.ok) expect(verdict.message).toContain('Hari Raya Natal');
  });
  it('asks to confirm a Saturday and a Sunday', () => {
    expect(scheduleDayCheck('2026-12-05', holidays)).toMatchObject({ ok: false, kind: 'weekend' });
    expect(scheduleDayCheck('2026-12-06', holidays)).toMatchObject({ ok: false, kind: 'weekend' });
    const sunday = scheduleDayCheck('2026-12-06', holidays);
    if (!sunday.ok) expect(sunday.message).toContain('Minggu');
  });
  it('accepts Monday to Friday working days', () => {
    for (const day of ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']) {
      expect(scheduleDayCheck(day, holidays)).toEqual({ ok: true });
    }
  });
});

describe('conclusionNeedsReason', () => {
  it('asks for a reason when "terbukti" rests on no attended examination of the reported party', () => {
    expect(conclusionNeedsReason('terbukti_disiplin', [])).toBe(true);
    expect(conclusionNeedsReason('terbukti_etik', [{ role: 'terlapor', status: 'not_attended' }])).toBe(true);
    expect(conclusionNeedsReason('terbukti_etik', [{ role: 'terlapor', status: 'scheduled' }, { role: 'saksi', status: 'attended' }])).toBe(true);
  });
  it('needs none once the reported party attended, nor for "tidak terbukti"', () => {
    expect(conclusionNeedsReason('terbukti_disiplin', [{ role: 'terlapor', status: 'not_attended' }, { role: 'terlapor', status: 'attended' }])).toBe(false);
    expect(conclusionNeedsReason('tidak_terbukti', [])).toBe(false);
  });
  it('covers every outcome of the workflow', () => {
    expect(OUTCOMES.filter((o) => isProvenOutcome(o))).toEqual(['terbukti_etik', 'terbukti_disiplin']);
  });
});

describe('summonsResponseCheck', () => {
  const at = new Date('2026-12-03T01:00:00Z');
  const before = new Date('2026-12-02T01:00:00Z');
  it('lets the reporter answer their own scheduled summons before the meeting', () => {
    expect(summonsResponseCheck({ role: 'pelapor', status: 'scheduled', scheduledAt: at }, true, before)).toEqual({ ok: true });
  });
  it('refuses once the meeting time has come', () => {
    expect(summonsResponseCheck({ role: 'pelapor', status: 'scheduled', scheduledAt: at }, true, at).ok).toBe(false);
  });
  it('refuses a summons of someone else, a closed summons, or a closed case', () => {
    expect(summonsResponseCheck({ role: 'saksi', status: 'scheduled', scheduledAt: at }, true, before).ok).toBe(false);
    for (const status of ['attended', 'not_attended', 'rescheduled', 'cancelled'] as const) {
      expect(summonsResponseCheck({ role: 'pelapor', status, scheduledAt: at }, true, before).ok).toBe(false);
    }
    expect(summonsResponseCheck({ role: 'pelapor', status: 'scheduled', scheduledAt: at }, false, before).ok).toBe(false);
  });
  it('requires a reason for another time and an answer for a written reply', () => {
    expect(SUMMONS_RESPONSE_KINDS).toEqual(['confirm', 'decline', 'another_time', 'written']);
    expect(SUMMONS_RESPONSE_TEXT_MIN).toEqual({ confirm: 0, decline: 0, another_time: 10, written: 20 });
  });
});
