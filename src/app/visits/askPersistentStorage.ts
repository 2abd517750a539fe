import type { TabletSettings } from './tabletSettings.ts';

/** Asks the browser not to evict this tablet's data under storage pressure, and remembers the answer. */
export async function askPersistentStorage(
  storage: Pick<StorageManager, 'persist'> | undefined,
  settings: TabletSettings,
): Promise<'granted' | 'refused' | 'unsupported'> {
  const answer = storage?.persist
    ? await storage.persist().then(
        (granted) => (granted ? 'granted' : 'refused'),
        () => 'refused' as const,
      )
    : 'unsupported';
  await settings.savePersistentStorage(answer);
  return answer;
}
