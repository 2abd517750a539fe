/**
 * Times on the wire are RFC 3339 with the local offset
 * (`2026-11-22T09:14:03.120+01:00`, sync-protocol.md), so a back-dated or
 * late-synced visit keeps the wall-clock time the host saw.
 */

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * The instant `ms` as RFC 3339 with milliseconds and an offset.
 * `offsetMinutes` is east of UTC (+60 in Brussels in winter); by default the
 * offset the running system has at that instant.
 */
export function toLocalTimestamp(ms: number, offsetMinutes: number = -new Date(ms).getTimezoneOffset()): string {
  const shifted = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
    `T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}` +
    `.${pad(shifted.getUTCMilliseconds(), 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
