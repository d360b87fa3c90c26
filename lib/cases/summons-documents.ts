import { appUrl } from '@/lib/env';
import { and, eq } from 'drizzle-orm';
import { createEvent, type EventAttributes } from 'ics';
import { appendAudit } from '@/lib/audit/log';
import type { AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { cases, summons, type Summons } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { getSettings, type OfficeSettings } from '@/lib/settings';
import { isCaseNumber } from './case-number';
import { SUMMONS_ROLE_LABELS } from './officer-schemas';
import { parseId } from './evidence-download';
import { OFFICE_TIME_ZONE, OFFICE_TIME_ZONE_LABEL } from '@/lib/office-time';
import { loadCaseCipher } from './case-crypto';
import { assertCaseAccess } from './assignment';

/**
 * What an officer takes away for a summons: an .ics calendar file and a printable
 * summons letter. Both are built from the summons row alone (role, time, place, agenda,
 * addressee) — never from the report, and never naming the reporter: the calendar file
 * carries no person at all, and the letter names only the person it is addressed to.
 */

/** Default length of a summons in the calendar. */
export const SUMMONS_DURATION_MINUTES = 60;
/** Printed when the summons has no letter number yet, for the secretariat to fill in by hand. */
export const LETTER_NUMBER_BLANK = '……/……/……';

type SummonsRole = Summons['role'];
type SummonsStatus = Summons['status'];

export type SummonsCalendarInput = {
  summonsId: number;
  caseNumber: string;
  role: SummonsRole;
  scheduledAt: Date;
  place: string;
  agenda: string;
  status?: SummonsStatus;
  durationMinutes?: number;
  /** DTSTAMP; defaults to now. */
  now?: Date;
};

/** The calendar title: role and case number only, no name. */
export function summonsTitle(role: SummonsRole, caseNumber: string): string {
  return `Pemanggilan ${SUMMONS_ROLE_LABELS[role]} — Kasus ${caseNumber}`;
}

/** `panggilan-2026-0001-7.ics` */
export function calendarFileName(caseNumber: string, summonsId: number): string {
  return `panggilan-${caseNumber.replace(/[^0-9A-Za-z-]/g, '')}-${summonsId}.ics`;
}

/**
 * The .ics text (RFC 5545, CRLF lines) for one summons. The start is an instant (stored
 * from a WITA date and time) written in UTC, so every calendar shows it at the right
 * local hour: 09:00 WITA becomes DTSTART:…T010000Z. A cancelled or replaced summons is
 * marked CANCELLED so an imported copy can be recognised as void. The UID is stable per
 * summons, so importing the file twice updates rather than duplicates the event.
 */
export function summonsCalendar(input: SummonsCalendarInput): string {
  const attributes: EventAttributes & { timestamp: number } = {
    uid: `wbs-panggilan-${input.caseNumber}-${input.summonsId}`,
    productId: '-//WBS Whistleblowing System//Panggilan//ID',
    method: 'PUBLISH',
    title: summonsTitle(input.role, input.caseNumber),
    location: input.place,
    description: input.agenda,
    start: input.scheduledAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    // An explicit end rather than DURATION: every calendar reads DTEND the same way.
    end: input.scheduledAt.getTime() + (input.durationMinutes ?? SUMMONS_DURATION_MINUTES) * 60_000,
    endInputType: 'utc',
    endOutputType: 'utc',
    status: input.status === 'cancelled' || input.status === 'rescheduled' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
    classification: 'CONFIDENTIAL',
    timestamp: (input.now ?? new Date()).getTime(),
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error('ics: empty calendar');
  return value;
}

const dayFormat = new Intl.DateTimeFormat('id-ID', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: OFFICE_TIME_ZONE,
});
const dateFormat = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: OFFICE_TIME_ZONE,
});
const timeFormat = new Intl.DateTimeFormat('id-ID', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: OFFICE_TIME_ZONE,
});

/** "Rabu, 10 Juni 2026" (office time). */
export function formatLetterDay(date: Date): string {
  return dayFormat.format(date);
}

/** "10 Juni 2026" (office time). */
export function formatLetterDate(date: Date): string {
  return dateFormat.format(date);
}

/** "09.00 WITA". */
export function formatLetterTime(date: Date): string {
  return `${timeFormat.format(date)} ${OFFICE_TIME_ZONE_LABEL}`;
}

type SummonsOfCase = Summons & { caseNumber: string };

function summonsNotFound(): AppError {
  return new AppError('summons_not_found', { userMessage: 'Pemanggilan tidak ditemukan pada kasus ini.' });
}

