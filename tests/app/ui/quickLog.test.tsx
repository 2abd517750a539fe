import { fireEvent, screen, within } from '@testing-library/preact';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { MemoryStorage, pairedTablet } from '../helpers/tablet.ts';
import { renderApp } from './renderApp.tsx';

describe('a host logs a walk-in from Today', () => {
  it('logs "Vraag → itsme → Opgelost" in three taps, says "Bewaard" only once it is stored, and offers undo', async () => {
    const t = await pairedTablet();
    renderApp(t);
    await screen.findByText('Bibliotheek Het Predikheren');
    expect(await screen.findByRole('heading', { name: 'Klaar vandaag (0)' })).toBeTruthy();

    fireEvent.click(screen.getByRole('link', { name: /Vraag/ })); // tap 1
    fireEvent.click(await screen.findByRole('button', { name: 'itsme' })); // tap 2
    fireEvent.click(await screen.findByRole('button', { name: 'Opgelost' })); // tap 3

    const toast = await screen.findByRole('status', { name: 'Meldingen' });
    await within(toast).findByText('Bewaard');
    const [stored] = await t.db.visits.toArray();
    expect(stored).toMatchObject({ kind: 'question', topics: ['itsme'], outcome: 'resolved', rev: 1 });
    expect(await screen.findByRole('heading', { name: 'Klaar vandaag (1)' })).toBeTruthy();
    expect(within(toast).getByRole('link', { name: 'Meer details' }).getAttribute('href')).toBe(`#/visit/${stored?.id}`);

    fireEvent.click(within(toast).getByRole('button', { name: 'Ongedaan maken' }));
    await within(toast).findByText('Ongedaan gemaakt');
    expect(await t.db.visits.get(stored?.id ?? '')).toMatchObject({ deleted: true, rev: 2 });
    expect(await screen.findByRole('heading', { name: 'Klaar vandaag (0)' })).toBeTruthy();
  });

  it('puts the topics this point asks most first', async () => {
    const t = await pairedTablet();
    for (let i = 0; i < 2; i++)
      await t.tablet.quickLog('predikheren', {
        kind: 'question',
        topics: ['transport'],
        device: null,
        problem: null,
        outcome: 'resolved',
        referredTo: null,
      });
    renderApp(t, { hash: '#/log/question' });
    const grid = await screen.findByRole('group', { name: 'Waarover ging het?' });
    expect(within(grid).getAllByRole('button')[0]?.textContent).toBe('Trein- of busticket');
  });

  it('asks for the device, its system, whose it is and the problem for device help; each may be skipped', async () => {
    const t = await pairedTablet();
    renderApp(t, { hash: '#/log/device' });
    fireEvent.click(await screen.findByRole('button', { name: 'Smartphone of tablet leren' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Smartphone' }));
    expect(await screen.findByRole('heading', { name: 'Welk systeem?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Android' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Overslaan' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Geheugen vol' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Doorverwezen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Digibankatelier' }));

    await screen.findByText('Bewaard');
    const [stored] = await t.db.visits.toArray();
    expect(stored).toMatchObject({
      kind: 'device',
      topics: ['smartphone-basics'],
      device: { type: 'smartphone', os: 'android' },
      problem: 'storage-full',
      outcome: 'referred',
      referredTo: 'digibank-workshop',
    });
  });

  it('keeps a half-done quick log through a reload', async () => {
    const drafts = new MemoryStorage();
    const t = await pairedTablet({ drafts });
    const first = renderApp(t, { hash: '#/log/question' });
    fireEvent.click(await screen.findByRole('button', { name: 'E-mail' }));
    await screen.findByRole('heading', { name: 'Hoe is het afgelopen?' });
    first.unmount();

    const reloaded = await pairedTablet({ drafts });
    renderApp(reloaded, { hash: '#/log/question' });
    expect(await screen.findByRole('heading', { name: 'Hoe is het afgelopen?' })).toBeTruthy();
    expect(screen.getByText('Gekozen: E-mail')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Terug' }));
    expect(await screen.findByRole('heading', { name: 'Waarover ging het?' })).toBeTruthy();
  });

  it('shows a failed save and keeps every answer so the host can tap again', async () => {
    const t = await pairedTablet();
    const put = t.db.visits.put.bind(t.db.visits);
    t.db.visits.put = () => Dexie.Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    renderApp(t, { hash: '#/log/question' });
    fireEvent.click(await screen.findByRole('button', { name: 'itsme' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Opgelost' }));

    expect((await screen.findByRole('alert')).textContent).toContain('NIET bewaard: het geheugen van de tablet is vol');
    expect(screen.getByText('Gekozen: itsme')).toBeTruthy();
    expect(await t.db.visits.count()).toBe(0);

    t.db.visits.put = put;
    fireEvent.click(screen.getByRole('button', { name: 'Opgelost' }));
    await screen.findByText('Bewaard');
    expect(await t.db.visits.count()).toBe(1);
  });
});

describe('a half-done quick log left for another screen', () => {
  it('starts afresh next time, so the next visitor never inherits a topic', async () => {
    const t = await pairedTablet();
    renderApp(t, { hash: '#/log/question' });
    fireEvent.click(await screen.findByRole('button', { name: 'E-mail' }));
    await screen.findByRole('heading', { name: 'Hoe is het afgelopen?' });

    fireEvent.click(screen.getByRole('link', { name: 'Vandaag' }));
    fireEvent.click(await screen.findByRole('link', { name: /Vraag/ }));
    expect(await screen.findByRole('heading', { name: 'Waarover ging het?' })).toBeTruthy();
    expect(screen.queryByText(/Gekozen/)).toBeNull();
  });
});
