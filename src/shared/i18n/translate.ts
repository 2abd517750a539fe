/**
 * Interface text. Dutch is the source: the words of the everyday screens
 * (nl.ts) ship in the first load, the rest (nlMore.ts) and the English and
 * French dictionaries are separate chunks loaded when needed.
 * Taxonomy labels live in taxonomy.ts; this holds everything else.
 */
import type { Lang } from '../taxonomy.ts';
import { nl } from './nl.ts';
import type { nlMore } from './nlMore.ts';

export type MessageKey = keyof typeof nl | keyof typeof nlMore;
export type Dictionary = Readonly<Record<MessageKey, string>>;
/** The words of the everyday screens only: what the first load carries. */
export type CoreDictionary = Readonly<Record<keyof typeof nl, string>>;
export type Params = Readonly<Record<string, string | number>>;

/** Every word of a language. */
export async function loadDictionary(lang: Lang): Promise<Dictionary> {
  if (lang === 'en') return (await import('./en.ts')).en;
  if (lang === 'fr') return (await import('./fr.ts')).fr;
  return { ...nl, ...(await import('./nlMore.ts')).nlMore };
}

/**
 * The message with `{name}` placeholders filled. A key missing from a
 * partial dictionary shows as itself, never as a blank or a crash.
 */
export function translate(dictionary: Partial<Dictionary>, key: MessageKey, params: Params = {}): string {
  return (dictionary[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export { nl };
