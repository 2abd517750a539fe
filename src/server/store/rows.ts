/** Small conversions between database rows and wire values, the same on PGlite and pg. */

/** A timestamptz as RFC 3339 (UTC, `Z`), or null. */
export function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return date.toISOString();
}

/** A timestamptz that is never null. */
export const isoRequired = (value: unknown): string => iso(value) ?? '';
