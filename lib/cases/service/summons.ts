import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { appendAudit, type DbTransaction } from '@/lib/audit/log';
import type { AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { holidays, summons, type Case, type Summons } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import {
  type cancelSummonsSchema,
  type rescheduleSummonsSchema,
  type scheduleSummonsSchema,
  type summonsOutcomeSchema,
} from '../officer-schemas';
import { attendanceCheck, scheduleDayCheck, stateAfterSummons } from '../summons-rules';
import { nationalHolidays } from '@/lib/admin/holidays';
import { isFinal } from '../workflow';
import { assertMove, assertState, loadCaseFor, moveCase, recordEvent, touchCase } from './common';
import { formatOfficeDateTimeFull, officeInstant } from '@/lib/office-time';
import { loadCaseCipher, SEAL_PENDING, sealRow } from '../case-crypto';
import { endSentence } from '@/lib/format';

/**
 * Summons (pemanggilan) of the reporter, witnesses and the reported party. Summoning
 * the reporter or a witness moves the case to Klarifikasi Pelapor/Saksi, the reported
 * party to Pemeriksaan Terlapor. Only a summons of the reporter is ever shown to the
 * reporter; the others stay internal.
 */

type Role = Summons['role'];

function reporterNote(role: Role, text: string): string | null {
  return role === 'pelapor' ? text : null;
}

/** The form's confirmation is optional for callers: absent means "not confirmed". */
type WithConfirmation<T> = Omit<T, 'confirmNonWorkingDay'> & { confirmNonWorkingDay?: boolean };

/** The office's holidays of a date's year as date → name: national ones and those admins added. */
async function holidayNames(db: Database, date: string): Promise<Map<string, string>> {
  const year = Number(date.slice(0, 4));
  const names = new Map(nationalHolidays(year).map((day) => [day.date, day.name]));
  const added = await db.select({ date: holidays.date, name: holidays.name }).from(holidays).where(eq(holidays.date, date));
  for (const row of added) names.set(row.date, row.name);
  return names;
}

/**
 * A date on a weekend or holiday is refused until the officer ticks the confirmation
 * (the form shows it with the refusal), so a slip of the date picker is caught.
 */
async function assertDayConfirmed(db: Database, date: string, confirmed: boolean | undefined) {
  if (confirmed) return;
  const verdict = scheduleDayCheck(date, await holidayNames(db, date));
  if (!verdict.ok) throw new AppError('summons_non_working_day', { userMessage: verdict.message, field: 'confirmNonWorkingDay' });
}

export type ScheduleSummonsOptions = WithConfirmation<z.infer<typeof scheduleSummonsSchema>>;

export async function scheduleSummons(db: Database, officer: AuthorizedOfficer, options: ScheduleSummonsOptions) {
  const caseRow = await loadCaseFor(db, officer, options.caseNumber);
  if (options.expectedState) assertState(caseRow, [caseRow.state], options.expectedState);
  const next = stateAfterSummons(caseRow.state, options.role);
  if (!next) {
    throw new AppError('summons_not_allowed', {
      userMessage:
        options.role === 'terlapor'
          ? 'Pemanggilan terlapor hanya dapat dilakukan setelah laporan dinyatakan lengkap (Penelaahan atau Klarifikasi).'
          : 'Pemanggilan pelapor atau saksi hanya dapat dilakukan pada tahap Penelaahan atau Klarifikasi Pelapor/Saksi.',
      field: 'role',
    });
  }
  await assertDayConfirmed(db, options.scheduledDate, options.confirmNonWorkingDay);
  const scheduledAt = officeInstant(options.scheduledDate, options.scheduledTime);
  const now = new Date();
  await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(summons)
      .values({
        caseId: caseRow.id,
        role: options.role,
        personName: SEAL_PENDING,
        scheduledAt,
        place: SEAL_PENDING,
        agenda: SEAL_PENDING,
        letterNumber: options.letterNumber ?? null,
        officerId: officer.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: summons.id });
    await sealRow(tx, await loadCaseCipher(tx, caseRow.id), summons, created.id, {
      personName: options.personName,
      place: options.place,
      agenda: options.agenda,
    });
    const publicNote = reporterNote(
      options.role,
      `Anda diundang hadir untuk klarifikasi pada ${formatOfficeDateTimeFull(scheduledAt)} di ${endSentence(options.place)}`,
    );
    if (next !== caseRow.state) {
      assertMove(caseRow, next);
      await moveCase(tx, {
        caseRow,
        to: next,
        officerId: officer.id,
        kind: 'summons_scheduled',
        internalNote: `Pemanggilan ${options.role}: ${options.personName}`,
        publicNote,
        audit: { summonsId: created.id, role: options.role, ...(options.confirmNonWorkingDay ? { nonWorkingDayConfirmed: true } : {}) },
        now,
      });
    } else {
      await recordSummonsEvent(tx, caseRow, officer.id, 'summons_scheduled', created.id, options.role, publicNote, now);
    }
  });
}

async function recordSummonsEvent(
  tx: DbTransaction,
  caseRow: Case,
  officerId: number,
  kind: string,
  summonsId: number,
  role: Role,
  publicNote: string | null,
  now: Date,
  internalNote?: string,
) {
  await recordEvent(tx, { caseId: caseRow.id, kind, officerId, publicNote, internalNote, now });
  await appendAudit(tx, { officerId, action: `case.${kind}`, caseId: caseRow.id, detail: { summonsId, role }, at: now });
  await touchCase(tx, caseRow.id, now);
}

