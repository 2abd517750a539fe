/**
 * The sync texts in Dutch, English and French, in the same `{name}` form as
 * src/shared/i18n; kept here until they join those dictionaries.
 */
import type { Lang } from '../../../shared/taxonomy.ts';

const nl = {
  'sync.region': 'Synchronisatie met de stad',
  'sync.allSynced': 'Alles gesynchroniseerd · laatst {time}',
  'sync.nothingYet': 'Nog niets te synchroniseren',
  'sync.waiting.one': '1 bezoek wacht op het netwerk',
  'sync.waiting.other': '{count} bezoeken wachten op het netwerk',
  'sync.progress': 'Bezig met synchroniseren: {done} van {total}',
  'sync.attention': 'Aandacht nodig ({count})',
  'sync.pairAgain': 'Opnieuw koppelen',
  'sync.now': 'Nu synchroniseren',
  'sync.nowStarted': 'De tablet probeert het nu.',
  'sync.save': 'Niet-gesynchroniseerde bezoeken bewaren in een bestand',
  'sync.saveHint': 'Alleen als de tablet de stad niet meer bereikt: geef het bestand aan de coördinator.',
  'sync.saved.one': 'Bestand bewaard met 1 bezoek.',
  'sync.saved.other': 'Bestand bewaard met {count} bezoeken.',
  'sync.savedNone': 'Alle bezoeken zijn al bij de stad. Er is niets te bewaren.',
  'sync.saveUnpaired': 'Deze tablet is nog niet gekoppeld.',
  'sync.saveFailed': 'Het bestand kon niet bewaard worden. Probeer het opnieuw.',
} as const;

export type SyncTextKey = keyof typeof nl;
type SyncTexts = Readonly<Record<SyncTextKey, string>>;

const en: SyncTexts = {
  'sync.region': 'Sync with the city',
  'sync.allSynced': 'All synced · last {time}',
  'sync.nothingYet': 'Nothing to sync yet',
  'sync.waiting.one': '1 visit waiting for the network',
  'sync.waiting.other': '{count} visits waiting for the network',
  'sync.progress': 'Syncing {done} of {total}',
  'sync.attention': 'Needs attention ({count})',
  'sync.pairAgain': 'Pair again',
  'sync.now': 'Sync now',
  'sync.nowStarted': 'The tablet is trying now.',
  'sync.save': 'Save unsynced visits to a file',
  'sync.saveHint': 'Only when the tablet can no longer reach the city: give the file to the coordinator.',
  'sync.saved.one': 'File saved with 1 visit.',
  'sync.saved.other': 'File saved with {count} visits.',
  'sync.savedNone': 'Every visit has reached the city. There is nothing to save.',
  'sync.saveUnpaired': 'This tablet has not been paired yet.',
  'sync.saveFailed': 'The file could not be saved. Please try again.',
};

const fr: SyncTexts = {
  'sync.region': 'Synchronisation avec la ville',
  'sync.allSynced': 'Tout est synchronisé · dernière fois {time}',
  'sync.nothingYet': 'Rien à synchroniser pour l’instant',
  'sync.waiting.one': '1 visite attend le réseau',
  'sync.waiting.other': '{count} visites attendent le réseau',
  'sync.progress': 'Synchronisation : {done} sur {total}',
  'sync.attention': 'À vérifier ({count})',
  'sync.pairAgain': 'Associer à nouveau',
  'sync.now': 'Synchroniser maintenant',
  'sync.nowStarted': 'La tablette essaie maintenant.',
  'sync.save': 'Enregistrer les visites non synchronisées dans un fichier',
  'sync.saveHint': 'Seulement si la tablette ne peut plus joindre la ville : remettez le fichier au coordinateur.',
  'sync.saved.one': 'Fichier enregistré avec 1 visite.',
  'sync.saved.other': 'Fichier enregistré avec {count} visites.',
  'sync.savedNone': 'Toutes les visites sont déjà arrivées à la ville. Il n’y a rien à enregistrer.',
  'sync.saveUnpaired': 'Cette tablette n’est pas encore associée.',
  'sync.saveFailed': 'Le fichier n’a pas pu être enregistré. Veuillez réessayer.',
};

export const syncTexts: Readonly<Record<Lang, SyncTexts>> = { nl, en, fr };

export type SyncText = (key: SyncTextKey, params?: Readonly<Record<string, string | number>>) => string;

export function syncText(lang: Lang): SyncText {
  const texts = syncTexts[lang] ?? nl;
  return (key, params = {}) =>
    texts[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** "1 visit" / "3 visits": the one/other choice is the same in Dutch, English and French for counts ≥ 1. */
export const countKey = <K extends string>(base: K, count: number) => `${base}.${count === 1 ? 'one' : 'other'}` as const;
