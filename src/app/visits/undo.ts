import type { VisitDeps } from './deps.ts';
import { fieldsOf, type UndoStep, updateVisit, type WriteResult } from './writeVisit.ts';

/**
 * Takes back the write an UndoStep came from, as one more edit (rev + 1) so
 * the city follows along even if it already had the mistake: a visit created
 * by mistake becomes a tombstone, a changed one gets its earlier fields back.
 */
export function undo(deps: VisitDeps, step: UndoStep): Promise<WriteResult> {
  return updateVisit(deps, step.id, (visit) => (step.before ? fieldsOf(step.before) : { ...fieldsOf(visit), deleted: true }));
}
