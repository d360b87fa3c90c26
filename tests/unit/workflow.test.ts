import { describe, expect, it } from 'vitest';
import {
  CASE_STATES,
  FINAL_STATES,
  canMove,
  isCaseState,
  isFinal,
  officerLabel,
  reporterLabel,
  transition,
  type CaseState,
} from '@/lib/cases/workflow';

/*
 * Everything expected here is copied from DESIGN.md ("Workflow"), not from the module,
 * so a mistake in the module's table shows up as a failing test.
 */

const DESIGN_STATES = [
  'received',
  'verifying',
  'awaiting_info',
  'investigating',
  'hearing_witnesses',
  'examining_reported',
  'concluded',
  'referred',
  'rejected',
] as const;

// "Allowed moves, and no others:"
const DESIGN_ALLOWED_MOVES: ReadonlyArray<readonly [CaseState, CaseState]> = [
  ['received', 'verifying'],
  ['verifying', 'awaiting_info'],
  ['verifying', 'investigating'],
  ['verifying', 'referred'],
  ['verifying', 'rejected'],
  ['awaiting_info', 'verifying'],
  ['awaiting_info', 'rejected'],
  ['investigating', 'awaiting_info'],
  ['investigating', 'hearing_witnesses'],
  ['investigating', 'examining_reported'],
  ['investigating', 'concluded'],
  ['investigating', 'referred'],
  ['hearing_witnesses', 'investigating'],
  ['hearing_witnesses', 'examining_reported'],
  ['hearing_witnesses', 'concluded'],
  ['examining_reported', 'concluded'],
  ['examining_reported', 'referred'],
];

const DESIGN_FINAL_STATES: readonly CaseState[] = ['concluded', 'referred', 'rejected'];

const DESIGN_LABELS: Record<CaseState, { officer: string; reporter: string }> = {
  received: { officer: 'Diterima', reporter: 'Diterima' },
  verifying: { officer: 'Verifikasi', reporter: 'Diverifikasi' },
  awaiting_info: { officer: 'Menunggu Kelengkapan', reporter: 'Perlu Kelengkapan' },
  investigating: { officer: 'Penelaahan', reporter: 'Diproses' },
  hearing_witnesses: { officer: 'Klarifikasi Pelapor/Saksi', reporter: 'Diproses' },
  examining_reported: { officer: 'Pemeriksaan Terlapor', reporter: 'Diproses' },
  concluded: { officer: 'Selesai', reporter: 'Selesai' },
  referred: { officer: 'Dilimpahkan', reporter: 'Dilimpahkan' },
  rejected: { officer: 'Tidak Dapat Ditindaklanjuti', reporter: 'Tidak Dapat Ditindaklanjuti' },
};

const isAllowedByDesign = (from: CaseState, to: CaseState) =>
  DESIGN_ALLOWED_MOVES.some(([f, t]) => f === from && t === to);

const ALL_PAIRS = DESIGN_STATES.flatMap((from) => DESIGN_STATES.map((to) => [from, to] as const));
const FORBIDDEN_FROM_FINAL = ALL_PAIRS.filter(([from]) => DESIGN_FINAL_STATES.includes(from));
const FORBIDDEN_FROM_OPEN = ALL_PAIRS.filter(
  ([from, to]) => !DESIGN_FINAL_STATES.includes(from) && !isAllowedByDesign(from, to),
);

