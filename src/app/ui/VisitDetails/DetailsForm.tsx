import { useRef, useState } from 'preact/hooks';
import { MAX_TOPICS } from '../../../shared/limits.ts';
import { findPersonalData } from '../../../shared/pii.ts';
import {
  AGE_BANDS,
  CONTACTS,
  DEVICE_OS,
  DEVICE_OWNERSHIP,
  DEVICE_TYPES,
  EFFORTS,
  GROUPS,
  KINDS,
  type Kind,
  OUTCOMES,
  PROBLEMS,
  REFERRALS,
  type Term,
  TOPICS,
  VISITOR_LANGUAGES,
} from '../../../shared/taxonomy.ts';
import type { ShownVisit } from '../../visits/readVisits.ts';
import { useDraft } from '../hooks/useDraft.ts';
import { navigate } from '../hooks/useRoute.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { useTablet } from '../TabletContext.ts';
import { useToast } from '../Toast/Toast.tsx';
import { ToggleGroup } from '../ToggleGroup/ToggleGroup.tsx';
import { errorMessage, problemMessage } from '../writeMessages.ts';
import { type DetailsForm as Form, fieldsOfForm, formOf, isUnchanged } from './detailsForm.ts';
import { NoteField } from './NoteField.tsx';
import { PeopleField } from './PeopleField.tsx';
import { TimeField } from './TimeField.tsx';

