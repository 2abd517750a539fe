/**
 * RFC 3339 allows `Z` for UTC, and the protocol's pattern accepts it: a
 * tablet (or a rescue file edited by hand) that writes its times in UTC must
 * be stored like any other, at the same instant, not refused as "not a real
 * date and time".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isRealTimestamp } from '../../../src/shared/timestamp.ts';
import { aVisit, json, readyToSync, type SyncAnswer, statuses, sync, type TestServer } from '../helpers/app.ts';
import { STORE_KINDS } from '../helpers/stores.ts';

let open: TestServer | undefined;
afterEach(async () => {
  await open?.app.close();
  open = undefined;
});

describe('a timestamp in UTC', () => {
  it.each(['2026-11-22T08:14:03Z', '2026-11-22T08:14:03.120Z', '2026-11-22T08:14:03.123456789Z', '2028-02-29T23:59:59Z'])(
    '%s is a real instant',
    (time) => {
      expect(isRealTimestamp(time)).toBe(true);
    },
  );

  it.each([
    '2026-02-29T08:00:00Z',
    '2026-11-31T08:00:00Z',
    '2026-11-22T24:00:00Z',
    '2026-11-22T08:60:00Z',
    '0000-01-01T00:00:00Z',
  ])('%s is not', (time) => {
    expect(isRealTimestamp(time)).toBe(false);
  });
});

describe.each(STORE_KINDS)('a tablet writing its times in UTC (%s)', (kind) => {
  it('has its visit stored at the same instant as with an offset, and a retry is unchanged', async () => {
    const server = await readyToSync(kind);
    open = server;
    const inUtc = aVisit({
      arrivedAt: '2026-11-22T08:14:03.120Z',
      startedAt: '2026-11-22T08:20:00Z',
      endedAt: '2026-11-22T08:41:10Z',
      topics: ['itsme'],
      outcome: 'resolved',
      createdAt: '2026-11-22T08:14:03.120Z',
      updatedAt: '2026-11-22T08:41:12.004Z',
    });
    const answer = await sync(server, server.tablet, [inUtc]);
    expect(json<SyncAnswer>(answer).results).toEqual([{ id: inUtc.id, status: 'applied' }]);
    expect(statuses(await sync(server, server.tablet, [inUtc]))).toEqual(['unchanged']);

    const [row] = await server.store.query<{ arrived: string; record: { arrivedAt: string } }>(
      `SELECT to_char(arrived_at AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD HH24:MI:SS.MS') AS arrived, record FROM visits`,
    );
    // 08:14 UTC is 09:14 in Brussels in November; the tablet's own text is kept as it was sent.
    expect(row).toEqual({ arrived: '2026-11-22 09:14:03.120', record: expect.objectContaining({ arrivedAt: inUtc.arrivedAt }) });
  });
});
