import { blankVisit } from './blankVisit.ts';
import type { VisitDeps } from './deps.ts';
import { type LogAnswers, withAnswers } from './logAnswers.ts';
import { createVisit, type WriteResult } from './writeVisit.ts';

/**
 * A walk-in logged after the fact, in a few taps: it arrived and ended now.
 * No startedAt, so it never skews the waiting-time figures.
 */
export function quickLog(deps: VisitDeps, pointId: string, answers: LogAnswers): Promise<WriteResult> {
  return createVisit(deps, (now) => ({ ...withAnswers(blankVisit(pointId, answers.kind, now), answers), endedAt: now }));
}
