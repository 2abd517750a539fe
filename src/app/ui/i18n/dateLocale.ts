/** date-fns locales: Belgian Dutch ships in the first load, English and French load when chosen. */
import type { Locale } from 'date-fns';
import { nlBE } from 'date-fns/locale/nl-BE';
import type { Lang } from '../../../shared/taxonomy.ts';

export async function loadDateLocale(lang: Lang): Promise<Locale> {
  if (lang === 'en') return (await import('date-fns/locale/en-GB')).enGB;
  // date-fns has no fr-BE; Belgian French writes dates as France does.
  if (lang === 'fr') return (await import('date-fns/locale/fr')).fr;
  return nlBE;
}

export { nlBE };
