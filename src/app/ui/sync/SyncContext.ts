import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { SyncHandle } from '../../sync/startSync.ts';
import type { SyncStatus } from '../../sync/status.ts';

/** The running sync of this tab (from `startSync`), given once by the app's entry. */
export const SyncContext = createContext<SyncHandle | null>(null);

export const useSync = (): SyncHandle | null => useContext(SyncContext);

/** The latest sync status; null outside a SyncContext (screens shown before sync starts, tests of other screens). */
export function useSyncStatus(sync: SyncHandle | null): SyncStatus | null {
  const [status, setStatus] = useState(() => sync?.status.get() ?? null);
  useEffect(() => {
    if (!sync) return;
    setStatus(sync.status.get());
    return sync.status.subscribe(setStatus);
  }, [sync]);
  return status;
}
