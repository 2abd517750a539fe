import type { Kind } from '../../shared/taxonomy.ts';
import { blankVisit } from './blankVisit.ts';
import type { VisitDeps } from './deps.ts';
import { createVisit, type WriteResult } from './writeVisit.ts';

/** A visitor joins the waiting line: arrivedAt is now. */
export function checkIn(deps: VisitDeps, pointId: string, kind: Kind = 'question'): Promise<WriteResult> {
  return createVisit(deps, (now) => blankVisit(pointId, kind, now));
}
