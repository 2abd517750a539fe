/**
 * The quick log: topic → (device, OS, ownership, problem for device help) →
 * outcome (→ where to, when referred). One tap per step; the visit is saved
 * on the last tap, so "Vraag → itsme → Opgelost" is three taps from Today.
 * The same steps finish a visitor from the waiting line.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../../../shared/i18n/translate.ts';
import {
  DEVICE_OS,
  DEVICE_OWNERSHIP,
  DEVICE_TYPES,
  KINDS,
  type Kind,
  OUTCOMES,
  PROBLEMS,
  REFERRALS,
  type Referral,
  type Term,
  TOPICS,
  type Topic,
} from '../../../shared/taxonomy.ts';
import type { ShownVisit } from '../../visits/readVisits.ts';
import { ChoiceGrid } from '../ChoiceGrid/ChoiceGrid.tsx';
import { useDraft } from '../hooks/useDraft.ts';
import { useLive } from '../hooks/useLive.ts';
import { navigate } from '../hooks/useRoute.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { useTablet } from '../TabletContext.ts';
import { useToast } from '../Toast/Toast.tsx';
import { ToggleGroup } from '../ToggleGroup/ToggleGroup.tsx';
import { problemMessage } from '../writeMessages.ts';
import { answersOf, type LogDraft, newDraft, nextStep, previousStep, type Step, stepsFor } from './logSteps.ts';
import './QuickLog.css';

type Mode = { kind: Kind } | { finishId: string };

const QUESTION: Record<Exclude<Step, 'topic'>, { key: MessageKey; terms: readonly Term[] }> = {
  deviceType: { key: 'log.deviceType', terms: DEVICE_TYPES },
  os: { key: 'log.os', terms: DEVICE_OS },
  ownership: { key: 'log.ownership', terms: DEVICE_OWNERSHIP },
  problem: { key: 'log.problem', terms: PROBLEMS },
  // "Left without help" belongs to the waiting line, not to a visit someone was helped with.
  outcome: { key: 'log.outcome', terms: OUTCOMES.filter((term) => term.code !== 'left') },
  referredTo: { key: 'log.referredTo', terms: REFERRALS },
};

export function QuickLog({ mode, pointId }: { mode: Mode; pointId: string }) {
  const tablet = useTablet();
  const i18n = useI18n();
  const { t, term } = i18n;
  const toast = useToast();
  const finishId = 'finishId' in mode ? mode.finishId : null;
  const draft = useDraft<LogDraft>(finishId ? `finish:${finishId}` : `log:${'kind' in mode ? mode.kind : ''}`, () =>
    newDraft('kind' in mode ? mode.kind : 'question'),
  );
  const [topics, setTopics] = useState<Topic[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const today = useLive<ShownVisit[]>(
    (onChange) => (finishId ? tablet.watchToday(pointId, onChange) : () => {}),
    [tablet, pointId, finishId],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const d = draft.value;
  const { discard } = draft;

  useEffect(() => {
    tablet.rankedTopics(pointId).then(setTopics);
  }, [tablet, pointId]);

  // A reload resumes the steps, but a host who walks away to another screen starts afresh next time:
  // finding "itsme" already chosen for the next visitor would invite logging the wrong topic.
  useEffect(() => {
    const here = window.location.hash;
    const onLeave = () => window.location.hash !== here && draft.discard();
    window.addEventListener('hashchange', onLeave);
    return () => window.removeEventListener('hashchange', onLeave);
  }, [discard]);

  // Each step is a new question: move focus to it so keyboard and screen-reader users follow.
  // Before the step is painted, so a quick Tab on the new step is never pulled back to its heading.
  useLayoutEffect(() => {
    if (topics) heading.current?.focus();
  }, [d.step, topics]);

  const finishing = finishId ? today?.find((v) => v.id === finishId) : undefined;
  const number = finishId && today ? today.findIndex((v) => v.id === finishId) + 1 : 0;

  async function save(next: LogDraft, referredTo: Referral | null) {
    setSaving(true);
    setProblem(null);
    const answers = answersOf(next, referredTo);
    const result = finishId ? await tablet.finishVisit(finishId, answers) : await tablet.quickLog(pointId, answers);
    setSaving(false);
    if (!result.ok) {
      setProblem(problemMessage(i18n, result));
      return;
    }
    draft.discard();
    navigate({ name: 'today' });
    toast({ message: t('common.saved'), undo: result.undo, detailsId: result.visit.id });
  }

  /** A tap on an answer (or Skip, with null): the next step, or saving after the last one. */
  function answer(code: string | null) {
    if (d.step === 'referredTo') {
      save(d, code as Referral | null);
      return;
    }
    const next = { ...d, [d.step]: code } as LogDraft;
    const following = nextStep(next);
    if (following) draft.update({ ...next, step: following });
    else {
      draft.update(next);
      save(next, null);
    }
  }

  function back() {
    const previous = previousStep(d);
    if (previous) draft.update({ ...d, step: previous });
    else cancel();
  }

  function cancel() {
    draft.discard();
    navigate({ name: 'today' });
  }

  if (finishId && today && !finishing) return <p class="message message-problem">{t('log.visitGone')}</p>;
  if (!topics) return <p class="loading">{t('app.loading')}</p>;

  const steps = stepsFor(d.kind, d.outcome);
  const title = finishId ? t('log.finish', { number }) : t(d.kind === 'device' ? 'log.device' : 'log.question');
  const chosen = [
    d.topic && term(TOPICS, d.topic),
    d.kind === 'device' && d.deviceType && term(DEVICE_TYPES, d.deviceType),
    d.kind === 'device' && d.os && term(DEVICE_OS, d.os),
    d.kind === 'device' && d.problem && term(PROBLEMS, d.problem),
    d.step === 'referredTo' && d.outcome && term(OUTCOMES, d.outcome),
  ].filter(Boolean);
  const question = d.step === 'topic' ? null : QUESTION[d.step];
  const chosenNow = d.step === 'topic' ? d.topic : d.step === 'referredTo' ? null : d[d.step];

  return (
    <div class="quick-log">
      <p class="quick-log-title">
        <strong>{title}</strong> · {t('log.step', { step: steps.indexOf(d.step) + 1, total: steps.length })}
      </p>
      {d.step === 'topic' && finishId && (
        <ToggleGroup
          legend={t('log.kind')}
          choices={KINDS.map((k) => ({ code: k.code, label: term(KINDS, k.code) }))}
          value={[d.kind]}
          clearable={false}
          onChange={([kind]) => kind && draft.update({ ...d, kind: kind as Kind })}
        />
      )}
      {chosen.length > 0 && <p class="hint">{t('log.chosen', { choices: chosen.join(' · ') })}</p>}
      <h1 id="step-question" ref={heading} tabIndex={-1}>
        {t(question ? question.key : 'log.topic')}
      </h1>
      {problem && (
        <p class="message message-problem" role="alert">
          {problem}
        </p>
      )}
      <ChoiceGrid
        labelledBy="step-question"
        disabled={saving}
        chosen={chosenNow}
        choices={(question ? question.terms.map((x) => x.code) : topics).map((code) => ({
          code,
          label: term(question ? question.terms : TOPICS, code),
        }))}
        onChoose={answer}
      />
      <div class="row quick-log-nav">
        <button type="button" class="button button-quiet" onClick={back}>
          {t('common.back')}
        </button>
        {question && d.step !== 'outcome' && d.step !== 'referredTo' && (
          <button type="button" class="button button-quiet" onClick={() => answer(null)}>
            {t('common.skip')}
          </button>
        )}
        <button type="button" class="button button-quiet" onClick={cancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
