/**
 * Daily roll-ups kept beside the visits, maintained in the same transaction
 * as every visit write, so statistics never count visits one by one.
 * (Filled in with migration 002; until then writes keep no roll-ups.)
 */
import type { VisitRecord } from '../../shared/visit.ts';
import type { Sql } from './sql.ts';

/** One visit write: what was stored before (null for a new visit) and what is stored now. */
export interface RollupChange {
  before: VisitRecord | null;
  after: VisitRecord;
}

export async function applyRollups(_tx: Sql, _changes: readonly RollupChange[]): Promise<void> {}