export function DetailsForm({ visit }: { visit: ShownVisit }) {
  const tablet = useTablet();
  const i18n = useI18n();
  const { t, term } = i18n;
  const toast = useToast();
  const draft = useDraft<Form>(`visit:${visit.id}`, () => formOf(visit));
  const [restored, setRestored] = useState(draft.restored);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const form = draft.value;
  const set = (change: Partial<Form>) => {
    draft.update({ ...form, ...change });
    // The summary speaks of the last attempt to save; once the form changes it no longer holds.
    setProblems([]);
  };
  const choices = (terms: readonly Term[]) => terms.map((x) => ({ code: x.code, label: term(terms, x.code) }));
  const one = (value: string | null) => (value === null ? [] : [value]);
  const piiFound = findPersonalData(form.note);

  function showProblems(messages: string[]) {
    setProblems(messages);
    requestAnimationFrame(() => summary.current?.focus());
  }

  async function save() {
    if (piiFound) return showProblems([t(`pii.${piiFound}`), t('pii.blocked')]);
    if (isUnchanged(form, visit)) {
      toast({ message: t('details.unchanged') });
      return;
    }
    setBusy(true);
    const result = await tablet.editVisit(visit.id, fieldsOfForm(form, visit));
    setBusy(false);
    if (!result.ok) {
      return showProblems(
        result.problem === 'invalid' ? result.errors.map((e) => errorMessage(i18n, e)) : [problemMessage(i18n, result)],
      );
    }
    setProblems([]);
    setRestored(false);
    draft.discard();
    toast({ message: t('details.saved'), undo: result.undo });
  }

  /** Back to the visit as stored, forgetting the changes left from before. */
  function throwAway() {
    draft.discard();
    draft.reset(formOf(visit));
    setRestored(false);
    setProblems([]);
  }

  async function remove() {
    const result = await tablet.deleteVisit(visit.id);
    if (!result.ok) return showProblems([problemMessage(i18n, result)]);
    draft.discard();
    navigate({ name: 'today' });
    toast({ message: t('details.deleted'), undo: result.undo });
  }

  return (
    <form
      class="details-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {visit.rejectedWith && (
        <div class="message message-problem">
          <p>{t('details.rejected')}</p>
          <ul>
            {visit.rejectedWith.map((error) => (
              <li key={`${error.field}:${error.code}`}>{errorMessage(i18n, error)}</li>
            ))}
          </ul>
          <p>{t('details.rejectedHint')}</p>
        </div>
      )}
      {restored && (
        <div class="message row">
          <p>{t('details.draftRestored')}</p>
          <button type="button" class="button button-quiet" onClick={throwAway}>
            {t('details.discard')}
          </button>
        </div>
      )}
      <div ref={summary} tabIndex={-1} class="details-summary" aria-live="assertive">
        {problems.length > 0 && (
          <div class="message message-problem">
            <p>{t('error.summary')}</p>
            <ul>
              {problems.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        )}
      </div>

      <section class="details-group" aria-labelledby="group-what">
        <h2 id="group-what">{t('details.what')}</h2>
        <ToggleGroup
          legend={t('field.kind')}
          choices={choices(KINDS)}
          value={[form.kind]}
          clearable={false}
          onChange={([kind]) => kind && set({ kind: kind as Kind })}
        />
        <ToggleGroup
          legend={t('field.topics')}
          hint={t('field.topicsHint', { max: MAX_TOPICS })}
          choices={choices(TOPICS)}
          value={form.topics}
          multiple
          onChange={(topics) => set({ topics: topics.slice(0, MAX_TOPICS) })}
        />
        <ToggleGroup
          legend={t('field.outcome')}
          choices={choices(OUTCOMES)}
          value={one(form.outcome)}
          onChange={([outcome]) => set({ outcome: outcome ?? null })}
        />
        {form.outcome === 'referred' && (
          <ToggleGroup
            legend={t('field.referredTo')}
            choices={choices(REFERRALS)}
            value={one(form.referredTo)}
            onChange={([referredTo]) => set({ referredTo: referredTo ?? null })}
          />
        )}
      </section>

      <section class="details-group" aria-labelledby="group-device">
        <h2 id="group-device">{t('details.device')}</h2>
        <ToggleGroup
          legend={t('field.device.type')}
          choices={choices(DEVICE_TYPES)}
          value={one(form.deviceType)}
          onChange={([v]) => set({ deviceType: v ?? null })}
        />
        <ToggleGroup
          legend={t('field.device.os')}
          choices={choices(DEVICE_OS)}
          value={one(form.os)}
          onChange={([v]) => set({ os: v ?? null })}
        />
        <ToggleGroup
          legend={t('field.device.ownership')}
          choices={choices(DEVICE_OWNERSHIP)}
          value={one(form.ownership)}
          onChange={([v]) => set({ ownership: v ?? null })}
        />
        {form.kind === 'device' && (
          <ToggleGroup
            legend={t('field.problem')}
            choices={choices(PROBLEMS)}
            value={one(form.problem)}
            onChange={([v]) => set({ problem: v ?? null })}
          />
        )}
      </section>

      <section class="details-group" aria-labelledby="group-visitor">
        <h2 id="group-visitor">{t('details.visitor')}</h2>
        <p class="hint">{t('details.visitorHint')}</p>
        <ToggleGroup
          legend={t('field.visitor.ageBand')}
          choices={choices(AGE_BANDS)}
          value={one(form.ageBand)}
          onChange={([v]) => set({ ageBand: v ?? null })}
        />
        <ToggleGroup
          legend={t('field.visitor.language')}
          choices={choices(VISITOR_LANGUAGES)}
          value={one(form.language)}
          onChange={([v]) => set({ language: v ?? null })}
        />
        <ToggleGroup
          legend={t('field.visitor.firstVisit')}
          choices={[
            { code: 'yes', label: t('common.yes') },
            { code: 'no', label: t('common.no') },
          ]}
          value={form.firstVisit === null ? [] : [form.firstVisit ? 'yes' : 'no']}
          onChange={([v]) => set({ firstVisit: v === undefined ? null : v === 'yes' })}
        />
        <ToggleGroup
          legend={t('field.visitor.groups')}
          choices={choices(GROUPS)}
          value={form.groups}
          multiple
          onChange={(groups) => set({ groups })}
        />
      </section>

      <section class="details-group" aria-labelledby="group-how">
        <h2 id="group-how">{t('details.how')}</h2>
        <ToggleGroup
          legend={t('field.effort')}
          choices={choices(EFFORTS)}
          value={one(form.effort)}
          onChange={([v]) => set({ effort: v ?? null })}
        />
        <ToggleGroup
          legend={t('field.contact')}
          choices={choices(CONTACTS)}
          value={one(form.contact)}
          clearable={false}
          onChange={([v]) => set({ contact: v ?? form.contact })}
        />
        <PeopleField value={form.people} onChange={(people) => set({ people })} />
        <p class="details-check">
          <input
            id="barrier"
            type="checkbox"
            checked={form.barrier}
            onChange={(e) => set({ barrier: e.currentTarget.checked })}
            aria-describedby="barrier-hint"
          />
          <label for="barrier">{t('field.barrier')}</label>
          <span id="barrier-hint" class="hint">
            {t('field.barrierHint')}
          </span>
        </p>
        <NoteField value={form.note} found={piiFound} onChange={(note) => set({ note })} />
      </section>

      <section class="details-group" aria-labelledby="group-times">
        <h2 id="group-times">{t('details.times')}</h2>
        <TimeField
          id="arrivedAt"
          label={t('field.arrivedAt')}
          value={form.arrivedAt}
          onChange={(arrivedAt) => set({ arrivedAt })}
        />
        <TimeField
          id="startedAt"
          label={t('field.startedAt')}
          value={form.startedAt}
          clearable
          onChange={(startedAt) => set({ startedAt })}
        />
        <TimeField
          id="endedAt"
          label={t('field.endedAt')}
          value={form.endedAt}
          clearable
          onChange={(endedAt) => set({ endedAt })}
        />
      </section>

      <div class="row details-actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {t('details.save')}
        </button>
        <button type="button" class="button button-danger" onClick={remove}>
          {t('details.delete')}
        </button>
      </div>
    </form>
  );
}
