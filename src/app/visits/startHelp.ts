import type { VisitDeps } from './deps.ts';
import { fieldsOf, updateVisit, type WriteResult } from './writeVisit.ts';

/** Someone starts helping a waiting visitor: startedAt is now. */
export function startHelp(deps: VisitDeps, id: string): Promise<WriteResult> {
  return updateVisit(deps, id, (visit, now) => ({ ...fieldsOf(visit), startedAt: now }));
}
