import type { VisitDeps } from './deps.ts';
import { fieldsOf, updateVisit, type WriteResult } from './writeVisit.ts';

/**
 * A waiting visitor left before anyone could help: outcome `left`, the demand
 * the point could not meet. No endedAt, because a finished visit needs a
 * topic and nobody learnt what the question was.
 */
export function leaveWithoutHelp(deps: VisitDeps, id: string): Promise<WriteResult> {
  return updateVisit(deps, id, (visit) => ({ ...fieldsOf(visit), outcome: 'left', referredTo: null }));
}
