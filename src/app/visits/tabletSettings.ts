/**
 * The tablet's small settings as screens need them: pairing, the point of
 * today, the interface language. Screens read and change them only here.
 */

import type { Point } from '../../shared/protocol.ts';
import type { Lang } from '../../shared/taxonomy.ts';
import type { Pairing, Settings, SettingsShape } from '../db/settings.ts';

export interface TabletState {
  installId: string;
  pairing: Pairing | null;
  /** The city no longer accepts this tablet's token: it must be paired again (its visits stay). */
  pairingRevoked: boolean;
  points: Point[];
  /** The point chosen for today; null until chosen or when it no longer exists. */
  pointId: string | null;
  lang: Lang;
  persistentStorage: SettingsShape['persistentStorage'] | null;
}

export class TabletSettings {
  constructor(
    private readonly settings: Settings,
    private readonly newInstallId: () => string,
  ) {}

  async load(): Promise<TabletState> {
    const s = await this.settings.getMany([
      'installId',
      'points',
      'pointId',
      'pairing',
      'pairingRevoked',
      'lang',
      'persistentStorage',
    ]);
    let installId = s.installId;
    if (!installId) {
      installId = this.newInstallId();
      await this.settings.set('installId', installId);
    }
    const points = s.points ?? [];
    return {
      installId,
      pairing: s.pairing ?? null,
      pairingRevoked: s.pairingRevoked ?? false,
      points,
      pointId: points.some((point) => point.id === s.pointId) ? (s.pointId ?? null) : null,
      lang: s.lang ?? 'nl',
      persistentStorage: s.persistentStorage ?? null,
    };
  }

  choosePoint(pointId: string): Promise<void> {
    return this.settings.set('pointId', pointId);
  }

  chooseLanguage(lang: Lang): Promise<void> {
    return this.settings.set('lang', lang);
  }

  /** A new token replaces the old one; the install (and so the device and its visits) stays the same. */
  async savePairing(pairing: Pairing): Promise<void> {
    await this.settings.set('pairing', pairing);
    await this.settings.set('pairingRevoked', false);
  }

  savePoints(points: Point[]): Promise<void> {
    return this.settings.set('points', points);
  }

  savePersistentStorage(answer: SettingsShape['persistentStorage']): Promise<void> {
    return this.settings.set('persistentStorage', answer);
  }
}
