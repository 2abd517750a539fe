import { describe, expect, it } from 'vitest';
import { visitExportCsv } from '../../../src/server/stats/visitExport.ts';
import { freshStore, STORE_KINDS } from '../helpers/stores.ts';
import { addPoints, visit, writeVisits } from './visits.ts';

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

describe.each(STORE_KINDS)('the visit export on the %s store', (kind) => {
  it('pages through the visits in arrival order, each exactly once, also when several arrive at the same instant', async () => {
    const store = await freshStore(kind);
    await addPoints(store, { marta: 'mARTa' });
    const sameInstant = '2026-09-14T10:00:00+02:00';
    const visits = [
      visit({ id: '01937000-0000-7000-8000-000000000003', pointId: 'marta', arrivedAt: sameInstant }),
      visit({ id: '01937000-0000-7000-8000-000000000001', pointId: 'marta', arrivedAt: sameInstant }),
      visit({ id: '01937000-0000-7000-8000-000000000002', pointId: 'marta', arrivedAt: '2026-09-14T08:00:00Z' }),
      visit({ id: '01937000-0000-7000-8000-000000000005', pointId: 'marta', arrivedAt: '2026-09-13T10:00:00+02:00' }),
      visit({ id: '01937000-0000-7000-8000-000000000004', pointId: 'marta', arrivedAt: '2026-09-15T10:00:00+02:00' }),
    ];
    await writeVisits(store, visits);

    // Pages of two: header, then three pages (2 + 2 + 1 rows).
    const chunks = await collect(visitExportCsv(store, { from: '2026-09-01', to: '2026-09-30' }, 2));
    expect(chunks).toHaveLength(4);
    const ids = chunks
      .join('')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(';')[0]?.slice(-1));
    // 13 Sep; then 14 Sep 10:00 local three times (08:00Z is 10:00 too), by id; then 15 Sep.
    expect(ids).toEqual(['5', '1', '2', '3', '4']);
  });

  it('writes only the header for a period without visits', async () => {
    const store = await freshStore(kind);
    const chunks = await collect(visitExportCsv(store, { from: '2026-01-01', to: '2026-01-31' }));
    expect(chunks.join('').split('\r\n')).toHaveLength(2);
  });
});
