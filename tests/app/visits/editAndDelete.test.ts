import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { withSyncState } from '../../../src/app/db/database.ts';
import type { WriteResult } from '../../../src/app/visits/writeVisit.ts';
import { pairedTablet, type TestTablet } from '../helpers/tablet.ts';

async function finishedVisit(t: TestTablet): Promise<string> {
  const result = await t.tablet.quickLog('predikheren', {
    kind: 'question',
    topics: ['email'],
    device: null,
    problem: null,
    outcome: 'partly',
    referredTo: null,
  });
  if (!result.ok) throw new Error('not saved');
  return result.visit.id;
}

/** What the sync engine does when the city answers "applied" for the current rev. */
async function cityAcknowledges(t: TestTablet, id: string) {
  const stored = await t.db.visits.get(id);
  if (stored) await t.db.visits.put(withSyncState({ ...stored, syncedRev: stored.rev }));
}

const saved = (result: WriteResult) => {
  if (!result.ok) throw new Error(`not saved: ${result.problem}`);
  return result;
};

describe('a host corrects a visit later', () => {
  it('back-dates the arrival: rev + 1, updatedAt moves, createdAt stays, so the late entry stays visible as such', async () => {
    const t = await pairedTablet();
    const id = await finishedVisit(t);
    const before = await t.db.visits.get(id);
    t.clock.advanceMinutes(90);
    const earlier = '2026-11-22T08:30:00.000+01:00';
    saved(await t.tablet.editVisit(id, { arrivedAt: earlier, endedAt: '2026-11-22T08:50:00.000+01:00' }));

    const after = await t.db.visits.get(id);
    expect(after).toMatchObject({ rev: 2, arrivedAt: earlier, createdAt: before?.createdAt, pending: 1 });
    expect(Date.parse(after?.updatedAt ?? '')).toBe(t.clock.now());
  });

  it('queues an edit of a visit the city already has, keeping what the city acknowledged', async () => {
    const t = await pairedTablet();
    const id = await finishedVisit(t);
    await cityAcknowledges(t, id);
    expect(await t.db.visits.get(id)).toMatchObject({ pending: 0, syncedRev: 1 });

    saved(await t.tablet.editVisit(id, { effort: 'in-depth', people: 2 }));
    expect(await t.db.visits.get(id)).toMatchObject({ rev: 2, syncedRev: 1, pending: 1, effort: 'in-depth', people: 2 });
  });

  it('clears the city’s rejection once the host corrects the visit, so it is sent again', async () => {
    const t = await pairedTablet();
    const id = await finishedVisit(t);
    const stored = await t.db.visits.get(id);
    if (!stored) throw new Error('missing');
    const errors = [{ field: 'pointId', code: 'unknown-point' as const, message: 'unknown point' }];
    await t.db.visits.put(withSyncState({ ...stored, syncError: { rev: 1, errors } }));
    expect(await t.db.visits.get(id)).toMatchObject({ pending: 0 });

    saved(await t.tablet.editVisit(id, { pointId: 'den-abeel' }));
    expect(await t.db.visits.get(id)).toMatchObject({ rev: 2, syncError: null, pending: 1, pointId: 'den-abeel' });
  });

  it('rejects a start time before the arrival and writes nothing', async () => {
    const t = await pairedTablet();
    const id = await finishedVisit(t);
    const result = await t.tablet.editVisit(id, { startedAt: '2026-11-22T08:00:00.000+01:00' });
    expect(result).toMatchObject({ ok: false, problem: 'invalid', errors: [{ field: 'startedAt', code: 'order' }] });
    expect(await t.db.visits.get(id)).toMatchObject({ rev: 1, startedAt: null });
  });

  it('deletes a visit as a tombstone (rev + 1, still queued) and undo brings it back as one more revision', async () => {
    const t = await pairedTablet();
    const id = await finishedVisit(t);
    await cityAcknowledges(t, id);

    const deleted = saved(await t.tablet.deleteVisit(id));
    expect(await t.db.visits.get(id)).toMatchObject({ deleted: true, rev: 2, pending: 1 });

    saved(await t.tablet.undo(deleted.undo));
    expect(await t.db.visits.get(id)).toMatchObject({ deleted: false, rev: 3, pending: 1, topics: ['email'] });
  });

  it('undoes an edit by putting the earlier fields back', async () => {
    const t = await pairedTablet();
    const id = await finishedVisit(t);
    const edited = saved(await t.tablet.editVisit(id, { outcome: 'resolved', barrier: true }));
    saved(await t.tablet.undo(edited.undo));
    expect(await t.db.visits.get(id)).toMatchObject({ outcome: 'partly', barrier: false, rev: 3 });
  });

  it('says so when the visit is not on this tablet', async () => {
    const t = await pairedTablet();
    expect(await t.tablet.editVisit('0193a1b2-0000-7000-8000-000000000000', { people: 2 })).toEqual({
      ok: false,
      problem: 'not-found',
    });
  });
});

describe('the personal-data guard on the note', () => {
  it.each([
    ['an e-mail address', 'mailde naar jan.peeters@telenet.be'],
    ['a phone number', 'belt terug op 0470 12 34 56'],
    ['a national register number', 'rijksregister 85.07.30-033.28'],
    ['an IBAN', 'rekening BE68 5390 0754 7034'],
  ])('refuses a note with %s and keeps the visit as it was', async (_kind, note) => {
    const t = await pairedTablet();
    const id = await finishedVisit(t);
    const result = await t.tablet.editVisit(id, { note });
    expect(result).toMatchObject({ ok: false, problem: 'invalid', errors: [{ field: 'note', code: 'personal-data' }] });
    expect(await t.db.visits.get(id)).toMatchObject({ rev: 1, note: null });
  });

  it('accepts a note about what was done', async () => {
    const t = await pairedTablet();
    const id = await finishedVisit(t);
    saved(await t.tablet.editVisit(id, { note: 'itsme opnieuw geïnstalleerd na nieuwe gsm' }));
    expect(await t.db.visits.get(id)).toMatchObject({ rev: 2, note: 'itsme opnieuw geïnstalleerd na nieuwe gsm' });
  });
});

describe('when the tablet cannot write', () => {
  it('reports a full storage as such and leaves the database untouched', async () => {
    const t = await pairedTablet();
    const id = await finishedVisit(t);
    const put = t.db.visits.put.bind(t.db.visits);
    t.db.visits.put = () => Dexie.Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const result = await t.tablet.editVisit(id, { people: 3 });
    t.db.visits.put = put;
    expect(result).toEqual({ ok: false, problem: 'storage-full' });
    expect(await t.db.visits.get(id)).toMatchObject({ rev: 1, people: 1 });
  });

  it('reports any other failure as a failed write', async () => {
    const t = await pairedTablet();
    t.db.close();
    const result = await t.tablet.checkIn('predikheren');
    expect(result).toEqual({ ok: false, problem: 'write-failed' });
  });
});
