/**
 * The waiting line and those being helped. Tapping a person opens their
 * next steps right under them: "Start helpen" and "Weg zonder hulp" while
 * waiting, "Afronden" while being helped.
 */
import { differenceInMinutes } from 'date-fns';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { NumberedVisit } from '../../visits/todayView.ts';
import type { WriteResult } from '../../visits/writeVisit.ts';
import { hrefOf } from '../hooks/useRoute.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { useTablet } from '../TabletContext.ts';
import { useToast } from '../Toast/Toast.tsx';
import { problemMessage } from '../writeMessages.ts';

interface Props {
  waiting: NumberedVisit[];
  inHelp: NumberedVisit[];
  now: number;
}

export function WaitingLine({ waiting, inHelp, now }: Props) {
  const tablet = useTablet();
  const i18n = useI18n();
  const { t, time } = i18n;
  const toast = useToast();
  const [openId, setOpenId] = useState<string | null>(null);

  async function act(entry: NumberedVisit, write: (id: string) => Promise<WriteResult>, done: 'visit.started' | 'visit.left') {
    const result = await write(entry.visit.id);
    setOpenId(null);
    toast(
      result.ok
        ? { message: t(done, { number: entry.number }), undo: result.undo }
        : { message: problemMessage(i18n, result), tone: 'problem' },
    );
  }

  const person = (entry: NumberedVisit, detail: string, actions: ComponentChildren) => {
    const open = openId === entry.visit.id;
    const actionsId = `actions-${entry.visit.id}`;
    return (
      <li key={entry.visit.id} class="person">
        <button
          type="button"
          class="person-toggle"
          aria-expanded={open}
          aria-controls={actionsId}
          onClick={() => setOpenId(open ? null : entry.visit.id)}
        >
          <strong>{t('visit.number', { number: entry.number })}</strong>
          <span>{detail}</span>
        </button>
        <div id={actionsId} class="person-actions row" hidden={!open}>
          {actions}
          <a class="button button-quiet" href={hrefOf({ name: 'visit', id: entry.visit.id })}>
            {t('visit.open')}
          </a>
        </div>
      </li>
    );
  };

  return (
    <>
      <section class="today-section" aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t('today.waiting', { count: waiting.length })}</h2>
        {waiting.length === 0 ? (
          <p class="hint">{t('today.noneWaiting')}</p>
        ) : (
          <ul class="people">
            {waiting.map((entry) => {
              const arrived = Date.parse(entry.visit.arrivedAt);
              const minutes = Math.max(0, differenceInMinutes(now, arrived));
              return person(
                entry,
                `${t('visit.waited', { minutes })} · ${t('visit.arrivedAt', { time: time(arrived) })}`,
                <>
                  <button
                    type="button"
                    class="button button-primary"
                    onClick={() => act(entry, tablet.startHelp, 'visit.started')}
                  >
                    {t('visit.startHelp')}
                  </button>
                  <button type="button" class="button" onClick={() => act(entry, tablet.leaveWithoutHelp, 'visit.left')}>
                    {t('visit.leftWithoutHelp')}
                  </button>
                </>,
              );
            })}
          </ul>
        )}
      </section>
      <section class="today-section" aria-labelledby="in-help-title">
        <h2 id="in-help-title">{t('today.inHelp', { count: inHelp.length })}</h2>
        {inHelp.length === 0 ? (
          <p class="hint">{t('today.noneInHelp')}</p>
        ) : (
          <ul class="people">
            {inHelp.map((entry) =>
              person(
                entry,
                t('visit.helpedSince', { time: time(Date.parse(entry.visit.startedAt ?? entry.visit.arrivedAt)) }),
                <a class="button button-primary" href={hrefOf({ name: 'finish', id: entry.visit.id })}>
                  {t('visit.finish')}
                </a>,
              ),
            )}
          </ul>
        )}
      </section>
    </>
  );
}
