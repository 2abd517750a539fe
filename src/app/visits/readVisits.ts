/**
 * What the screens read, as live queries: they call back whenever the visits
 * change (this tab, another tab or the sync engine), so lists never go stale.
 */
import { liveQuery } from 'dexie';
import type { VisitRecord } from '../../shared/visit.ts';
import type { FieldError } from '../../shared/visitRules.ts';
import type { CheckinDatabase } from '../db/database.ts';
import { startOfDaysAgo } from './dayRange.ts';

/** A visit as a screen shows it: the record, plus the city's reason when it refused this rev. */
export interface ShownVisit extends VisitRecord {
  rejectedWith: FieldError[] | null;
}

export type Unsubscribe = () => void;

export const RECENT_DAYS = 14;

/** Visits (not deleted) that arrived on or after `sinceMs`, oldest first. */
async function visitsSince(db: CheckinDatabase, sinceMs: number): Promise<ShownVisit[]> {
  // Stamps carry their own offset, so compare instants; the string bound (a day early) only narrows the index scan.
  const roughBound = new Date(sinceMs - 86_400_000).toISOString().slice(0, 10);
  const rows = await db.visits.where('arrivedAt').aboveOrEqual(roughBound).toArray();
  return rows
    .filter((row) => !row.deleted && Date.parse(row.arrivedAt) >= sinceMs)
    .sort((a, b) => Date.parse(a.arrivedAt) - Date.parse(b.arrivedAt))
    .map(({ syncedRev: _s, pending: _p, syncError, ...visit }) => ({
      ...visit,
      rejectedWith: syncError && syncError.rev === visit.rev ? syncError.errors : null,
    }));
}

function watch<T>(query: () => Promise<T>, onChange: (value: T) => void): Unsubscribe {
  const subscription = liveQuery(query).subscribe({ next: onChange, error: () => {} });
  return () => subscription.unsubscribe();
}

/** Today's visits at one point. */
export function watchToday(db: CheckinDatabase, pointId: string, nowMs: number, onChange: (v: ShownVisit[]) => void) {
  return watch(async () => (await visitsSince(db, startOfDaysAgo(nowMs, 0))).filter((v) => v.pointId === pointId), onChange);
}

/** Every visit of the last 14 days on this tablet, whatever the point. */
export function watchRecent(db: CheckinDatabase, nowMs: number, onChange: (v: ShownVisit[]) => void): Unsubscribe {
  return watch(() => visitsSince(db, startOfDaysAgo(nowMs, RECENT_DAYS - 1)), onChange);
}

/** One visit, deleted or not; undefined when this tablet does not have it. */
export function watchVisit(db: CheckinDatabase, id: string, onChange: (v: ShownVisit | undefined) => void): Unsubscribe {
  return watch(async () => {
    const row = await db.visits.get(id);
    if (!row) return undefined;
    const { syncedRev: _s, pending: _p, syncError, ...visit } = row;
    return { ...visit, rejectedWith: syncError && syncError.rev === visit.rev ? syncError.errors : null };
  }, onChange);
}

/** Topics of every visit (not deleted) this tablet holds for a point: the raw material of the topic order. */
export async function topicsUsedAt(db: CheckinDatabase, pointId: string): Promise<string[][]> {
  const rows = await db.visits.where('pointId').equals(pointId).toArray();
  return rows.filter((row) => !row.deleted).map((row) => row.topics);
}
