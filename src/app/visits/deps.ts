import type { CheckinDatabase } from '../db/database.ts';

/** What every use case needs from the outside world, passed in so tests can fix it. */
export interface VisitDeps {
  db: CheckinDatabase;
  /** The clock, in epoch milliseconds. */
  now: () => number;
  /** Makes a new visit id (UUID v7) for the given instant. */
  newId: (nowMs: number) => string;
}
