/**
 * The shared visit contract (visitRules.ts) pulls in the TypeBox validator,
 * about 40 KB gzipped: too heavy for the tablet's first load. It is loaded on
 * first use (and warmed up once the first screen is shown), then cached; the
 * service worker precaches the chunk, so this works offline too.
 */
import type { checkVisit } from '../../shared/visitRules.ts';

let loading: Promise<typeof checkVisit> | null = null;

export function loadVisitRules(): Promise<typeof checkVisit> {
  loading ??= import('../../shared/visitRules.ts').then((module) => module.checkVisit);
  return loading;
}
