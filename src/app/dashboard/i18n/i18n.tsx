/**
 * The dashboard's language: its own dictionary (loaded with the dashboard,
 * never with the tablet), taxonomy labels, and dates and numbers in the
 * coordinator's locale through date-fns and Intl.
 */
import { format, formatDistance, type Locale } from 'date-fns';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type Lang, labelOf, type Term } from '../../../shared/taxonomy.ts';
import { loadDateLocale, nlBE } from '../../ui/i18n/dateLocale.ts';
import { type DashboardDictionary, type DashboardKey, nl } from './nl.ts';

export type Params = Readonly<Record<string, string | number>>;

export interface DashboardI18n {
  lang: Lang;
  locale: Locale;
  t(key: DashboardKey, params?: Params): string;
  term(terms: readonly Term[], code: string): string;
  /** A local date (YYYY-MM-DD) as "22 nov. 2026". */
  date(date: string): string;
  /** A date with a date-fns pattern, e.g. 'LLLL yyyy' for "november 2026". */
  formatDate(date: string | number, pattern: string): string;
  /** An instant (RFC 3339) as "22 nov. 2026 09:14". */
  dateTime(instant: string): string;
  /** "3 hours ago", from `nowMs`. */
  ago(instant: string, nowMs: number): string;
  number(value: number): string;
  /** 0.123 → "12 %" */
  percent(share: number): string;
  /** The name of ISO weekday 1–7 (Monday first). */
  weekday(isoWeekday: number, width?: 'wide' | 'short'): string;
}

const NUMBER_LOCALE: Record<Lang, string> = { nl: 'nl-BE', en: 'en-GB', fr: 'fr-BE' };

/** A local date read as midday, so no time zone moves it to another day. */
const atNoon = (date: string): Date => new Date(`${date}T12:00:00`);

export function makeDashboardI18n(lang: Lang, words: DashboardDictionary, locale: Locale): DashboardI18n {
  const numbers = new Intl.NumberFormat(NUMBER_LOCALE[lang]);
  const percents = new Intl.NumberFormat(NUMBER_LOCALE[lang], { style: 'percent', maximumFractionDigits: 0 });
  const formatDate = (date: string | number, pattern: string) =>
    format(typeof date === 'string' && date.length === 10 ? atNoon(date) : new Date(date), pattern, { locale });
  return {
    lang,
    locale,
    t: (key, params = {}) =>
      (words[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)),
    term: (terms, code) => labelOf(terms, code, lang),
    date: (date) => formatDate(date, 'd MMM yyyy'),
    formatDate,
    dateTime: (instant) => formatDate(instant, 'd MMM yyyy HH:mm'),
    ago: (instant, nowMs) => formatDistance(new Date(instant), new Date(nowMs), { addSuffix: true, locale }),
    number: (value) => numbers.format(value),
    percent: (share) => percents.format(share),
    // 2024-01-01 was a Monday: day n of that week has ISO weekday n.
    weekday: (isoWeekday, width = 'wide') =>
      format(new Date(2024, 0, isoWeekday, 12), width === 'wide' ? 'EEEE' : 'EEEEEE', { locale }),
  };
}

export const dutch: DashboardI18n = makeDashboardI18n('nl', nl, nlBE);

async function loadWords(lang: Lang): Promise<DashboardDictionary> {
  if (lang === 'en') return (await import('./en.ts')).en;
  if (lang === 'fr') return (await import('./fr.ts')).fr;
  return nl;
}

export async function loadDashboardI18n(lang: Lang): Promise<DashboardI18n> {
  const [words, locale] = await Promise.all([loadWords(lang), loadDateLocale(lang)]);
  return makeDashboardI18n(lang, words, locale);
}

const I18nContext = createContext<DashboardI18n>(dutch);
export const DashboardI18nProvider = I18nContext.Provider;
export const useDashboardI18n = (): DashboardI18n => useContext(I18nContext);
