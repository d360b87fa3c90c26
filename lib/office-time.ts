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

const dateFormats = {
  long: new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: OFFICE_TIME_ZONE }),
  medium: new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeZone: OFFICE_TIME_ZONE }),
};
const dateTimeFormat = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: OFFICE_TIME_ZONE });
const fullDateTimeFormat = new Intl.DateTimeFormat('id-ID', { dateStyle: 'full', timeStyle: 'short', timeZone: OFFICE_TIME_ZONE });

/** "2 Maret 2026" (long) or "2 Mar 2026" (medium), in office time. */
export function formatOfficeDate(date: Date, style: keyof typeof dateFormats = 'long'): string {
  return dateFormats[style].format(date);
}

/** "2 Mar 2026, 09.00" in office time (tables, lists). */
export function formatOfficeDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

/** "Senin, 2 Maret 2026 pukul 09.00 WITA" (what a reporter or a letter reads). */
export function formatOfficeDateTimeFull(date: Date): string {
  return `${fullDateTimeFormat.format(date)} ${OFFICE_TIME_ZONE_LABEL}`;
}

/** The hour of the day (0–23) in office time. */
export function officeHour(date: Date): number {
  return Number(new Intl.DateTimeFormat('en', { hour: 'numeric', hourCycle: 'h23', timeZone: OFFICE_TIME_ZONE }).format(date));
}

/** The calendar year in office time (case numbers, holiday lists). */
export function officeYear(date: Date): number {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: OFFICE_TIME_ZONE }).format(date));
}
