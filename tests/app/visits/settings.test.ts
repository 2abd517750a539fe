import { describe, expect, it } from 'vitest';
import { Drafts } from '../../../src/app/visits/drafts.ts';
import { MemoryStorage, pairedTablet, setUpTablet } from '../helpers/tablet.ts';

describe('the tablet’s settings', () => {
  it('makes an install id once and keeps it', async () => {
    const t = setUpTablet();
    const first = await t.tablet.settings.load();
    const second = await t.tablet.settings.load();
    expect(first.installId).toBe('0b7e4a52-52f1-4b8f-9d47-6a3c1f0e9d21');
    expect(second.installId).toBe(first.installId);
    expect(first).toMatchObject({ pairing: null, pairingRevoked: false, lang: 'nl', pointId: null });
  });

  it('remembers the point of today and the interface language', async () => {
    const t = await pairedTablet();
    await t.tablet.settings.choosePoint('den-abeel');
    await t.tablet.settings.chooseLanguage('fr');
    expect(await t.tablet.settings.load()).toMatchObject({ pointId: 'den-abeel', lang: 'fr' });
  });

  it('reads every setting back at once', async () => {
    const t = await pairedTablet();
    await t.settings.set('pairingRevoked', true);
    await t.settings.set('persistentStorage', 'granted');
    await t.tablet.settings.chooseLanguage('en');
    expect(await t.tablet.settings.load()).toEqual({
      installId: '0b7e4a52-52f1-4b8f-9d47-6a3c1f0e9d21',
      pairing: { deviceId: 'device-1', token: 'token-0', label: 'Tablet balie', pairedAt: '2026-11-01T10:00:00.000+01:00' },
      pairingRevoked: true,
      points: (await t.settings.get('points')) ?? [],
      pointId: 'predikheren',
      lang: 'en',
      persistentStorage: 'granted',
    });
    expect(await t.settings.getMany(['lang', 'lastSyncAt'])).toEqual({ lang: 'en', lastSyncAt: undefined });
  });

  it('forgets a chosen point the city no longer lists', async () => {
    const t = await pairedTablet();
    await t.tablet.settings.savePoints([{ id: 'den-abeel', name: 'Den Abeel' }]);
    expect((await t.tablet.settings.load()).pointId).toBeNull();
  });
});

describe('drafts of half-filled forms', () => {
  it('come back after a reload and are gone once discarded', () => {
    const storage = new MemoryStorage();
    new Drafts(storage).save('log:question', { step: 'outcome', topic: 'itsme' });
    const afterReload = new Drafts(storage);
    expect(afterReload.load('log:question')).toEqual({ step: 'outcome', topic: 'itsme' });
    afterReload.clear('log:question');
    expect(afterReload.load('log:question')).toBeNull();
  });

  it('never break the form when the storage is unusable', () => {
    const broken = {
      getItem: () => '{not json',
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {},
    };
    const drafts = new Drafts(broken);
    expect(drafts.load('x')).toBeNull();
    expect(() => drafts.save('x', { a: 1 })).not.toThrow();
  });
});
