/**
 * Loads something for a screen and says where it stands. A newer request
 * replaces an older one, so a quick change of period never shows stale figures.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Async<T> =
  | { state: 'loading'; value: T | null }
  | { state: 'ready'; value: T }
  | { state: 'failed'; value: T | null; error: unknown };

export function useAsync<T>(load: () => Promise<T>, key: string): Async<T> & { reload: () => void } {
  const [result, setResult] = useState<Async<T>>({ state: 'loading', value: null });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // `key` and `attempt` say when to load again; `load` is read through a ref, so a new closure alone does not.
  useEffect(() => {
    const ticket = ++latest.current;
    setResult((current) => ({ state: 'loading', value: current.value }));
    loadRef.current().then(
      (value) => ticket === latest.current && setResult({ state: 'ready', value }),
      (error: unknown) => ticket === latest.current && setResult((current) => ({ state: 'failed', value: current.value, error })),
    );
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...result, reload };
}
