import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { pairedTablet } from '../helpers/tablet.ts';
import { renderApp } from './renderApp.tsx';

describe('switching the interface language', () => {
  it('turns every label, topic and date into English, and remembers it', async () => {
    const t = await pairedTablet();
    renderApp(t, { hash: '#/settings' });
    expect(await screen.findByText('Zondag 22 november', { exact: false })).toBeTruthy();
    const languages = await screen.findByRole('group', { name: 'Taal van de tablet' });
    fireEvent.click(within(languages).getByRole('button', { name: 'English' }));

    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();
    expect(screen.getByText('Sunday 22 November')).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect((await t.tablet.settings.load()).lang).toBe('en');

    fireEvent.click(screen.getByRole('link', { name: 'Today' }));
    fireEvent.click(await screen.findByRole('link', { name: /Question/ }));
    expect(await screen.findByRole('heading', { name: 'What was it about?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Train or bus tickets' })).toBeTruthy();
  });

  it('opens in French when French was chosen before', async () => {
    const t = await pairedTablet();
    await t.settings.set('lang', 'fr');
    renderApp(t);
    expect(await screen.findByRole('button', { name: 'Inscrire' })).toBeTruthy();
    expect(screen.getByText('Dimanche 22 novembre', { exact: false })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'En attente (0)' })).toBeTruthy();
  });
});
