import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pairedTablet } from '../helpers/tablet.ts';
import { renderApp } from './renderApp.tsx';

afterEach(() => {
  vi.useRealTimers();
});

const section = (name: RegExp) => screen.getByRole('region', { name });

describe('a host runs the waiting line on Today', () => {
  it('checks in with one tap, sees how long the visitor waits, starts helping and finishes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const t = await pairedTablet();
    renderApp(t);

    fireEvent.click(await screen.findByRole('button', { name: /Aanmelden/ }));
    await screen.findByText('Bezoeker 1 is aangemeld');
    expect(await screen.findByRole('heading', { name: 'Wachtend (1)' })).toBeTruthy();
    expect(within(section(/Wachtend/)).getByText(/wacht 0 min · aangemeld 09:00/)).toBeTruthy();

    t.clock.advanceMinutes(12);
    act(() => {
      vi.advanceTimersByTime(30_000);
    });
    expect(await within(section(/Wachtend/)).findByText(/wacht 12 min/)).toBeTruthy();

    const person = within(section(/Wachtend/)).getByRole('button', { name: /Bezoeker 1/ });
    expect(person.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(person);
    expect(person.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(within(section(/Wachtend/)).getByRole('button', { name: 'Start helpen' }));
    expect(await screen.findByRole('heading', { name: 'Bezig (1)' })).toBeTruthy();
    expect(await screen.findByText('Bezoeker 1 wordt geholpen')).toBeTruthy();

    fireEvent.click(within(section(/Bezig/)).getByRole('button', { name: /Bezoeker 1/ }));
    fireEvent.click(within(section(/Bezig/)).getByRole('link', { name: 'Afronden' }));
    expect(await screen.findByText(/Bezoeker 1 afronden/)).toBeTruthy();
    fireEvent.click(within(screen.getByRole('group', { name: 'Soort hulp' })).getByRole('button', { name: 'Toestel' }));
    fireEvent.click(await screen.findByRole('button', { name: 'WhatsApp en videobellen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Smartphone' }));
    for (let i = 0; i < 3; i++) fireEvent.click(await screen.findByRole('button', { name: 'Overslaan' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Deels' }));

    await screen.findByText('Bewaard');
    expect(await screen.findByRole('heading', { name: 'Klaar vandaag (1)' })).toBeTruthy();
    const [visit] = await t.db.visits.toArray();
    expect(visit).toMatchObject({
      kind: 'device',
      topics: ['messaging'],
      device: { type: 'smartphone' },
      outcome: 'partly',
      rev: 3,
    });
    expect(visit?.startedAt).not.toBeNull();
    expect(visit?.endedAt).not.toBeNull();
  });

  it('marks someone who left without help, and the check-in itself can be undone', async () => {
    const t = await pairedTablet();
    renderApp(t);
    fireEvent.click(await screen.findByRole('button', { name: /Aanmelden/ }));
    fireEvent.click(await screen.findByRole('button', { name: /Aanmelden/ }));
    await screen.findByRole('heading', { name: 'Wachtend (2)' });

    fireEvent.click(within(section(/Wachtend/)).getByRole('button', { name: /Bezoeker 1/ }));
    fireEvent.click(within(section(/Wachtend/)).getByRole('button', { name: 'Weg zonder hulp' }));
    await screen.findByText('Bezoeker 1 is weg zonder hulp');
    expect(await screen.findByRole('heading', { name: 'Klaar vandaag (1)' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Wachtend (1)' })).toBeTruthy();

    fireEvent.click(within(screen.getByRole('status', { name: 'Meldingen' })).getByRole('button', { name: 'Ongedaan maken' }));
    expect(await screen.findByRole('heading', { name: 'Wachtend (2)' })).toBeTruthy();
  });
});
