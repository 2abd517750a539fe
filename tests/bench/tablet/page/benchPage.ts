/**
 * Runs inside the tablet app's page in Chromium (bundled by bundles.ts and
 * evaluated through the DevTools protocol, which the page's CSP does not
 * govern). It uses the app's own modules: the settings store, the visits
 * database and the check-in use case.
 */
import { CheckinDatabase, type StoredVisit } from '../../../../src/app/db/database.ts';
import { Settings, type SettingsShape } from '../../../../src/app/db/settings.ts';
import { checkIn } from '../../../../src/app/visits/checkIn.ts';
import { uuidv7 } from '../../../../src/shared/uuid.ts';

export interface BenchPage {
  /** A paired tablet at `pointId`: its settings, `history` (already synced visits) and `waiting` fresh check-ins today. */
  seed(settings: Partial<SettingsShape>, history: StoredVisit[], pointId: string, waiting: number): Promise<void>;
  /** `saves` check-ins into a database of their own, each timed from the call to the committed transaction, in ms. */
  saves(durability: 'strict' | 'relaxed', saves: number, warmUp: number): Promise<number[]>;
}

const deps = (db: CheckinDatabase) => ({ db, now: () => Date.now(), newId: (ms: number) => uuidv7(ms) });

async function seed(settings: Partial<SettingsShape>, history: StoredVisit[], pointId: string, waiting: number) {
  const store = new Settings();
  for (const [key, value] of Object.entries(settings)) await store.set(key as keyof SettingsShape, value as never);
  const db = new CheckinDatabase();
  await db.visits.bulkPut(history);
  for (let i = 0; i < waiting; i++) {
    const result = await checkIn(deps(db), pointId);
    if (!result.ok) throw new Error(`seeding a check-in failed: ${result.problem}`);
  }
  db.close();
}

async function saves(durability: 'strict' | 'relaxed', count: number, warmUp: number): Promise<number[]> {
  const db = new CheckinDatabase(`bench-saves-${durability}-${Date.now()}`);
  // The app's database is always strict; Dexie reads this option when each transaction starts.
  (db as unknown as { _options: { chromeTransactionDurability: string } })._options.chromeTransactionDurability = durability;
  await db.open();
  const times: number[] = [];
  for (let i = 0; i < warmUp + count; i++) {
    const started = performance.now();
    const result = await checkIn(deps(db), 'predikheren');
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(`a check-in failed: ${result.problem}`);
    if (i >= warmUp) times.push(ms);
  }
  db.close();
  await db.delete();
  return times;
}

(globalThis as unknown as { digibankBench: BenchPage }).digibankBench = { seed, saves };
