/**
 * The personal-data guard for the free-text note. A note may say what was
 * done ("printer driver reinstalled"), never who it was done for: no e-mail
 * address, phone number, Belgian national register number or IBAN.
 * The tablet runs it while the host types; the server runs it on every visit.
 */

export type PiiKind = 'email' | 'phone' | 'national-number' | 'iban';

const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
// IBAN: two letters, two check digits, then 11–30 alphanumerics, spaces allowed in groups of four.
const IBAN = /\b[a-z]{2}\d{2}(?:[ ]?[a-z0-9]){11,30}\b/i;
// Belgian national register number: YY.MM.DD-XXX.CC, with or without separators.
const NATIONAL_NUMBER = /\b\d{2}[.\s-]?\d{2}[.\s-]?\d{2}[.\s-]?\d{3}[.\s-]?\d{2}\b/;
// Phone: +32 / 0032 / 0 followed by 8–9 digits, with common separators; or any 9+ digit run.
const PHONE = /(?:\+|00)\d{1,3}[\s./-]?\(?\d{1,4}\)?(?:[\s./-]?\d{2,4}){2,4}|\b0\d{1,3}(?:[\s./-]?\d{2,3}){3,4}\b|\d{9,}/;

function ibanChecksumOk(candidate: string): boolean {
  const iban = candidate.replace(/\s+/g, '').toUpperCase();
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** Which kind of personal data the text seems to hold, or null when none. */
export function findPersonalData(text: string): PiiKind | null {
  if (EMAIL.test(text)) return 'email';
  const iban = IBAN.exec(text);
  if (iban && ibanChecksumOk(iban[0])) return 'iban';
  if (NATIONAL_NUMBER.test(text)) return 'national-number';
  if (PHONE.test(text)) return 'phone';
  return null;
}
