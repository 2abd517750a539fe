import type { VisitDeps } from './deps.ts';
import { fieldsOf, updateVisit, type WriteResult } from './writeVisit.ts';

/**
 * Deleting leaves a tombstone (deleted, rev + 1) rather than removing the row:
 * the city may already have the visit and must learn that it is gone.
 */
export function deleteVisit(deps: VisitDeps, id: string): Promise<WriteResult> {
  return updateVisit(deps, id, (visit) => ({ ...fieldsOf(visit), deleted: true }));
}
