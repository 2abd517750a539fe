import { describe, expect, it } from 'vitest';
import { toWire } from '../../../src/app/db/database.ts';
import { acknowledge } from '../../../src/app/sync/acknowledge.ts';
import type { SyncResult } from '../../../src/shared/protocol.ts';
import type { VisitRecord } from '../../../src/shared/visit.ts';
import { editVisit, logVisits, setUpTablet, type Tablet } from './tablet.ts';

const applied = (sent: VisitRecord[]): SyncResult[] => sent.map((visit) => ({ id: visit.id, status: 'applied' }));
const stored = async (tablet: Tablet, id: string | undefined) => tablet.db.visits.get(id ?? '');

describe('writing the city’s answer into the outbox', () => {
  it('marks every visit of an answered batch synced, and no other visit', async () => {
    const tablet = await setUpTablet();
    const visits = await logVisits(tablet, 5);
    const sent = visits.slice(1, 4).map(toWire);

    expect(await acknowledge(tablet.db, sent, applied(sent))).toEqual({ synced: 3, rejected: 0 });
    for (const visit of visits) {
      const inBatch = sent.some((s) => s.id === visit.id);
      expect(await stored(tablet, visit.id)).toMatchObject(inBatch ? { syncedRev: 1, pending: 0 } : { syncedRev: 0, pending: 1 });
    }
  });

  it('keeps a visit pending that was edited after it was sent, and records the rev the city holds', async () => {
    const tablet = await setUpTablet();
    const [first, second] = await logVisits(tablet, 2);
    const sent = [first, second].map((visit) => toWire(visit as NonNullable<typeof visit>));
    await tablet.time.advance(60_000);
    await editVisit(tablet, first?.id ?? '', { outcome: 'resolved' });

    expect(await acknowledge(tablet.db, sent, applied(sent))).toEqual({ synced: 2, rejected: 0 });
    expect(await stored(tablet, first?.id)).toMatchObject({ rev: 2, syncedRev: 1, pending: 1 });
    expect(await stored(tablet, second?.id)).toMatchObject({ rev: 1, syncedRev: 1, pending: 0 });
  });

  it('leaves a pending visit alone that shares a batch visit’s time but was not sent', async () => {
    const tablet = await setUpTablet();
    const [sentVisit, sameTime] = await logVisits(tablet, 2, { updatedAt: '2026-11-23T10:00:00+01:00' });
    const sent = [toWire(sentVisit as NonNullable<typeof sentVisit>)];

    await acknowledge(tablet.db, sent, applied(sent));
    expect(await stored(tablet, sentVisit?.id)).toMatchObject({ pending: 0 });
    expect(await stored(tablet, sameTime?.id)).toMatchObject({ syncedRev: 0, pending: 1 });
  });

  it('writes a rejection only for the rev that was sent, and answers a batch in any order', async () => {
    const tablet = await setUpTablet();
    const [a, b, c] = await logVisits(tablet, 3);
    const sent = [c, a, b].map((visit) => toWire(visit as NonNullable<typeof visit>));
    const errors = [{ field: 'note', code: 'personal-data' as const, message: 'looks like a phone number' }];
    const results: SyncResult[] = [
      { id: sent[0]?.id ?? '', status: 'rejected', errors },
      { id: sent[1]?.id ?? '', status: 'unchanged' },
      { id: sent[2]?.id ?? '', status: 'stale' },
    ];

    expect(await acknowledge(tablet.db, sent, results)).toEqual({ synced: 2, rejected: 1 });
    expect(await stored(tablet, c?.id)).toMatchObject({ syncedRev: 0, pending: 0, syncError: { rev: 1, errors } });
    expect(await stored(tablet, a?.id)).toMatchObject({ syncedRev: 1, pending: 0, syncError: null });
    expect(await stored(tablet, b?.id)).toMatchObject({ syncedRev: 1, pending: 0 });
  });

  it('changes nothing for a visit already answered, or one no longer on the tablet', async () => {
    const tablet = await setUpTablet();
    const [kept, removed] = await logVisits(tablet, 2);
    const sent = [kept, removed].map((visit) => toWire(visit as NonNullable<typeof visit>));
    await acknowledge(tablet.db, sent.slice(0, 1), applied(sent.slice(0, 1)));
    await tablet.db.visits.delete(removed?.id ?? '');

    // Only visits still on the tablet are counted.
    expect(await acknowledge(tablet.db, sent, applied(sent))).toEqual({ synced: 1, rejected: 0 });
    expect(await stored(tablet, kept?.id)).toMatchObject({ syncedRev: 1, pending: 0 });
    expect(await stored(tablet, removed?.id)).toBeUndefined();
  });
});
