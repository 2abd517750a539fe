import type { VisitRecord } from '../../shared/visit.ts';
import type { VisitFields } from './writeVisit.ts';

/** What the quick-log steps ask: the kind, a topic, the device (for device help) and how it ended. */
export type LogAnswers = Pick<VisitRecord, 'kind' | 'device' | 'problem' | 'outcome' | 'referredTo'> & {
  topics: readonly VisitRecord['topics'][number][];
};

/** Applies the answers, keeping the protocol's rules: a problem only for device help, a referral only when referred. */
export function withAnswers(fields: VisitFields, answers: LogAnswers): VisitFields {
  const isDevice = answers.kind === 'device';
  return {
    ...fields,
    kind: answers.kind,
    topics: [...answers.topics],
    device: isDevice ? (answers.device ?? {}) : answers.device,
    problem: isDevice ? answers.problem : null,
    outcome: answers.outcome,
    referredTo: answers.outcome === 'referred' ? answers.referredTo : null,
  };
}
