import type { VisitDeps } from './deps.ts';
import { fieldsOf, updateVisit, type VisitFields, type WriteResult } from './writeVisit.ts';

/** A correction from the visit details: the changed fields over the visit as stored (rev + 1). */
export function editVisit(deps: VisitDeps, id: string, changes: Partial<VisitFields>): Promise<WriteResult> {
  return updateVisit(deps, id, (visit) => ({ ...fieldsOf(visit), ...changes }));
}
