/**
 * Local date and hour in Europe/Brussels, where every statistic is read
 * (sync-protocol.md). Computed in TypeScript with Intl so roll-ups can be
 * summed up before they reach the database; tests check that PostgreSQL's
 * `AT TIME ZONE 'Europe/Brussels'` agrees, DST days included.
 */

export const STATS_TIME_ZONE = 'Europe/Brussels';

export interface LocalTime {
  /** YYYY-MM-DD */
  day: string;
  /** 0–23 */
  hour: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: number;
}

const HOUR_MS = 3_600_000;
const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: STATS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

// Brussels changes its offset only on the hour, so one offset serves a whole UTC hour.
// Intl is slow next to a Map lookup, and ingest computes this for every visit.
const offsetByUtcHour = new Map<number, number>();
const MAX_CACHED_HOURS = 200_000;

function offsetMsAt(ms: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

function offsetMs(ms: number): number {
  const utcHour = Math.floor(ms / HOUR_MS);
  let offset = offsetByUtcHour.get(utcHour);
  if (offset === undefined) {
    offset = offsetMsAt(utcHour * HOUR_MS);
    if (offsetByUtcHour.size >= MAX_CACHED_HOURS) offsetByUtcHour.clear();
    offsetByUtcHour.set(utcHour, offset);
  }
  return offset;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** The Brussels wall-clock day, hour and weekday of an instant (Unix milliseconds). */
export function brusselsTime(ms: number): LocalTime {
  const local = new Date(ms + offsetMs(ms));
  const year = local.getUTCFullYear();
  return {
    day: `${String(year).padStart(4, '0')}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    hour: local.getUTCHours(),
    weekday: ((local.getUTCDay() + 6) % 7) + 1,
  };
}

/** Minutes east of UTC in Brussels at an instant: 60 in winter, 120 in summer. */
export const brusselsOffsetMinutes = (ms: number): number => offsetMs(ms) / 60_000;

/** The instant (Unix ms) of a Brussels wall-clock time; for times outside the night of a DST change. */
export function brusselsInstant(day: string, hour: number, minute: number, second = 0): number {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  const asUtc = Date.UTC(year, month - 1, date, hour, minute, second);
  // The offset of two hours earlier is the right one except between 01:00 and 04:00 on a DST night.
  return asUtc - offsetMs(asUtc - 2 * HOUR_MS);
}

/** The first day (YYYY-MM-01) of the month a YYYY-MM-DD day lies in. */
export const monthOf = (day: string): string => `${day.slice(0, 7)}-01`;