/** Loads a summons of the case that is still scheduled, for outcome, reschedule or cancel. */
async function loadScheduled(db: Database, caseRow: Case, summonsId: number): Promise<Summons> {
  const [row] = await db
    .select()
    .from(summons)
    .where(and(eq(summons.id, summonsId), eq(summons.caseId, caseRow.id)))
    .limit(1);
  if (!row) throw new AppError('summons_not_found', { userMessage: 'Pemanggilan tidak ditemukan pada kasus ini.' });
  if (row.status !== 'scheduled') {
    throw new AppError('summons_closed', { userMessage: 'Pemanggilan ini sudah dicatat, dijadwalkan ulang, atau dibatalkan.' });
  }
  if (isFinal(caseRow.state)) {
    throw new AppError('case_closed', { userMessage: 'Kasus ini sudah selesai; pemanggilan tidak dapat diubah.' });
  }
  return row;
}

/** Guards the status change so the same summons cannot be closed twice at once. */
async function closeSummons(tx: DbTransaction, id: number, set: Partial<Summons>) {
  const done = await tx
    .update(summons)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(summons.id, id), eq(summons.status, 'scheduled')))
    .returning({ id: summons.id });
  if (done.length === 0) {
    throw new AppError('summons_closed', { userMessage: 'Pemanggilan ini sudah dicatat, dijadwalkan ulang, atau dibatalkan.' });
  }
}

export type RecordSummonsOutcomeOptions = z.infer<typeof summonsOutcomeSchema>;

/** `now` is injectable so tests can stand after the meeting; pages never pass it. */
export async function recordSummonsOutcome(
  db: Database,
  officer: AuthorizedOfficer,
  options: RecordSummonsOutcomeOptions,
  now: Date = new Date(),
) {
  const caseRow = await loadCaseFor(db, officer, options.caseNumber);
  const row = await loadScheduled(db, caseRow, options.summonsId);
  const held = attendanceCheck(row.scheduledAt, now);
  if (!held.ok) throw new AppError('summons_not_yet_held', { userMessage: held.message });
  const status = options.attended === 'yes' ? 'attended' : 'not_attended';
  await db.transaction(async (tx) => {
    const cipher = await loadCaseCipher(tx, caseRow.id);
    await closeSummons(tx, row.id, { status, minutes: cipher.seal(summons.minutes, row.id, options.minutes) });
    await recordSummonsEvent(tx, caseRow, officer.id, `summons_${status}`, row.id, row.role, null, now);
  });
}

export type RescheduleSummonsOptions = WithConfirmation<z.infer<typeof rescheduleSummonsSchema>>;

export async function rescheduleSummons(db: Database, officer: AuthorizedOfficer, options: RescheduleSummonsOptions) {
  const caseRow = await loadCaseFor(db, officer, options.caseNumber);
  const row = await loadScheduled(db, caseRow, options.summonsId);
  await assertDayConfirmed(db, options.scheduledDate, options.confirmNonWorkingDay);
  const scheduledAt = officeInstant(options.scheduledDate, options.scheduledTime);
  const now = new Date();
  await db.transaction(async (tx) => {
    const cipher = await loadCaseCipher(tx, caseRow.id);
    await closeSummons(tx, row.id, { status: 'rescheduled', statusReason: cipher.seal(summons.statusReason, row.id, options.reason) });
    const [created] = await tx
      .insert(summons)
      .values({
        caseId: caseRow.id,
        role: row.role,
        personName: SEAL_PENDING,
        scheduledAt,
        place: SEAL_PENDING,
        agenda: SEAL_PENDING,
        letterNumber: row.letterNumber,
        replacesId: row.id,
        officerId: officer.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: summons.id });
    // The name moves to the new row: opened from the old row's binding, sealed to the new one.
    await sealRow(tx, cipher, summons, created.id, {
      personName: cipher.open(summons.personName, row.id, row.personName),
      place: options.place,
      agenda: options.agenda,
    });
    const publicNote = reporterNote(
      row.role,
      `Jadwal klarifikasi Anda diubah menjadi ${formatOfficeDateTimeFull(scheduledAt)} di ${endSentence(options.place)}`,
    );
    await recordSummonsEvent(tx, caseRow, officer.id, 'summons_rescheduled', created.id, row.role, publicNote, now, options.reason);
  });
}

export type CancelSummonsOptions = z.infer<typeof cancelSummonsSchema>;

export async function cancelSummons(db: Database, officer: AuthorizedOfficer, options: CancelSummonsOptions) {
  const caseRow = await loadCaseFor(db, officer, options.caseNumber);
  const row = await loadScheduled(db, caseRow, options.summonsId);
  const now = new Date();
  await db.transaction(async (tx) => {
    const cipher = await loadCaseCipher(tx, caseRow.id);
    await closeSummons(tx, row.id, { status: 'cancelled', statusReason: cipher.seal(summons.statusReason, row.id, options.reason) });
    const publicNote = reporterNote(row.role, 'Undangan klarifikasi untuk Anda dibatalkan.');
    await recordSummonsEvent(tx, caseRow, officer.id, 'summons_cancelled', row.id, row.role, publicNote, now, options.reason);
  });
}
