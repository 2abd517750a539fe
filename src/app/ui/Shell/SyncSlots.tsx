/**
 * Where the sync engine's own components appear: the quiet status line on
 * every screen (SyncStatus) and, in Settings, "Sync now" and "Save unsynced
 * visits to a file" (SyncActions), both from ui/sync/. They load after the
 * first screen, like the engine itself, and show nothing until then.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

function later(load: () => Promise<ComponentType>): ComponentType {
  let loaded: ComponentType | null = null;
  return function Later() {
    const [Component, setComponent] = useState<ComponentType | null>(() => loaded);
    useEffect(() => {
      if (!Component)
        load().then(
          (component) => {
            loaded = component;
            setComponent(() => component);
          },
          () => {},
        );
    }, [Component]);
    return Component ? <Component /> : null;
  };
}

const SyncStatus = later(() => import('../sync/SyncStatus.tsx').then((m) => m.SyncStatus));
const SyncActions = later(() => import('../sync/SyncActions.tsx').then((m) => () => <m.SyncActions />));

/** The status line under the point name, on every screen. */
export function SyncStatusSlot() {
  return (
    <div class="shell-sync">
      <SyncStatus />
    </div>
  );
}

/** The sync actions, in Settings. */
export function SyncActionsSlot() {
  return <SyncActions />;
}
