/**
 * First run, "pair again", or a tablet the city no longer accepts: the
 * pairing code, then "Where are we today?". Also used on its own to change
 * the point. A pairing link (/?pair=CODE) pairs at once.
 */
import { useState } from 'preact/hooks';
import type { MessageKey } from '../../../shared/i18n/translate.ts';
import type { TabletState } from '../../visits/tabletSettings.ts';
import { PairingForm } from './PairingForm.tsx';
import { PointPicker } from './PointPicker.tsx';
import './Setup.css';

interface Props {
  state: TabletState;
  step: 'pair' | 'point';
  /** A code from the pairing link, tried at once. */
  linkCode: string | null;
  onDone: () => Promise<void>;
}

export function Setup({ state, step, linkCode, onDone }: Props) {
  const [paired, setPaired] = useState<{ state: TabletState; storage: MessageKey | null; pointsMissing: boolean } | null>(null);
  return (
    <main class="setup" id="main">
      {step === 'pair' && !paired ? (
        <PairingForm state={state} linkCode={linkCode} onPaired={setPaired} />
      ) : (
        <PointPicker
          state={paired?.state ?? state}
          storageAnswer={paired?.storage ?? null}
          pointsMissing={paired?.pointsMissing ?? false}
          canGoBack={!paired && state.pointId !== null}
          onChosen={onDone}
        />
      )}
    </main>
  );
}
