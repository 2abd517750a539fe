import type { ShownVisit } from './readVisits.ts';

/** A visit with its number of the day at the point ("Bezoeker 3"): never a name. */
export interface NumberedVisit {
  number: number;
  visit: ShownVisit;
}

export interface TodayView {
  waiting: NumberedVisit[];
  inHelp: NumberedVisit[];
  /** Newest first. */
  done: NumberedVisit[];
}

export function isDone(visit: ShownVisit): boolean {
  return visit.outcome !== null || visit.endedAt !== null;
}

/** Splits today's visits (oldest first, as read) into the waiting line, those being helped and those done. */
export function todayView(visits: readonly ShownVisit[]): TodayView {
  const view: TodayView = { waiting: [], inHelp: [], done: [] };
  visits.forEach((visit, index) => {
    const entry = { number: index + 1, visit };
    if (isDone(visit)) view.done.push(entry);
    else if (visit.startedAt !== null) view.inHelp.push(entry);
    else view.waiting.push(entry);
  });
  const finishedAt = (entry: NumberedVisit) => Date.parse(entry.visit.endedAt ?? entry.visit.updatedAt);
  view.done.sort((a, b) => finishedAt(b) - finishedAt(a));
  return view;
}
