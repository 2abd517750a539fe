import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { StatsQuery } from '../../../src/app/dashboard/api/types.ts';
import { monthReport } from '../../../src/app/dashboard/screens/report/monthlyReport.ts';
import { emptyStats } from './fakeCity.ts';
import { renderDashboard } from './renderDashboard.tsx';

const POINTS = [
  { id: 'predikheren', name: 'Bibliotheek Het Predikheren', active: true },
  { id: 'marta', name: 'mARTa', active: true },
];

/** October 2026: 30 visits at the library, 10 at mARTa. */
function october(query: StatsQuery) {
  if (query.from !== '2026-10-01' || query.to !== '2026-10-31') return {};
  if (query.kind === 'device') {
    return {
      totals: { visits: 6, questions: 0, deviceSessions: 6, firstVisits: 1, people: 6, barriers: 0 },
      byGroup: [{ code: 'senior', count: 4 }],
    };
  }
  if (query.point === 'marta') {
    return {
      point: 'marta',
      totals: { visits: 10, questions: 9, deviceSessions: 1, firstVisits: 2, people: 12, barriers: 0 },
      byTopic: [
        { code: 'itsme', count: 4 },
        { code: 'banking', count: 1 },
      ],
    };
  }
  if (query.point === 'predikheren') {
    return {
      point: 'predikheren',
      totals: { visits: 30, questions: 25, deviceSessions: 5, firstVisits: 8, people: 33, barriers: 2 },
      byTopic: [
        { code: 'government', count: 12 },
        { code: 'health', count: 9 },
        { code: 'itsme', count: 6 },
      ],
    };
  }
  return {
    totals: { visits: 40, questions: 34, deviceSessions: 6, firstVisits: 10, people: 45, barriers: 2 },
    byPoint: [
      { pointId: 'predikheren', count: 30 },
      { pointId: 'marta', count: 10 },
    ],
    byTopic: [
      { code: 'government', count: 12 },
      { code: 'itsme', count: 10 },
      { code: 'health', count: 9 },
      { code: 'banking', count: 1 },
      { code: 'email', count: 3 },
    ],
    byGroup: [
      { code: 'senior', count: 22 },
      { code: 'newcomer', count: 5 },
    ],
  };
}

describe('the monthly report for the Digibank programme', () => {
  it('takes people reached, device help and essential-service questions from a month’s statistics', () => {
    const q = { from: '2026-10-01', to: '2026-10-31' };
    const answer = (extra: StatsQuery) => ({ ...emptyStats(extra), ...october(extra) });
    const report = monthReport('2026-10', answer(q), answer({ ...q, kind: 'device' }), [
      answer({ ...q, point: 'marta' }),
      answer({ ...q, point: 'predikheren' }),
    ]);
    expect(report).toEqual({
      month: '2026-10',
      people: 45,
      visits: 40,
      deviceSessions: 6,
      firstVisits: 10,
      essential: { government: 12, health: 9, banking: 1, itsme: 10 },
      byPoint: [
        {
          pointId: 'predikheren',
          people: 33,
          visits: 30,
          deviceSessions: 5,
          essential: { government: 12, health: 9, banking: 0, itsme: 6 },
        },
        {
          pointId: 'marta',
          people: 12,
          visits: 10,
          deviceSessions: 1,
          essential: { government: 0, health: 0, banking: 1, itsme: 4 },
        },
      ],
      byGroup: [
        { group: 'senior', visits: 22, deviceSessions: 4 },
        { group: 'newcomer', visits: 5, deviceSessions: 0 },
      ],
    });
  });

  it('shows one printable page per month of the period, by point and target group', async () => {
    const { city, print } = renderDashboard({ signedIn: true, hash: '#/report', points: POINTS, stats: october });
    fireEvent.click(await screen.findByRole('button', { name: 'Zelf kiezen' }));
    fireEvent.input(screen.getByLabelText('Van'), { target: { value: '2026-09-15' } });
    fireEvent.input(screen.getByLabelText('Tot en met'), { target: { value: '2026-10-20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Toepassen' }));

    const octoberPage = await screen.findByRole('article', { name: 'Digibank Mechelen — oktober 2026' });
    const september = screen.getByRole('article', { name: 'Digibank Mechelen — september 2026' });
    expect(within(september).getByText('Geen bezoeken in deze maand.')).toBeTruthy();
    // A report month is the whole calendar month.
    expect(city.statsCalls()).toContainEqual({ from: '2026-10-01', to: '2026-10-31', point: null, kind: null });

    const figure = (label: string) => within(octoberPage).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(figure('Mensen bereikt')).toBe('45');
    expect(figure('Hulp met toestellen')).toBe('6');
    expect(figure('Overheid online')).toBe('12');
    expect(figure('itsme')).toBe('10');

    const rows = (name: string) =>
      within(within(octoberPage).getByText(name).nextElementSibling as HTMLElement)
        .getAllByRole('row')
        .map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows('Per punt')).toEqual([
      [
        'Punt',
        'Mensen bereikt',
        'Bezoeken',
        'Hulp met toestellen',
        'Overheid online',
        'Gezondheid en dokter',
        'Bankieren en betalen',
        'itsme',
      ],
      ['Bibliotheek Het Predikheren', '33', '30', '5', '12', '9', '0', '6'],
      ['mARTa', '12', '10', '1', '0', '0', '1', '4'],
      ['Totaal', '45', '40', '6', '12', '9', '1', '10'],
    ]);
    expect(rows('Per doelgroep')).toEqual([
      ['Doelgroep', 'Bezoeken', 'Vragen', 'Hulp met toestellen'],
      ['Oudere', '22', '18', '4'],
      ['Nieuwkomer', '5', '5', '0'],
    ]);

    const printButton = screen.getByRole('button', { name: 'Afdrukken' });
    await waitFor(() => expect((printButton as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(printButton);
    expect(print).toHaveBeenCalledOnce();
  });
});
