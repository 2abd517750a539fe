import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { takePairCode } from '../../../src/app/pairLink.ts';
import { pairedTablet, setUpTablet } from '../helpers/tablet.ts';
import { renderApp } from './renderApp.tsx';

describe('setting up a tablet', () => {
  it('pairs with a typed code, says what the browser promised about storage, then asks where we are today', async () => {
    const t = setUpTablet();
    t.persist.answer = false;
    renderApp(t);
    fireEvent.input(await screen.findByLabelText('Koppelcode'), { target: { value: 'abcd efgh' } });
    fireEvent.click(screen.getByRole('button', { name: 'Koppelen' }));

    expect(await screen.findByRole('heading', { name: 'Waar zijn we vandaag?' })).toBeTruthy();
    expect(screen.getByText(/de browser mag de bewaarde bezoeken wissen/)).toBeTruthy();
    expect(t.city.requests[0]?.body).toMatchObject({ code: 'ABCDEFGH' });

    fireEvent.click(screen.getByRole('button', { name: /Lokaal Dienstencentrum Den Abeel/ }));
    expect(await screen.findByText('Lokaal Dienstencentrum Den Abeel')).toBeTruthy();
    expect(await screen.findByRole('link', { name: /Vraag/ })).toBeTruthy();
    expect((await t.tablet.settings.load()).pointId).toBe('den-abeel');
  });

  it('pairs at once from the link in the coordinator’s QR code, and takes the code out of the address bar', async () => {
    window.history.replaceState(null, '', '/?pair=ABCD-EFGH#/');
    const code = takePairCode(window.location, window.history);
    expect(code).toBe('ABCD-EFGH');
    expect(window.location.search).toBe('');

    const t = setUpTablet();
    renderApp(t, { pairCode: code });
    expect(await screen.findByRole('heading', { name: 'Waar zijn we vandaag?' })).toBeTruthy();
    expect(t.city.requests.map((r) => r.url)).toEqual(['/api/v1/devices/pair', '/api/v1/config']);
  });

  it('gives one clear message for a refused code and keeps what was typed', async () => {
    const t = setUpTablet();
    t.city.pairAnswer = 400;
    renderApp(t);
    const field = (await screen.findByLabelText('Koppelcode')) as HTMLInputElement;
    fireEvent.input(field, { target: { value: 'ABCD-EFGH' } });
    fireEvent.click(screen.getByRole('button', { name: 'Koppelen' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Deze code werkt niet: ze is fout, al gebruikt of verlopen. Vraag de coördinator een nieuwe code.',
    );
    expect(field.value).toBe('ABCD-EFGH');
    expect(field.getAttribute('aria-invalid')).toBe('true');
  });

  it('says calmly when the city cannot be reached', async () => {
    const t = setUpTablet();
    t.city.pairAnswer = 'network';
    renderApp(t);
    fireEvent.input(await screen.findByLabelText('Koppelcode'), { target: { value: 'ABCD-EFGH' } });
    fireEvent.click(screen.getByRole('button', { name: 'Koppelen' }));
    expect((await screen.findByRole('alert')).textContent).toContain('De stad is nu niet bereikbaar');
  });

  it('asks to pair again when the city revoked the tablet, and pairs it again as the same device', async () => {
    const t = await pairedTablet();
    await t.settings.set('pairingRevoked', true);
    await t.tablet.quickLog('predikheren', {
      kind: 'question',
      topics: ['eid'],
      device: null,
      problem: null,
      outcome: 'resolved',
      referredTo: null,
    });
    renderApp(t);
    expect(await screen.findByText(/Deze tablet moet opnieuw gekoppeld worden/)).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Koppelcode'), { target: { value: 'HJKM-NPQR' } });
    fireEvent.click(screen.getByRole('button', { name: 'Koppelen' }));
    const current = await screen.findByRole('button', { name: /Bibliotheek Het Predikheren/ });
    expect(current.getAttribute('aria-current')).toBe('true');
    fireEvent.click(current);

    expect(await screen.findByRole('heading', { name: 'Klaar vandaag (1)' })).toBeTruthy();
    expect(t.city.requests[0]?.body).toMatchObject({ installId: '0b7e4a52-52f1-4b8f-9d47-6a3c1f0e9d21' });
    expect(await t.tablet.settings.load()).toMatchObject({ pairingRevoked: false, pairing: { token: 'token-1' } });
  });
});
