/**
 * The case workflow of the seed's "Prosedur Pelaporan", as DESIGN.md fixes it.
 * Pure data and functions: no framework or database imports, so the table can be
 * tested exhaustively and reused by the schema (column enum), services and pages.
 */

export const CASE_STATES = [
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

export type CaseState = (typeof CASE_STATES)[number];

export const STATE_LABELS: Record<CaseState, { officer: string; reporter: string }> = {
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

/** Every move the procedure allows; anything not listed here is forbidden. */
export const ALLOWED_MOVES: Readonly<Record<CaseState, readonly CaseState[]>> = {
  received: ['verifying'],
  verifying: ['awaiting_info', 'investigating', 'referred', 'rejected'],
  awaiting_info: ['verifying', 'rejected'],
  investigating: ['awaiting_info', 'hearing_witnesses', 'examining_reported', 'concluded', 'referred'],
  hearing_witnesses: ['investigating', 'examining_reported', 'concluded'],
  examining_reported: ['concluded', 'referred'],
  concluded: [],
  referred: [],
  rejected: [],
};

export const FINAL_STATES: readonly CaseState[] = CASE_STATES.filter(
  (state) => ALLOWED_MOVES[state].length === 0,
);

/** The states still being worked on (not final): the inbox's default view, the deadline digest. */
export const OPEN_STATES: readonly CaseState[] = CASE_STATES.filter((state) => ALLOWED_MOVES[state].length > 0);

/** How a concluded case ended (DESIGN.md "Selesai"). */
export const OUTCOMES = ['terbukti_etik', 'terbukti_disiplin', 'tidak_terbukti'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const REJECTION_REASONS = [
  'bukan_wewenang',
  'tidak_memenuhi_4w1h',
  'bukan_pelanggaran',
  'duplikat',
  'spam',
  'tidak_ada_jawaban',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const REJECTION_REASON_LABELS: Record<RejectionReason, string> = {
  bukan_wewenang: 'Bukan wewenang Biro',
  tidak_memenuhi_4w1h: 'Tidak memenuhi unsur 4W1H',
  bukan_pelanggaran: 'Bukan pelanggaran',
  duplikat: 'Duplikat laporan lain',
  spam: 'Spam',
  tidak_ada_jawaban: 'Tidak ada jawaban pelapor sampai batas waktu',
};

export type TransitionResult =
  | { ok: true; from: CaseState; to: CaseState }
  | { ok: false; from: CaseState; to: CaseState; reason: 'unknown_state' | 'final_state' | 'not_allowed' };

export function isCaseState(value: unknown): value is CaseState {
  return typeof value === 'string' && (CASE_STATES as readonly string[]).includes(value);
}

/** Whether the table allows the move; false (not a throw) for values that are not states. */
export function canMove(from: CaseState, to: CaseState): boolean {
  // isCaseState first: ALLOWED_MOVES['constructor'] is an inherited function, not undefined.
  return isCaseState(from) && ALLOWED_MOVES[from].includes(to);
}

/**
 * Checks a move against the table. Returns a result rather than throwing so a
 * service can turn a refusal into a clear message for the officer.
 */
export function transition(from: CaseState, to: CaseState): TransitionResult {
  if (!isCaseState(from) || !isCaseState(to)) return { ok: false, from, to, reason: 'unknown_state' };
  if (ALLOWED_MOVES[from].length === 0) return { ok: false, from, to, reason: 'final_state' };
  if (!canMove(from, to)) return { ok: false, from, to, reason: 'not_allowed' };
  return { ok: true, from, to };
}

export function isFinal(state: CaseState): boolean {
  return ALLOWED_MOVES[state].length === 0;
}

export function officerLabel(state: CaseState): string {
  return STATE_LABELS[state].officer;
}

export function reporterLabel(state: CaseState): string {
  return STATE_LABELS[state].reporter;
}
