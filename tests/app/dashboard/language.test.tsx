import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_KEY } from '../../../src/app/dashboard/language.ts';
import { renderDashboard } from './renderDashboard.tsx';

const busyOctober = () => ({
  totals: { visits: 12, questions: 12, deviceSessions: 0, firstVisits: 0, people: 12, barriers: 0 },
  byTopic: [{ code: 'transport', count: 12 }],
});

describe('the dashboard’s language', () => {
  it('switches every label, topic and date to English and remembers it', async () => {
    const { storage } = renderDashboard({ signedIn: true, stats: busyOctober });
    expect(await screen.findByRole('heading', { name: 'Overzicht' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Taal'), { target: { value: 'en' } });

    expect(await screen.findByRole('heading', { name: 'Overview' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'This year' })).toBeTruthy();
    expect(await screen.findByRole('table', { name: 'Topics' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Train or bus tickets' })).toBeTruthy();
    expect(screen.getByText('Compared with 1 Oct 2026 – 23 Oct 2026')).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(storage.getItem(LANGUAGE_KEY)).toBe('en');
  });

  it('opens in French for a browser set to French, and in the language chosen before over the browser’s', async () => {
    renderDashboard({ languages: ['fr-BE', 'nl'] });
    expect(await screen.findByRole('heading', { name: 'Connexion coordinateur' })).toBeTruthy();
    cleanup();
    renderDashboard({ languages: ['fr-BE'], storage: { [LANGUAGE_KEY]: 'nl' } });
    expect(await screen.findByRole('heading', { name: 'Aanmelden als coördinator' })).toBeTruthy();
  });
});