// Values that are not states, including names that exist on Object.prototype.
const JUNK = ['', 'RECEIVED', 'Received', 'closed', ' received', '__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const NON_STRINGS = [undefined, null, 0, 1, {}, [], ['received']];
const asState = (value: unknown) => value as CaseState;

describe('case states', () => {
  it('are exactly the nine states of the DESIGN.md table', () => {
    expect([...CASE_STATES].sort()).toEqual([...DESIGN_STATES].sort());
    expect(new Set(CASE_STATES).size).toBe(CASE_STATES.length);
  });

  it('recognise every state and nothing else', () => {
    for (const state of DESIGN_STATES) expect(isCaseState(state)).toBe(true);
    for (const junk of [...JUNK, ...NON_STRINGS]) expect(isCaseState(junk)).toBe(false);
  });

  it('treat concluded, referred and rejected as final, and only those', () => {
    expect([...FINAL_STATES].sort()).toEqual([...DESIGN_FINAL_STATES].sort());
    for (const state of DESIGN_STATES) {
      expect(isFinal(state), state).toBe(DESIGN_FINAL_STATES.includes(state));
    }
  });
});

describe('transition: the 9×9 table', () => {
  it('covers all 81 pairs between the three groups below', () => {
    expect(ALL_PAIRS).toHaveLength(81);
    expect(DESIGN_ALLOWED_MOVES.length + FORBIDDEN_FROM_FINAL.length + FORBIDDEN_FROM_OPEN.length).toBe(81);
  });

  describe.each(DESIGN_ALLOWED_MOVES)('allowed: %s → %s', (from, to) => {
    it('returns ok', () => {
      expect(transition(from, to)).toEqual({ ok: true, from, to });
      expect(canMove(from, to)).toBe(true);
    });
  });

  describe.each(FORBIDDEN_FROM_FINAL)('from a final state: %s → %s', (from, to) => {
    it("is refused with reason 'final_state'", () => {
      expect(transition(from, to)).toEqual({ ok: false, from, to, reason: 'final_state' });
      expect(canMove(from, to)).toBe(false);
    });
  });

  describe.each(FORBIDDEN_FROM_OPEN)('not in the procedure: %s → %s', (from, to) => {
    it("is refused with reason 'not_allowed'", () => {
      expect(transition(from, to)).toEqual({ ok: false, from, to, reason: 'not_allowed' });
      expect(canMove(from, to)).toBe(false);
    });
  });

  it('refuses every self-move (a move must change the state)', () => {
    for (const state of DESIGN_STATES) expect(transition(state, state).ok, state).toBe(false);
  });
});

describe('transition: values that are not states', () => {
  it.each(JUNK)("refuses %j as the source with reason 'unknown_state'", (junk) => {
    for (const to of DESIGN_STATES) {
      expect(transition(asState(junk), to)).toEqual({ ok: false, from: junk, to, reason: 'unknown_state' });
    }
  });

  it.each(JUNK)("refuses %j as the target with reason 'unknown_state', even from a final state", (junk) => {
    for (const from of DESIGN_STATES) {
      expect(transition(from, asState(junk))).toEqual({ ok: false, from, to: junk, reason: 'unknown_state' });
    }
  });

  it("refuses non-string values with reason 'unknown_state' instead of throwing", () => {
    for (const junk of NON_STRINGS) {
      expect(transition(asState(junk), 'verifying')).toMatchObject({ ok: false, reason: 'unknown_state' });
      expect(transition('received', asState(junk))).toMatchObject({ ok: false, reason: 'unknown_state' });
    }
  });

  it('canMove answers false for junk instead of throwing', () => {
    for (const junk of [...JUNK, ...NON_STRINGS]) {
      expect(canMove(asState(junk), 'verifying')).toBe(false);
      expect(canMove('received', asState(junk))).toBe(false);
    }
  });
});

describe('labels', () => {
  describe.each(DESIGN_STATES)('%s', (state) => {
    it(`is "${DESIGN_LABELS[state].officer}" for officers`, () => {
      expect(officerLabel(state)).toBe(DESIGN_LABELS[state].officer);
    });

    it(`is "${DESIGN_LABELS[state].reporter}" for the reporter`, () => {
      expect(reporterLabel(state)).toBe(DESIGN_LABELS[state].reporter);
    });
  });

  it('never tells the reporter which internal step the case is in', () => {
    const internal: CaseState[] = ['investigating', 'hearing_witnesses', 'examining_reported'];
    expect(new Set(internal.map(reporterLabel))).toEqual(new Set(['Diproses']));
  });
});
