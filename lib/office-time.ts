/**
 * The office's clock, in one place. Biro Umum Setda Provinsi NTT keeps WITA (UTC+8,
 * no daylight saving), so a fixed offset is exact; an office elsewhere changes these
 * constants and nothing else.
 */
export const OFFICE_TIME_ZONE = 'Asia/Makassar';
export const OFFICE_TIME_ZONE_LABEL = 'WITA';
export const OFFICE_UTC_OFFSET = '+08:00';
export const OFFICE_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The instant of a date and time typed in office time ('2026-03-02', '09:00'). */
export function officeInstant(date: string, time = '00:00'): Date {
  return new Date(`${date}T${time}:00${OFFICE_UTC_OFFSET}`);
}

// Explicit parts rather than dateStyle: id-ID's 'full' style pads the day ("Kamis, 03
// Desember") where 'long' does not ("3 Desember"); every date the app shows uses these.
const office = { timeZone: OFFICE_TIME_ZONE } as const;
const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
const dateFormats = {
  long: new Intl.DateTimeFormat('id-ID', { ...office, day: 'numeric', month: 'long', year: 'numeric' }),
  medium: new Intl.DateTimeFormat('id-ID', { ...office, day: 'numeric', month: 'short', year: 'numeric' }),
  weekday: new Intl.DateTimeFormat('id-ID', { ...office, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
};
const dateTimeFormat = new Intl.DateTimeFormat('id-ID', { ...office, day: 'numeric', month: 'short', year: 'numeric', ...time });
const dateTimeSecondsFormat = new Intl.DateTimeFormat('id-ID', { ...office, day: 'numeric', month: 'short', year: 'numeric', ...time, second: '2-digit' });
const fullDateTimeFormat = new Intl.DateTimeFormat('id-ID', { ...office, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', ...time });

/** "3 Desember 2026" (long), "3 Des 2026" (medium) or "Kamis, 3 Desember 2026" (weekday), in office time. */
export function formatOfficeDate(date: Date, style: keyof typeof dateFormats = 'long'): string {
  return dateFormats[style].format(date);
}

/** "3 Des 2026, 09.05" in office time (tables, lists); with seconds "3 Des 2026, 09.05.09" (the audit log). */
export function formatOfficeDateTime(date: Date, options: { seconds?: boolean } = {}): string {
  return (options.seconds ? dateTimeSecondsFormat : dateTimeFormat).format(date);
}

/** "Kamis, 3 Desember 2026 pukul 09.05 WITA" (what a reporter or a letter reads). */
export function formatOfficeDateTimeFull(date: Date): string {
  return `${fullDateTimeFormat.format(date)} ${OFFICE_TIME_ZONE_LABEL}`;
}

/** "Kamis, 3 Desember 2026" for a calendar date typed as 'YYYY-MM-DD' (holidays). */
export function formatCalendarDate(date: string): string {
  // Noon office time: the same calendar day in every zone the server might run in.
  return dateFormats.weekday.format(officeInstant(date, '12:00'));
}

/** The hour of the day (0–23) in office time. */
export function officeHour(date: Date): number {
  return Number(new Intl.DateTimeFormat('en', { hour: 'numeric', hourCycle: 'h23', timeZone: OFFICE_TIME_ZONE }).format(date));
}

/** The calendar year in office time (case numbers, holiday lists). */
export function officeYear(date: Date): number {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: OFFICE_TIME_ZONE }).format(date));
}
