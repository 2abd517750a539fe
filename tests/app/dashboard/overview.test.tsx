import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { StatsQuery } from '../../../src/app/dashboard/api/types.ts';
import { renderDashboard } from './renderDashboard.tsx';

const POINTS = [
  { id: 'predikheren', name: 'Bibliotheek Het Predikheren', active: true },
  { id: 'marta', name: 'mARTa', active: true },
  { id: 'oud', name: 'Oud punt', active: false },
];

/** November so far (1–23 Nov, the "this month" default) against 1–23 October. */
function novemberAgainstOctober(query: StatsQuery) {
  const november = query.from === '2026-11-01';
  return {
    totals: november
      ? { visits: 100, questions: 90, deviceSessions: 10, firstVisits: 30, people: 120, barriers: 5 }
      : { visits: 80, questions: 60, deviceSessions: 20, firstVisits: 30, people: 150, barriers: 0 },
    byTopic: november
      ? [
          { code: 'itsme', count: 40 },
          { code: 'health', count: 25 },
          { code: 'banking', count: 7 },
        ]
      : [],
    byPoint: november
      ? [
          { pointId: 'predikheren', count: 75 },
          { pointId: 'marta', count: 25 },
        ]
      : [],
    byDay: november ? [{ date: '2026-11-02', count: 12 }] : [],
    heatmap: november
      ? [
          { weekday: 1, hour: 9, count: 14 },
          { weekday: 1, hour: 10, count: 6 },
          { weekday: 3, hour: 14, count: 9 },
        ]
      : [],
    waitMinutes: november ? { median: 6, p90: 21 } : null,
  };
}

