/**
 * The person's language for every label, date and number on screen. Screens
 * call useI18n(); switching language loads that dictionary and date locale
 * first, then re-renders everything at once.
 */
import { format, type Locale } from 'date-fns';
import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import {
  type CoreDictionary,
  type Dictionary,
  loadDictionary,
  type MessageKey,
  nl,
  type Params,
  translate,
} from '../../../shared/i18n/translate.ts';
import { type Lang, labelOf, type Term } from '../../../shared/taxonomy.ts';
import { loadDateLocale, nlBE } from './dateLocale.ts';

export interface I18n {
  lang: Lang;
  /** False while only the everyday words are loaded (the first load); screens beyond those wait for true. */
  complete: boolean;
  t: (key: MessageKey, params?: Params) => string;
  /** Whether a key built at run time (field names, error codes) has a message. */
  has: (key: string) => key is MessageKey;
  /** The label of a taxonomy code in this language. */
  term: (terms: readonly Term[], code: string) => string;
  /** "zondag 22 november" */
  day: (ms: number) => string;
  /** "09:14" */
  time: (ms: number) => string;
  /** "zondag 22 november 09:14" (written out: abbreviated Dutch day names read oddly) */
  dayTime: (ms: number) => string;
}

export function makeI18n(lang: Lang, dictionary: Dictionary | CoreDictionary, locale: Locale, complete = true): I18n {
  const words: Partial<Dictionary> = dictionary;
  return {
    lang,
    complete,
    t: (key, params) => translate(words, key, params),
    has: (key): key is MessageKey => key in words,
    term: (terms, code) => labelOf(terms, code, lang),
    day: (ms) => format(ms, 'EEEE d MMMM', { locale }),
    time: (ms) => format(ms, 'HH:mm', { locale }),
    dayTime: (ms) => format(ms, 'EEEE d MMMM HH:mm', { locale }),
  };
}

/** What the first screen can say before anything else has loaded. */
export const everydayDutch: I18n = makeI18n('nl', nl, nlBE, false);

const loaded = new Map<Lang, Promise<I18n>>();

/** The words and date formats of a language, loaded once. */
export function loadI18n(lang: Lang): Promise<I18n> {
  let i18n = loaded.get(lang);
  if (!i18n) {
    i18n = Promise.all([loadDictionary(lang), loadDateLocale(lang)]).then(([dictionary, locale]) =>
      makeI18n(lang, dictionary, locale),
    );
    i18n.catch(() => loaded.delete(lang));
    loaded.set(lang, i18n);
  }
  return i18n;
}

const I18nContext = createContext<I18n>(everydayDutch);

export function I18nProvider(props: { value: I18n; children: ComponentChildren }) {
  return <I18nContext.Provider value={props.value}>{props.children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
