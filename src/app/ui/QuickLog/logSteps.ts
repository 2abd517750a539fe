/**
 * The quick-log steps as data: which question comes next for a question or
 * a device, and what the answers so far make of the visit.
 */
import type { DeviceOs, DeviceOwnership, DeviceType, Kind, Outcome, Problem, Referral, Topic } from '../../../shared/taxonomy.ts';
import type { LogAnswers } from '../../visits/logAnswers.ts';

export type Step = 'topic' | 'deviceType' | 'os' | 'ownership' | 'problem' | 'outcome' | 'referredTo';

/** Everything chosen so far; kept as a draft so a reload resumes at the same step. */
export interface LogDraft {
  kind: Kind;
  step: Step;
  topic: Topic | null;
  deviceType: DeviceType | null;
  os: DeviceOs | null;
  ownership: DeviceOwnership | null;
  problem: Problem | null;
  outcome: Outcome | null;
}

export const newDraft = (kind: Kind): LogDraft => ({
  kind,
  step: 'topic',
  topic: null,
  deviceType: null,
  os: null,
  ownership: null,
  problem: null,
  outcome: null,
});

export function stepsFor(kind: Kind, outcome: Outcome | null): Step[] {
  const device: Step[] = kind === 'device' ? ['deviceType', 'os', 'ownership', 'problem'] : [];
  return ['topic', ...device, 'outcome', ...(outcome === 'referred' ? (['referredTo'] as const) : [])];
}

export function nextStep(draft: LogDraft): Step | null {
  const steps = stepsFor(draft.kind, draft.outcome);
  return steps[steps.indexOf(draft.step) + 1] ?? null;
}

export function previousStep(draft: LogDraft): Step | null {
  const steps = stepsFor(draft.kind, draft.outcome);
  return steps[steps.indexOf(draft.step) - 1] ?? null;
}

export function answersOf(draft: LogDraft, referredTo: Referral | null): LogAnswers {
  const device =
    draft.kind === 'device'
      ? {
          ...(draft.deviceType && { type: draft.deviceType }),
          ...(draft.os && { os: draft.os }),
          ...(draft.ownership && { ownership: draft.ownership }),
        }
      : null;
  return {
    kind: draft.kind,
    topics: draft.topic ? [draft.topic] : [],
    device,
    problem: draft.kind === 'device' ? draft.problem : null,
    outcome: draft.outcome,
    referredTo,
  };
}
