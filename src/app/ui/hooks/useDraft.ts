import { useCallback, useState } from 'preact/hooks';
import { useTablet } from '../TabletContext.ts';

export interface Draft<T> {
  value: T;
  /** Changes the form and keeps the change in the tab's drafts. */
  update: (next: T) => void;
  /** Forgets the draft: after saving, or when the host cancels. */
  discard: () => void;
  /** Puts the form back to `value` without keeping it as a draft. */
  reset: (value: T) => void;
  /** True when the form opened with a draft left from before (a reload, or the host stepped away). */
  restored: boolean;
}

/**
 * Form state that survives a reload and stepping away to another screen:
 * every change is written to the tab's drafts under `key`.
 */
export function useDraft<T>(key: string, initial: () => T): Draft<T> {
  const { drafts } = useTablet();
  const [start] = useState(() => drafts.load<T>(key));
  const [value, setValue] = useState<T>(() => start ?? initial());
  const update = useCallback(
    (next: T) => {
      setValue(next);
      drafts.save(key, next);
    },
    [drafts, key],
  );
  const discard = useCallback(() => drafts.clear(key), [drafts, key]);
  return { value, update, discard, reset: setValue, restored: start !== null };
}
