/**
 * Half-filled forms, kept per browser tab so a reload (or the app updating
 * itself) never loses what a host was typing. Session storage, not the
 * database: a draft is not a visit and must never be synced.
 */

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'draft:';

export class Drafts {
  constructor(private readonly storage: DraftStorage) {}

  load<T>(key: string): T | null {
    try {
      const text = this.storage.getItem(PREFIX + key);
      return text === null ? null : (JSON.parse(text) as T);
    } catch {
      return null;
    }
  }

  save(key: string, value: unknown): void {
    try {
      this.storage.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // A full or blocked session storage only costs the draft, never a visit.
    }
  }

  clear(key: string): void {
    try {
      this.storage.removeItem(PREFIX + key);
    } catch {
      // as above
    }
  }
}