/** A summons of the named case; another case's summons is "not found". */
async function loadSummonsOfCase(db: Database, officer: AuthorizedOfficer, caseNumber: string, summonsId: string | number): Promise<SummonsOfCase> {
  const id = typeof summonsId === 'number' ? summonsId : parseId(summonsId);
  if (id === null || !Number.isSafeInteger(id) || id <= 0 || !isCaseNumber(caseNumber)) throw summonsNotFound();
  const [row] = await db
    .select({ summons, caseNumber: cases.caseNumber })
    .from(summons)
    .innerJoin(cases, eq(cases.id, summons.caseId))
    .where(and(eq(summons.id, id), eq(cases.caseNumber, caseNumber)))
    .limit(1);
  if (!row) throw summonsNotFound();
  await assertCaseAccess(db, officer, row.summons.caseId);
  const cipher = await loadCaseCipher(db, row.summons.caseId);
  const rowId = row.summons.id;
  return {
    ...row.summons,
    personName: cipher.open(summons.personName, rowId, row.summons.personName),
    place: cipher.open(summons.place, rowId, row.summons.place),
    agenda: cipher.open(summons.agenda, rowId, row.summons.agenda),
    minutes: cipher.open(summons.minutes, rowId, row.summons.minutes),
    statusReason: cipher.open(summons.statusReason, rowId, row.summons.statusReason),
    caseNumber: row.caseNumber,
  };
}

/**
 * The .ics file of a summons for an officer; the download is audited
 * (`summons.ics_download`, { summonsId }). Throws AppError 'unauthorized' / 'forbidden' /
 * 'summons_not_found'.
 */
export async function loadSummonsCalendar(
  db: Database,
  officer: AuthorizedOfficer,
  caseNumber: string,
  summonsId: string | number,
  now: Date = new Date(),
): Promise<{ fileName: string; text: string }> {
  const row = await loadSummonsOfCase(db, officer, caseNumber, summonsId);
  const text = summonsCalendar({
    summonsId: row.id,
    caseNumber: row.caseNumber,
    role: row.role,
    scheduledAt: row.scheduledAt,
    place: row.place,
    agenda: row.agenda,
    status: row.status,
    now,
  });
  await appendAudit(db, {
    officerId: officer.id,
    action: 'summons.ics_download',
    caseId: row.caseId,
    detail: { summonsId: row.id },
  });
  return { fileName: calendarFileName(row.caseNumber, row.id), text };
}

export type SummonsLetter = {
  summonsId: number;
  caseNumber: string;
  /** For the officer's screen only; the letter itself does not say in what role. */
  roleLabel: string;
  status: SummonsStatus;
  letterNumber: string;
  addressee: string;
  day: string;
  time: string;
  place: string;
  agenda: string;
  letterPlace: string;
  letterDate: string;
  office: Pick<OfficeSettings, 'officeName' | 'parentOrganisation' | 'officeAddress' | 'officePhone' | 'officeEmail'>;
  /**
   * For a summons of the reporter: the /status address where they confirm, decline, ask
   * for another time or answer in writing with their ticket, never by phone (which would
   * cost an anonymous reporter their anonymity). Null for witnesses and the reported party.
   */
  respondAt: string | null;
};

/**
 * Everything the printable letter shows, for an officer; each view is audited
 * (`summons.letter_view`, { summonsId }). Nothing from the report or the reporter's
 * identity is read. Throws AppError 'unauthorized' / 'forbidden' / 'summons_not_found'.
 */
export async function loadSummonsLetter(
  db: Database,
  officer: AuthorizedOfficer,
  caseNumber: string,
  summonsId: string | number,
  now: Date = new Date(),
): Promise<SummonsLetter> {
  const row = await loadSummonsOfCase(db, officer, caseNumber, summonsId);
  const settings = await getSettings(db);
  await appendAudit(db, {
    officerId: officer.id,
    action: 'summons.letter_view',
    caseId: row.caseId,
    detail: { summonsId: row.id },
  });
  return {
    summonsId: row.id,
    caseNumber: row.caseNumber,
    roleLabel: SUMMONS_ROLE_LABELS[row.role],
    status: row.status,
    letterNumber: row.letterNumber?.trim() || LETTER_NUMBER_BLANK,
    addressee: row.personName,
    day: formatLetterDay(row.scheduledAt),
    time: formatLetterTime(row.scheduledAt),
    place: row.place,
    agenda: row.agenda,
    letterPlace: settings.letterPlace,
    letterDate: formatLetterDate(now),
    office: {
      officeName: settings.officeName,
      parentOrganisation: settings.parentOrganisation,
      officeAddress: settings.officeAddress,
      officePhone: settings.officePhone,
      officeEmail: settings.officeEmail,
    },
    respondAt: row.role === 'pelapor' ? `${appUrl()}/status` : null,
  };
}
