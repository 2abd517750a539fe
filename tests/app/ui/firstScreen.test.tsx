/**
 * The tablet's background work (sync engine, service worker) starts when the
 * first screen shows what it is for: App reports that moment. The home screen
 * reports once today's lists are in; any other first screen once the
 * settings are read. Each test logs the order of events and what the host
 * could see at the report.
 */
import { screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { pairedTablet, setUpTablet, type TestTablet } from '../helpers/tablet.ts';
import { renderApp } from './renderApp.tsx';

function recordReports(t: TestTablet) {
  const log: string[] = [];
  const load = t.tablet.settings.load.bind(t.tablet.settings);
  t.tablet.settings.load = async () => {
    const state = await load();
    log.push('settings read');
    return state;
  };
  const onFirstScreen = () =>
    log.push(document.querySelector('.today-lists') ? 'reported with the lists' : 'reported without the lists');
  return { log, onFirstScreen };
}

describe('the first screen reports itself shown', () => {
  it('on the home screen, only once today’s lists are in', async () => {
    const t = await pairedTablet();
    await t.tablet.checkIn('predikheren');
    const { log, onFirstScreen } = recordReports(t);
    renderApp(t, { onFirstScreen });

    await waitFor(() => expect(log).toContain('reported with the lists'));
    expect(log.slice(0, 2)).toEqual(['settings read', 'reported with the lists']);
    expect(screen.getByRole('heading', { name: 'Wachtend (1)' })).toBeTruthy();
  });

  it('on a tablet that is not paired yet, once its settings are read', async () => {
    const t = setUpTablet();
    const { log, onFirstScreen } = recordReports(t);
    renderApp(t, { onFirstScreen });

    await waitFor(() => expect(log.length).toBeGreaterThan(1));
    expect(log.slice(0, 2)).toEqual(['settings read', 'reported without the lists']);
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
  });

  it('on another screen opened directly (the history), once the settings are read', async () => {
    const t = await pairedTablet();
    const { log, onFirstScreen } = recordReports(t);
    renderApp(t, { hash: '#/history', onFirstScreen });

    await waitFor(() => expect(log.length).toBeGreaterThan(1));
    expect(log.slice(0, 2)).toEqual(['settings read', 'reported without the lists']);
  });
});
