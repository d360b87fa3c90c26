import type { CaseState } from './workflow';

/**
 * The summons (pemanggilan) rules of the procedure, pure like workflow.ts so the
 * schema (column enums), the officer-actions rule, the services and the pages share
 * one copy and the rules are unit-tested without a database.
 */

/** Who can be summoned: the reporter, a witness, the reported party. */
export const SUMMONS_ROLES = ['pelapor', 'saksi', 'terlapor'] as const;
export type SummonsRole = (typeof SUMMONS_ROLES)[number];

/** A summons is scheduled until it is recorded (attended or not), rescheduled or cancelled. */
export const SUMMONS_STATUSES = ['scheduled', 'attended', 'not_attended', 'rescheduled', 'cancelled'] as const;
export type SummonsStatus = (typeof SUMMONS_STATUSES)[number];

/**
 * The state a summons of `role` puts the case in, or null when it cannot be made from
 * `from`: the reporter or a witness from Penelaahan or Klarifikasi (→ Klarifikasi), the
 * reported party also from Pemeriksaan Terlapor (→ Pemeriksaan Terlapor).
 */
export function stateAfterSummons(from: CaseState, role: SummonsRole): CaseState | null {
  if (role === 'terlapor') {
    return ['investigating', 'hearing_witnesses', 'examining_reported'].includes(from) ? 'examining_reported' : null;
  }
  return ['investigating', 'hearing_witnesses'].includes(from) ? 'hearing_witnesses' : null;
}

/*
 * Sanity rules for what a summons record may say (issue 13, point 4). Each returns a
 * verdict rather than throwing, so the services turn it into an AppError at the right
 * field and the tests check it without a database.
 */

/** Attendance and minutes describe a meeting that took place: not before its time. */
export function attendanceCheck(scheduledAt: Date, now: Date): { ok: true } | { ok: false; message: string } {
  if (now.getTime() >= scheduledAt.getTime()) return { ok: true };
  return {
    ok: false,
    message:
      'Kehadiran dan berita acara baru dapat dicatat setelah waktu pemanggilan tiba. Bila jadwalnya berubah, gunakan "Ubah jadwal atau batalkan".',
  };
}

export type ScheduleDayCheck =
  | { ok: true }
  | { ok: false; kind: 'weekend' | 'holiday'; message: string };

const WEEKDAY_NAMES = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/**
 * A summons on a Saturday, Sunday or holiday is possible (an urgent examination) but is
 * more often a slip of the date picker: the officer must confirm it.
 * @param date the WITA calendar date 'YYYY-MM-DD'
 * @param holidays the office's holidays as date → name (national and added)
 */
export function scheduleDayCheck(date: string, holidays: ReadonlyMap<string, string>): ScheduleDayCheck {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return { ok: true };
  const weekday = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).getUTCDay();
  const holiday = holidays.get(date);
  if (holiday !== undefined) {
    return {
      ok: false,
      kind: 'holiday',
      message: `Tanggal ini hari libur (${holiday}). Bila pemanggilan memang dilakukan pada hari libur, centang konfirmasi lalu kirim kembali.`,
    };
  }
  if (weekday === 0 || weekday === 6) {
    return {
      ok: false,
      kind: 'weekend',
      message: `Tanggal ini hari ${WEEKDAY_NAMES[weekday]}, bukan hari kerja. Bila pemanggilan memang dilakukan pada hari itu, centang konfirmasi lalu kirim kembali.`,
    };
  }
  return { ok: true };
}

/** The outcomes that find a violation proven. */
export function isProvenOutcome(outcome: string): boolean {
  return outcome.startsWith('terbukti');
}

/**
 * A finding of "terbukti" is expected to rest on an examination of the reported party
 * they attended. Without one the officer may still conclude, but must say why in
 * writing (kept, sealed, in the case's record and referenced from the audit log).
 */
export function conclusionNeedsReason(
  outcome: string,
  summonsRecords: readonly { role: SummonsRole; status: SummonsStatus }[],
): boolean {
  if (!isProvenOutcome(outcome)) return false;
  return !summonsRecords.some((s) => s.role === 'terlapor' && s.status === 'attended');
}

/**
 * How a reporter answers a summons addressed to them on /status, without leaving their
 * anonymity: come as invited, cannot come, ask for another time, or answer in writing.
 */
export const SUMMONS_RESPONSE_KINDS = ['confirm', 'decline', 'another_time', 'written'] as const;
export type SummonsResponseKind = (typeof SUMMONS_RESPONSE_KINDS)[number];

export const SUMMONS_RESPONSE_LABELS: Record<SummonsResponseKind, string> = {
  confirm: 'Akan hadir',
  decline: 'Tidak dapat hadir',
  another_time: 'Meminta waktu lain',
  written: 'Menjawab secara tertulis',
};

/** Whether the reporter's text is required, and how long it must be at least. */
export const SUMMONS_RESPONSE_TEXT_MIN: Record<SummonsResponseKind, number> = {
  confirm: 0,
  decline: 0,
  another_time: 10,
  written: 20,
};

/**
 * The reporter may answer a summons while it is still scheduled, the case still open,
 * and the meeting not yet begun: a response after the meeting time could no longer
 * change anything the officer does, and would sit unread beside recorded minutes.
 */
export function summonsResponseCheck(
  summonsRecord: { role: SummonsRole; status: SummonsStatus; scheduledAt: Date },
  caseOpen: boolean,
  now: Date,
): { ok: true } | { ok: false; message: string } {
  if (summonsRecord.role !== 'pelapor' || summonsRecord.status !== 'scheduled' || !caseOpen) {
    return { ok: false, message: 'Undangan ini sudah tidak berlaku. Muat ulang halaman untuk melihat status terbaru.' };
  }
  if (now.getTime() >= summonsRecord.scheduledAt.getTime()) {
    return {
      ok: false,
      message: 'Waktu undangan ini sudah lewat, sehingga tanggapan tidak dapat dikirim lagi. Anda tetap dapat mengirim pesan kepada petugas.',
    };
  }
  return { ok: true };
}
