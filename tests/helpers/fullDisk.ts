/**
 * A tablet whose storage is full, the way IndexedDB reports it: the write
 * request fails with QuotaExceededError and its transaction aborts. Done
 * below Dexie, in fake-indexeddb's record store of one database's `visits`,
 * so the app's own error handling meets the real shape of the failure.
 */
import type { Dexie } from 'dexie';

interface RawObjectStore {
  storeRecord: (...args: unknown[]) => unknown;
}

export interface FullDisk {
  /** The host deletes some photos: writes work again. */
  free(): void;
  /** Writes refused since the disk filled up. */
  refused(): number;
}

export async function fillTheDisk(db: Dexie, storeName = 'visits'): Promise<FullDisk> {
  await db.open();
  const transaction = db.backendDB().transaction(storeName, 'readonly');
  const raw = (transaction.objectStore(storeName) as unknown as { _rawObjectStore: RawObjectStore })._rawObjectStore;
  const storeRecord = Object.getPrototypeOf(raw).storeRecord as RawObjectStore['storeRecord'];
  let full = true;
  let refused = 0;
  raw.storeRecord = function (this: RawObjectStore, ...args: unknown[]) {
    if (full) {
      refused++;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return storeRecord.apply(this, args);
  };
  return {
    free: () => {
      full = false;
    },
    refused: () => refused,
  };
}
