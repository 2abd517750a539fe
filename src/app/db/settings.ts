/**
 * Small settings of this tablet, in idb-keyval (a separate IndexedDB store):
 * its pairing, the point chosen today and the interface language. The device
 * token never leaves this store except in the Authorization header.
 */
import { createStore, del, get, getMany, set, type UseStore } from 'idb-keyval';
import type { Point } from '../../shared/protocol.ts';
import type { Lang } from '../../shared/taxonomy.ts';

export interface Pairing {
  deviceId: string;
  token: string;
  label: string;
  pairedAt: string;
}

export interface SettingsShape {
  /** Random UUID made once per install, so pairing again keeps the same device. */
  installId: string;
  pairing: Pairing;
  /** Set when the city answered 401: the tablet must be paired again. */
  pairingRevoked: boolean;
  points: Point[];
  pointId: string;
  lang: Lang;
  lastSyncAt: string;
  persistentStorage: 'granted' | 'refused' | 'unsupported';
}

export type SettingKey = keyof SettingsShape;

export class Settings {
  constructor(private readonly store: UseStore = createStore('digibank-settings', 'settings')) {}

  get<K extends SettingKey>(key: K): Promise<SettingsShape[K] | undefined> {
    return get(key, this.store);
  }

  /** Several settings in one IndexedDB transaction: starting the app reads them all, and each transaction costs a round trip. */
  getMany<K extends SettingKey>(keys: readonly K[]): Promise<{ [P in K]?: SettingsShape[P] }> {
    return getMany(keys as K[], this.store).then((values) =>
      Object.fromEntries(keys.map((key, index) => [key, values[index]])),
    ) as Promise<{ [P in K]?: SettingsShape[P] }>;
  }

  set<K extends SettingKey>(key: K, value: SettingsShape[K]): Promise<void> {
    return set(key, value, this.store);
  }

  remove(key: SettingKey): Promise<void> {
    return del(key, this.store);
  }
}
