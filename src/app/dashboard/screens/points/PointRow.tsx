/** One point in the list, with renaming in place and (de)activation. */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { PointRecord } from '../../api/types.ts';
import { useDashboardI18n } from '../../i18n/i18n.tsx';

interface Props {
  point: PointRecord;
  onRename: (name: string) => Promise<boolean>;
  onActive: (active: boolean) => Promise<boolean>;
}

export function PointRow({ point, onRename, onActive }: Props) {
  const { t } = useDashboardI18n();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(point.name);
  const [missing, setMissing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (editing) input.current?.focus();
  }, [editing]);

  function stopEditing() {
    setEditing(false);
    setMissing(false);
    setName(point.name);
    requestAnimationFrame(() => renameButton.current?.focus());
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!name.trim()) {
      setMissing(true);
      return;
    }
    if (await onRename(name.trim())) stopEditing();
  }

  return (
    <tr class={point.active ? '' : 'inactive'}>
      <th scope="row">
        {editing ? (
          <form class="row inline-form" onSubmit={save} noValidate>
            <label class="visually-hidden" for={`${id}-name`}>
              {t('points.newName', { name: point.name })}
            </label>
            <input
              id={`${id}-name`}
              ref={input}
              value={name}
              maxLength={120}
              aria-invalid={missing}
              aria-describedby={missing ? `${id}-missing` : undefined}
              onInput={(e) => setName(e.currentTarget.value)}
              onKeyDown={(e) => e.key === 'Escape' && stopEditing()}
            />
            <button type="submit" class="button button-primary">
              {t('common.save')}
            </button>
            <button type="button" class="button button-quiet" onClick={stopEditing}>
              {t('common.cancel')}
            </button>
            {missing && (
              <span id={`${id}-missing`} class="field-problem">
                {t('points.nameMissing')}
              </span>
            )}
          </form>
        ) : (
          point.name
        )}
      </th>
      <td>
        <code>{point.id}</code>
      </td>
      <td>{point.active ? t('points.active') : t('points.inactive')}</td>
      <td>
        <div class="row">
          {!editing && (
            <button
              type="button"
              class="button button-quiet"
              ref={renameButton}
              aria-label={t('points.renameOf', { name: point.name })}
              onClick={() => setEditing(true)}
            >
              {t('points.rename')}
            </button>
          )}
          <button
            type="button"
            class="button button-quiet"
            aria-label={t(point.active ? 'points.deactivateOf' : 'points.activateOf', { name: point.name })}
            onClick={() => onActive(!point.active)}
          >
            {t(point.active ? 'points.deactivate' : 'points.activate')}
          </button>
        </div>
      </td>
    </tr>
  );
}
