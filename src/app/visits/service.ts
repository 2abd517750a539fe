/**
 * Everything the screens may do, bound to this tablet's database, clock and
 * network. Screens receive one of these and never touch the database.
 */

import type { Kind } from '../../shared/taxonomy.ts';
import type { CheckinDatabase } from '../db/database.ts';
import type { Settings } from '../db/settings.ts';
import { askPersistentStorage } from './askPersistentStorage.ts';
import { checkIn } from './checkIn.ts';
import { deleteVisit } from './deleteVisit.ts';
import { type DraftStorage, Drafts } from './drafts.ts';
import { editVisit } from './editVisit.ts';
import { finishVisit } from './finishVisit.ts';
import { leaveWithoutHelp } from './leaveWithoutHelp.ts';
import type { LogAnswers } from './logAnswers.ts';
import { quickLog } from './quickLog.ts';
import { rankTopics } from './rankTopics.ts';
import { type ShownVisit, topicsUsedAt, watchRecent, watchToday, watchVisit } from './readVisits.ts';
import { loadVisitRules } from './rules.ts';
import { startHelp } from './startHelp.ts';
import { TabletSettings } from './tabletSettings.ts';
import { undo } from './undo.ts';
import type { UndoStep, VisitFields } from './writeVisit.ts';

export interface TabletDeps {
  db: CheckinDatabase;
  settings: Settings;
  fetch: typeof fetch;
  now: () => number;
  newId: (nowMs: number) => string;
  newInstallId: () => string;
  draftStorage: DraftStorage;
  storageManager: Pick<StorageManager, 'persist'> | undefined;
}

export function createTablet(deps: TabletDeps) {
  const settings = new TabletSettings(deps.settings, deps.newInstallId);
  const pairing = { fetch: deps.fetch, settings, now: deps.now };
  const pairingFlow = () => import('./pairTablet.ts');
  const { db, now } = deps;
  return {
    now,
    settings,
    drafts: new Drafts(deps.draftStorage),
    /** Loads the visit rules ahead of the first save, so the first tap is as quick as the rest. */
    warmUp: () => loadVisitRules().then(() => undefined),

    checkIn: (pointId: string, kind?: Kind) => checkIn(deps, pointId, kind),
    startHelp: (id: string) => startHelp(deps, id),
    finishVisit: (id: string, answers: LogAnswers) => finishVisit(deps, id, answers),
    quickLog: (pointId: string, answers: LogAnswers) => quickLog(deps, pointId, answers),
    leaveWithoutHelp: (id: string) => leaveWithoutHelp(deps, id),
    editVisit: (id: string, changes: Partial<VisitFields>) => editVisit(deps, id, changes),
    deleteVisit: (id: string) => deleteVisit(deps, id),
    undo: (step: UndoStep) => undo(deps, step),

    watchToday: (pointId: string, onChange: (visits: ShownVisit[]) => void) => watchToday(db, pointId, now(), onChange),
    watchRecent: (onChange: (visits: ShownVisit[]) => void) => watchRecent(db, now(), onChange),
    watchVisit: (id: string, onChange: (visit: ShownVisit | undefined) => void) => watchVisit(db, id, onChange),
    rankedTopics: async (pointId: string) => rankTopics(await topicsUsedAt(db, pointId)),

    pair: async (input: { code: string; label: string }) => (await pairingFlow()).pairTablet(pairing, input),
    refreshPoints: async () => (await pairingFlow()).refreshPoints(pairing),
    askPersistentStorage: () => askPersistentStorage(deps.storageManager, settings),
  };
}

export type Tablet = ReturnType<typeof createTablet>;
