/**
 * The words a person sees, taken from the app's own dictionaries, so the
 * browser tests find buttons by what they say in Dutch or English.
 */
import { en } from '../../../src/shared/i18n/en.ts';
import { fr } from '../../../src/shared/i18n/fr.ts';
import { nlMore } from '../../../src/shared/i18n/nlMore.ts';
import { type Dictionary, type MessageKey, nl, type Params, translate } from '../../../src/shared/i18n/translate.ts';
import { type Lang, labelOf, type Term } from '../../../src/shared/taxonomy.ts';

const DICTIONARIES: Record<Lang, Dictionary> = { nl: { ...nl, ...nlMore }, en, fr };

export interface Words {
  lang: Lang;
  t: (key: MessageKey, params?: Params) => string;
  term: (terms: readonly Term[], code: string) => string;
}

export function wordsFor(lang: Lang): Words {
  return {
    lang,
    t: (key, params) => translate(DICTIONARIES[lang], key, params),
    term: (terms, code) => labelOf(terms, code, lang),
  };
}

/** An exact, whole-text match for getByRole/getByText names. */
export const exactly = (text: string): RegExp => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
