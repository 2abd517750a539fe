/**
 * Where the sync engine's own components appear: the quiet status line on
 * every screen (SyncStatus) and the actions in Settings (SyncActions: "sync
 * now", "save unsynced visits to a file"). They come from ui/sync/.
 */

/** The status line under the point name, on every screen. */
export function SyncStatusSlot() {
  return <div class="shell-sync" data-slot="sync-status" />;
}

/** The sync actions, in Settings. */
export function SyncActionsSlot() {
  return <div data-slot="sync-actions" />;
}
