import type { VisitDeps } from './deps.ts';
import { type LogAnswers, withAnswers } from './logAnswers.ts';
import { fieldsOf, updateVisit, type WriteResult } from './writeVisit.ts';

/** Help is over: endedAt is now, with the topics and outcome the host chose. */
export function finishVisit(deps: VisitDeps, id: string, answers: LogAnswers): Promise<WriteResult> {
  return updateVisit(deps, id, (visit, now) => ({ ...withAnswers(fieldsOf(visit), answers), endedAt: now }));
}
