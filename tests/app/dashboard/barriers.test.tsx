import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { StatsQuery } from '../../../src/app/dashboard/api/types.ts';
import { renderDashboard } from './renderDashboard.tsx';

/** This year: barriers in January (itsme, government) and in March (government). */
function barriers(query: StatsQuery) {
  const totals = (visits: number, barriers: number) => ({
    visits,
    questions: visits,
    deviceSessions: 0,
    firstVisits: 0,
    people: visits,
    barriers,
  });
  if (query.from === '2026-01-01' && query.to === '2026-11-23') {
    return {
      totals: totals(400, 12),
      barriersByTopic: [
        { code: 'government', count: 9 },
        { code: 'itsme', count: 5 },
      ],
      barriersByPoint: [{ pointId: 'marta', count: 12 }],
    };
  }
  if (query.from === '2026-01-01')
    return {
      totals: totals(50, 5),
      barriersByTopic: [
        { code: 'itsme', count: 5 },
        { code: 'government', count: 2 },
      ],
    };
  if (query.from === '2026-03-01') return { totals: totals(70, 7), barriersByTopic: [{ code: 'government', count: 7 }] };
  return { totals: totals(30, 0) };
}

describe('barriers: where the digital service itself was the obstacle', () => {
  it('follows them month by month with their share of the visits and their main topics', async () => {
    const { city } = renderDashboard({
      signedIn: true,
      hash: '#/barriers',
      points: [{ id: 'marta', name: 'mARTa', active: true }],
      stats: barriers,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Dit jaar' }));
    const table = await screen.findByRole('table', { name: 'Drempels per maand' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows.slice(0, 4)).toEqual([
      ['Maand', 'Aantal', 'Van de bezoeken', 'Vooral over'],
      ['januari 2026', '5', '10%', 'itsme, Overheid online'],
      ['februari 2026', '0', '0%', ''],
      ['maart 2026', '7', '10%', 'Overheid online'],
    ]);
    expect(rows).toHaveLength(12);
    expect(city.statsCalls()).toContainEqual({ from: '2026-11-01', to: '2026-11-23', point: null, kind: null });
    expect(screen.getByRole('table', { name: 'Drempels per punt' }).textContent).toContain('mARTa12');
  });
});
