import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { DeviceSummary } from '../../../src/app/dashboard/api/types.ts';
import { renderDashboard } from './renderDashboard.tsx';

const tablet = (extra: Partial<DeviceSummary>): DeviceSummary => ({
  id: '019370c2-7a1e-7c4b-9d1e-4c2b8f1a0e55',
  label: 'Balie 1',
  pairedAt: '2026-09-01T09:00:00.000Z',
  lastSeenAt: '2026-11-23T06:00:00.000Z',
  appVersion: '0.1.0',
  pending: 0,
  oldestPendingAt: null,
  lastPointId: 'marta',
  revokedAt: null,
  ...extra,
});

describe('a coordinator manages the points', () => {
  it('adds a point with a code made from its name', async () => {
    const { city } = renderDashboard({ signedIn: true, hash: '#/points' });
    expect(await screen.findByText('Nog geen punten — voeg hieronder het eerste punt toe.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Naam van het punt'), { target: { value: 'Lokaal Dienstencentrum Den Abeel' } });
    expect((screen.getByLabelText('Code') as HTMLInputElement).value).toBe('lokaal-dienstencentrum-den-abeel');
    fireEvent.input(screen.getByLabelText('Code'), { target: { value: 'den-abeel' } });
    fireEvent.click(screen.getByRole('button', { name: 'Punt toevoegen' }));

    expect(await screen.findByText('Lokaal Dienstencentrum Den Abeel is toegevoegd.')).toBeTruthy();
    expect(city.points).toEqual([{ id: 'den-abeel', name: 'Lokaal Dienstencentrum Den Abeel', active: true }]);
    expect(await screen.findByRole('rowheader', { name: 'Lokaal Dienstencentrum Den Abeel' })).toBeTruthy();
  });

  it('is told when the code is taken or not a code', async () => {
    renderDashboard({ signedIn: true, hash: '#/points', points: [{ id: 'marta', name: 'mARTa', active: true }] });
    fireEvent.input(await screen.findByLabelText('Naam van het punt'), { target: { value: 'Marta bis' } });
    fireEvent.input(screen.getByLabelText('Code'), { target: { value: 'Marta!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Punt toevoegen' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Een code bestaat uit kleine letters, cijfers en streepjes.');
    fireEvent.input(screen.getByLabelText('Code'), { target: { value: 'marta' } });
    fireEvent.click(screen.getByRole('button', { name: 'Punt toevoegen' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Er is al een punt met de code marta.'));
  });

  it('renames a point and makes it inactive, then active again', async () => {
    const { city } = renderDashboard({
      signedIn: true,
      hash: '#/points',
      points: [{ id: 'marta', name: 'mARTa', active: true }],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Naam wijzigen van mARTa' }));
    const field = screen.getByLabelText('Nieuwe naam voor mARTa');
    expect(document.activeElement).toBe(field);
    fireEvent.input(field, { target: { value: 'mARTa Kunstencentrum' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    expect(await screen.findByText('De naam is nu mARTa Kunstencentrum.')).toBeTruthy();
    expect(city.points[0]?.name).toBe('mARTa Kunstencentrum');

    fireEvent.click(await screen.findByRole('button', { name: 'mARTa Kunstencentrum niet meer actief maken' }));
    expect(await screen.findByText('mARTa Kunstencentrum is niet meer actief.')).toBeTruthy();
    expect(city.points[0]?.active).toBe(false);
    const row = (await screen.findByRole('rowheader', { name: 'mARTa Kunstencentrum' })).closest('tr') as HTMLElement;
    await waitFor(() => expect(within(row).getByText('Niet actief')).toBeTruthy());
    fireEvent.click(within(row).getByRole('button', { name: 'mARTa Kunstencentrum weer actief maken' }));
    await waitFor(() => expect(city.points[0]?.active).toBe(true));
  });
});

describe('a coordinator looks after the tablets', () => {
  it('lists each tablet with its last point, last contact and waiting visits', async () => {
    renderDashboard({
      signedIn: true,
      hash: '#/tablets',
      points: [{ id: 'marta', name: 'mARTa', active: true }],
      devices: [tablet({ pending: 3, oldestPendingAt: new Date(2026, 10, 20, 8, 30).toISOString() })],
    });
    const row = (await screen.findByRole('rowheader', { name: 'Balie 1' })).closest('tr') as HTMLElement;
    const cells = [...row.children].map((cell) => cell.textContent);
    expect(cells.slice(0, 5)).toEqual(['Balie 1', 'mARTa', 'ongeveer 3 uur geleden', '3, sinds 20 nov. 2026 08:30', '0.1.0']);
  });

  it('revokes a tablet only after confirming', async () => {
    const { city } = renderDashboard({ signedIn: true, hash: '#/tablets', devices: [tablet({})] });
    fireEvent.click(await screen.findByRole('button', { name: 'Balie 1 intrekken' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Balie 1 intrekken?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Annuleren' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(city.requests.some((r) => r.method === 'DELETE')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Balie 1 intrekken' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Ja, intrekken' }));
    expect(await screen.findByText('Balie 1 is ingetrokken.')).toBeTruthy();
    expect(city.requests.find((r) => r.method === 'DELETE')?.path).toBe('/api/v1/devices/019370c2-7a1e-7c4b-9d1e-4c2b8f1a0e55');
    expect(await screen.findByText('Ingetrokken op 23 nov. 2026 10:00', { exact: false })).toBeTruthy();
  });

  it('says what to do when no tablet is paired yet', async () => {
    renderDashboard({ signedIn: true, hash: '#/tablets' });
    expect(await screen.findByText('Nog geen tablets — maak hierboven een koppelcode en scan ze met de tablet.')).toBeTruthy();
  });

  it('makes a pairing code, shown large with its expiry and as a QR code of the app link', async () => {
    renderDashboard({ signedIn: true, hash: '#/tablets', pairingCodes: ['ABCDEFGH'] });
    fireEvent.click(await screen.findByRole('button', { name: 'Koppelcode maken' }));
    expect(await screen.findByText('ABCD-EFGH')).toBeTruthy();
    expect(screen.getByText('Eén keer te gebruiken, geldig tot 24 nov. 2026 11:00.')).toBeTruthy();
    const qr = screen.getByRole('img', { name: 'QR-code met de link https://checkin.example/?pair=ABCDEFGH' });
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    expect(screen.getByRole('link', { name: 'https://checkin.example/?pair=ABCDEFGH' })).toBeTruthy();
  });
});
