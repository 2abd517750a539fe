/** The coordinator's language: the one chosen before on this browser, else the browser's, else Dutch. */
import { LANGS, type Lang } from '../../shared/taxonomy.ts';

export const LANGUAGE_KEY = 'digibank.dashboard.lang';

export function chooseLanguage(stored: string | null, preferred: readonly string[]): Lang {
  if (stored && (LANGS as readonly string[]).includes(stored)) return stored as Lang;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if ((LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return 'nl';
}
