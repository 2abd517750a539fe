import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { SyncHandle } from '../../../src/app/sync/startSync.ts';
import { createStatusStore, initialSyncStatus, type SyncStatus as Status } from '../../../src/app/sync/status.ts';
import { describeSync } from '../../../src/app/ui/sync/describeSync.ts';
import { SyncActions } from '../../../src/app/ui/sync/SyncActions.tsx';
import { SyncContext } from '../../../src/app/ui/sync/SyncContext.ts';
import { SyncStatus } from '../../../src/app/ui/sync/SyncStatus.tsx';
import { syncText } from '../../../src/app/ui/sync/strings.ts';

const NOW = Date.parse('2026-11-22T10:45:00+01:00');
const at = (status: Partial<Status>): Status => ({ ...initialSyncStatus, phase: 'idle', ...status });
const line = (status: Partial<Status>, lang: 'nl' | 'en' | 'fr' = 'en') =>
  describeSync(at(status), {
    text: syncText(lang),
    now: NOW,
    time: (ms) => new Date(ms).toISOString().slice(11, 16),
    dayTime: (ms) => `${new Date(ms).toISOString().slice(5, 10)} ${new Date(ms).toISOString().slice(11, 16)}`,
  });

describe('the line a host reads about syncing', () => {
  it('says all is synced, and when, in a calm tone', () => {
    expect(line({ lastSyncAt: '2026-11-22T09:42:00.000Z' })).toEqual({ text: 'All synced · last 09:42', tone: 'calm' });
    expect(line({ lastSyncAt: '2026-11-20T15:03:00.000Z' })?.text).toBe('All synced · last 11-20 15:03');
    expect(line({ lastSyncAt: '2026-11-22T09:42:00.000Z' }, 'nl')?.text).toBe('Alles gesynchroniseerd · laatst 09:42');
    expect(line({ lastSyncAt: null })?.text).toBe('Nothing to sync yet');
  });

  it('counts the visits waiting for the network, calmly, offline being normal', () => {
    expect(line({ phase: 'waiting', pending: 3 })).toEqual({ text: '3 visits waiting for the network', tone: 'calm' });
    expect(line({ phase: 'waiting', pending: 1 }, 'fr')?.text).toBe('1 visite attend le réseau');
    expect(line({ phase: 'waiting', pending: 4 }, 'nl')?.text).toBe('4 bezoeken wachten op het netwerk');
  });

  it('shows progress on a long drain only', () => {
    expect(line({ phase: 'sending', pending: 480, progress: { done: 120, total: 480 } })).toEqual({
      text: 'Syncing 120 of 480',
      tone: 'busy',
    });
    expect(line({ phase: 'sending', pending: 2, progress: { done: 0, total: 2 } })?.text).toBe(
      '2 visits waiting for the network',
    );
  });

  it('asks for attention for rejected visits and a revoked pairing', () => {
    expect(line({ attention: 2 })).toEqual({ text: 'Needs attention (2)', tone: 'attention' });
    expect(line({ attention: 2, pending: 3 })?.text).toBe('Needs attention (2) · 3 visits waiting for the network');
    expect(line({ phase: 'revoked', pending: 5 })).toEqual({ text: 'Pair again', tone: 'attention' });
    expect(line({ phase: 'revoked' }, 'nl')?.text).toBe('Opnieuw koppelen');
  });

  it('says nothing before it knows, or before the tablet is paired', () => {
    expect(line({ phase: 'starting' })).toBeNull();
    expect(line({ phase: 'unpaired' })).toBeNull();
  });
});

function fakeSync(status: Partial<Status>) {
  const store = createStatusStore(at(status));
  const calls: string[] = [];
  const handle: SyncHandle = {
    status: store,
    now: () => NOW,
    syncNow: () => calls.push('sync now'),
    saveUnsynced: async () => ({
      file: { deviceId: 'device-1', exportedAt: '2026-11-22T09:45:00.000Z', visits: [{ id: 'a' }, { id: 'b' }] },
      fileName: 'digibank-unsynced-device-1-20261122-1045.json',
      json: '{"deviceId":"device-1"}',
    }),
    settled: async () => undefined,
    stop: () => undefined,
  };
  return { handle, store, calls };
}

describe('the status on every screen and the actions in Settings', () => {
  it('reads the status out politely and follows it as it changes', async () => {
    const { handle, store } = fakeSync({ phase: 'waiting', pending: 3 });
    render(
      <SyncContext.Provider value={handle}>
        <SyncStatus />
      </SyncContext.Provider>,
    );
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toContain('3 bezoeken wachten op het netwerk');

    store.update({ phase: 'revoked' });
    expect(await screen.findByText('Opnieuw koppelen')).toBeTruthy();
  });

  it('"Sync now" asks the engine to try at once, and saving hands the rescue file to the download', async () => {
    const { handle, calls } = fakeSync({ phase: 'waiting', pending: 2 });
    const saved: [string, string][] = [];
    render(
      <SyncContext.Provider value={handle}>
        <SyncActions save={(name, text) => saved.push([name, text])} />
      </SyncContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Nu synchroniseren' }));
    expect(calls).toEqual(['sync now']);
    expect(await screen.findByText('De tablet probeert het nu.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Niet-gesynchroniseerde bezoeken bewaren in een bestand' }));
    expect(await screen.findByText('Bestand bewaard met 2 bezoeken.')).toBeTruthy();
    expect(saved).toEqual([['digibank-unsynced-device-1-20261122-1045.json', '{"deviceId":"device-1"}']]);
  });

  it('renders nothing where sync has not started', () => {
    const { container } = render(<SyncActions />);
    expect(container.textContent).toBe('');
  });
});