describe('the overview of a period', () => {
  it('shows each figure of this month so far with its change against the same days of last month', async () => {
    const { city } = renderDashboard({ signedIn: true, points: POINTS, stats: novemberAgainstOctober });
    const figures = await screen.findByRole('list', { name: 'Kerncijfers' });
    await waitFor(() => expect(within(figures).getByText('100')).toBeTruthy());
    const figure = (label: string) => within(figures).getByText(label).closest('li') as HTMLElement;

    expect(figure('Bezoeken').textContent).toContain('25 % meer dan de vorige periode (80)');
    expect(figure('Vragen').textContent).toContain('50 % meer dan de vorige periode (60)');
    expect(figure('Toestelhulp').textContent).toContain('50 % minder dan de vorige periode (20)');
    expect(figure('Mensen bereikt').textContent).toContain('20 % minder dan de vorige periode (150)');
    expect(figure('Eerste bezoeken').textContent).toContain('evenveel als de vorige periode (30)');
    expect(figure('Drempels').textContent).toContain('de vorige periode had er geen');
    expect(figure('Bezoeken').textContent).toContain('▲');
    expect(figure('Toestelhulp').textContent).toContain('▼');

    expect(screen.getByText('Vergeleken met 1 okt. 2026 – 23 okt. 2026')).toBeTruthy();
    expect(city.statsCalls()).toEqual(
      expect.arrayContaining([
        { from: '2026-11-01', to: '2026-11-23', point: null, kind: null },
        { from: '2026-10-01', to: '2026-10-23', point: null, kind: null },
      ]),
    );
  });

  it('asks for one point and one kind, and compares a custom period with the one before it', async () => {
    const { city } = renderDashboard({ signedIn: true, points: POINTS, stats: novemberAgainstOctober });
    await screen.findByRole('list', { name: 'Kerncijfers' });
    fireEvent.change(screen.getByLabelText('Punt'), { target: { value: 'marta' } });
    fireEvent.change(screen.getByLabelText('Soort'), { target: { value: 'device' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zelf kiezen' }));
    fireEvent.input(screen.getByLabelText('Van'), { target: { value: '2026-03-01' } });
    fireEvent.input(screen.getByLabelText('Tot en met'), { target: { value: '2026-03-10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Toepassen' }));
    await waitFor(() =>
      expect(city.statsCalls()).toEqual(
        expect.arrayContaining([
          { from: '2026-03-01', to: '2026-03-10', point: 'marta', kind: 'device' },
          { from: '2026-02-19', to: '2026-02-28', point: 'marta', kind: 'device' },
        ]),
      ),
    );
    expect(screen.getByRole('option', { name: 'Oud punt (niet actief)' })).toBeTruthy();
  });

  it('refuses a custom period that ends before it starts', async () => {
    const { city } = renderDashboard({ signedIn: true, points: POINTS });
    await screen.findByRole('list', { name: 'Kerncijfers' });
    fireEvent.click(screen.getByRole('button', { name: 'Zelf kiezen' }));
    fireEvent.input(screen.getByLabelText('Van'), { target: { value: '2026-03-10' } });
    fireEvent.input(screen.getByLabelText('Tot en met'), { target: { value: '2026-03-01' } });
    const calls = city.statsCalls().length;
    fireEvent.click(screen.getByRole('button', { name: 'Toepassen' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Kies een begindatum die niet na de einddatum ligt.');
    expect(city.statsCalls().length).toBe(calls);
  });

  it('shows a chart’s numbers as a table on request, and always to screen readers', async () => {
    renderDashboard({ signedIn: true, points: POINTS, stats: novemberAgainstOctober });
    const topics = (await screen.findByRole('heading', { name: 'Onderwerpen' })).closest('section') as HTMLElement;
    const table = within(topics).getByRole('table', { name: 'Onderwerpen' });
    expect(table.parentElement?.className).toBe('visually-hidden');
    const toggle = within(topics).getByRole('button', { name: 'Toon als tabel' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(table.parentElement?.className).toBe('table-scroll');
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toEqual(['OnderwerpAantal', 'itsme40', 'Gezondheid en dokter25', 'Bankieren en betalen7']);
  });

  it('lists the points with their visits and share of the total', async () => {
    renderDashboard({ signedIn: true, points: POINTS, stats: novemberAgainstOctober });
    const table = await screen.findByRole('table', { name: 'Per punt' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Punt', 'Aantal', 'Aandeel'],
      ['Bibliotheek Het Predikheren', '75', '75%'],
      ['mARTa', '25', '25%'],
      ['Totaal', '100', '100%'],
    ]);
  });

  it('reads arrivals by weekday and hour as a table with the busiest half-days', async () => {
    renderDashboard({ signedIn: true, points: POINTS, stats: novemberAgainstOctober });
    const heatmap = await screen.findByRole('table', { name: 'Aankomsten per weekdag en uur' });
    const monday = within(heatmap).getByRole('rowheader', { name: 'maandag' }).closest('tr') as HTMLElement;
    // Columns run from 9 h to 17 h: Monday has 14 at 9 h and 6 at 10 h.
    expect([...monday.querySelectorAll('td')].slice(0, 2).map((cell) => cell.textContent)).toEqual(['14', '6']);
    const busiest = screen.getByRole('heading', { name: 'Drukste halve dagen' }).nextElementSibling as HTMLElement;
    expect(busiest.textContent).toContain('maandag voormiddag: 20 aankomsten');
    expect(busiest.textContent).toContain('woensdag namiddag: 9 aankomsten');
  });

  it('says what to do when there are no visits yet', async () => {
    renderDashboard({ signedIn: true, points: [] });
    expect(await screen.findByText('Nog geen bezoeken in deze periode.', { exact: false })).toBeTruthy();
    // Nothing then and nothing now: no comparison under the figures.
    expect(screen.getByRole('list', { name: 'Kerncijfers' }).textContent).not.toContain('vorige periode');
    const link = screen.getByRole('link', { name: 'Koppel een tablet onder Tablets' });
    fireEvent.click(link);
    expect(link.getAttribute('href')).toBe('#/tablets');
  });

  it('offers the downloads for the period and point on screen', async () => {
    renderDashboard({ signedIn: true, points: POINTS, stats: novemberAgainstOctober });
    await screen.findByRole('list', { name: 'Kerncijfers' });
    fireEvent.change(screen.getByLabelText('Punt'), { target: { value: 'marta' } });
    expect(screen.getByRole('link', { name: 'Bezoeken (CSV)' }).getAttribute('href')).toBe(
      '/api/v1/export.csv?from=2026-11-01&to=2026-11-23&point=marta',
    );
    expect(screen.getByRole('link', { name: 'Open data (CSV)' }).getAttribute('href')).toBe(
      '/api/v1/export/open-data.csv?from=2026-11-01&to=2026-11-23',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Dit jaar' }));
    expect(screen.getByRole('link', { name: 'Bezoeken (CSV)' }).getAttribute('href')).toBe(
      '/api/v1/export.csv?from=2026-01-01&to=2026-11-23&point=marta',
    );
    const downloads = screen.getByRole('region', { name: 'Downloads' });
    expect(within(downloads).getByRole('link', { name: 'Maandrapport' }).getAttribute('href')).toBe('#/report');
  });
});
