import type { Kind } from '../../shared/taxonomy.ts';
import type { VisitFields } from './writeVisit.ts';

/** A visit that has only just begun: everything optional left unsaid, the protocol's defaults filled in. */
export function blankVisit(pointId: string, kind: Kind, arrivedAt: string): VisitFields {
  return {
    pointId,
    kind,
    arrivedAt,
    startedAt: null,
    endedAt: null,
    topics: [],
    device: kind === 'device' ? {} : null,
    problem: null,
    visitor: null,
    outcome: null,
    referredTo: null,
    effort: null,
    contact: 'walk-in',
    people: 1,
    barrier: false,
    note: null,
    deleted: false,
  };
}
