/**
 * CSV as spreadsheets in Belgium open it: UTF-8 with a byte-order mark, `;`
 * between fields, CRLF between records, and RFC 4180 quoting (a field holding
 * `;`, `"`, CR or LF is wrapped in quotes, its quotes doubled).
 */

export const CSV_BOM = '\uFEFF';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[;"\r\n]/;
// A cell starting with one of these is run as a formula by spreadsheets.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Free text typed by a person (a point's name): kept from being read as a formula. */
export function csvText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export const csvRecord = (values: readonly CsvValue[]): string => `${values.map(csvField).join(';')}\r\n`;
