/**
 * Adds a point. The code (the id tablets and exports use, never changed
 * afterwards) is suggested from the name and can be edited.
 */
import { useId, useState } from 'preact/hooks';
import { POINT_ID_PATTERN } from '../../../../shared/visit.ts';
import type { PointRecord } from '../../api/types.ts';
import { useDashboardI18n } from '../../i18n/i18n.tsx';

/** "Lokaal Dienstencentrum Den Abeel" → "lokaal-dienstencentrum-den-abeel". */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** Resolves to null when added, or to the words that say why not. */
export function AddPointForm({ onAdd }: { onAdd: (point: PointRecord) => Promise<string | null> }) {
  const { t } = useDashboardI18n();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [codeTouched, setCodeTouched] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const effectiveCode = codeTouched ? code : slugOf(name);

  async function submit(event: Event) {
    event.preventDefault();
    if (!name.trim()) return setProblem(t('points.nameMissing'));
    if (!new RegExp(POINT_ID_PATTERN).test(effectiveCode)) return setProblem(t('points.badId'));
    setBusy(true);
    const refused = await onAdd({ id: effectiveCode, name: name.trim(), active: true });
    setBusy(false);
    setProblem(refused);
    if (!refused) {
      setName('');
      setCode('');
      setCodeTouched(false);
    }
  }

  return (
    <form class="card add-point" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('points.add')}</h2>
      <div class="row form-row">
        <label>
          {t('points.addName')}
          <input value={name} maxLength={120} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t('points.addId')}
          <input
            value={effectiveCode}
            maxLength={64}
            autocapitalize="none"
            spellcheck={false}
            aria-describedby={`${id}-hint`}
            onInput={(e) => {
              setCodeTouched(true);
              setCode(e.currentTarget.value);
            }}
          />
        </label>
        <button type="submit" class="button button-primary" disabled={busy}>
          {t('points.add')}
        </button>
      </div>
      <p id={`${id}-hint`} class="hint">
        {t('points.addIdHint')}
      </p>
      {problem && (
        <p class="message message-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
