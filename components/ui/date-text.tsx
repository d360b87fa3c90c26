import { formatOfficeDate, formatOfficeDateTime, formatOfficeDateTimeFull, OFFICE_TIME_ZONE_LABEL } from '@/lib/office-time';

export type DateFormat = 'date' | 'short' | 'weekday' | 'dateTime' | 'dateTimeSeconds' | 'full';

const FORMATS: Record<DateFormat, (at: Date) => string> = {
  date: (at) => formatOfficeDate(at), // 3 Desember 2026
  short: (at) => formatOfficeDate(at, 'medium'), // 3 Des 2026
  weekday: (at) => formatOfficeDate(at, 'weekday'), // Kamis, 3 Desember 2026
  dateTime: (at) => formatOfficeDateTime(at), // 3 Des 2026, 09.05
  dateTimeSeconds: (at) => formatOfficeDateTime(at, { seconds: true }), // 3 Des 2026, 09.05.09
  full: (at) => formatOfficeDateTimeFull(at), // Kamis, 3 Desember 2026 pukul 09.05 WITA
};

/**
 * A moment as the office reads it (WITA, whatever the server's zone), in a `<time>`
 * element that machines can read too. Every page shows dates through this component,
 * so a date looks the same on each. `zone` adds "WITA" after a time where no column
 * heading says it already (`full` always has it).
 */
export function DateText({ at, format = 'date', zone = false }: { at: Date; format?: DateFormat; zone?: boolean }) {
  const withZone = zone && (format === 'dateTime' || format === 'dateTimeSeconds');
  return (
    <time dateTime={at.toISOString()}>
      {FORMATS[format](at)}
      {withZone ? ` ${OFFICE_TIME_ZONE_LABEL}` : null}
    </time>
  );
}
