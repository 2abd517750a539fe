/**
 * The tablet's storage is full. IndexedDB says so the way browsers do: the
 * write request fails with QuotaExceededError and its transaction aborts.
 * Every write a host can make (check in, start, finish, quick log, leave,
 * edit, delete, undo) then reports "storage full" (a message exists for it in
 * every language), leaves the database exactly as it was, and works when the
 * host taps again after room was made. The sync engine meeting a full disk
 * while noting the city's answer loses nothing either: the visits stay
 * pending and the retry is answered `unchanged`.
 */
import { describe, expect, it } from 'vitest';
import type { LogAnswers } from '../../../src/app/visits/logAnswers.ts';
import type { WriteProblem, WriteResult } from '../../../src/app/visits/writeVisit.ts';
import { en } from '../../../src/shared/i18n/en.ts';
import { fr } from '../../../src/shared/i18n/fr.ts';
import { nl } from '../../../src/shared/i18n/nl.ts';
import { fillTheDisk } from '../../helpers/fullDisk.ts';
import { pairedTablet, type TestTablet } from '../helpers/tablet.ts';
import { logVisits, setUpTablet } from '../sync/tablet.ts';

const ANSWERS: LogAnswers = {
  kind: 'question',
  topics: ['itsme'],
  device: null,
  problem: null,
  outcome: 'resolved',
  referredTo: null,
};

function savedId(result: WriteResult): string {
  if (!result.ok) throw new Error(`not saved: ${JSON.stringify(result)}`);
  return result.visit.id;
}

/** A morning's start: one visitor waiting, one being helped, one finished. */
async function morning(t: TestTablet) {
  const waiting = savedId(await t.tablet.checkIn('predikheren'));
  const helped = savedId(await t.tablet.checkIn('predikheren'));
  savedId(await t.tablet.startHelp(helped));
  const finished = savedId(await t.tablet.quickLog('predikheren', ANSWERS));
  return { waiting, helped, finished };
}

type Write = (t: TestTablet, ids: Awaited<ReturnType<typeof morning>>) => Promise<WriteResult>;

const WRITES: [string, Write][] = [
  ['checking a visitor in', (t) => t.tablet.checkIn('predikheren')],
  ['starting to help', (t, ids) => t.tablet.startHelp(ids.waiting)],
  ['finishing a visit', (t, ids) => t.tablet.finishVisit(ids.helped, ANSWERS)],
  ['logging a walk-in afterwards', (t) => t.tablet.quickLog('predikheren', ANSWERS)],
  ['noting that a visitor left', (t, ids) => t.tablet.leaveWithoutHelp(ids.waiting)],
  ['correcting a visit', (t, ids) => t.tablet.editVisit(ids.finished, { people: 2, note: 'printer ingesteld' })],
  ['deleting a visit', (t, ids) => t.tablet.deleteVisit(ids.finished)],
];

describe('a tablet whose storage is full', () => {
  it.each(WRITES)('reports it when %s, changes nothing, and saves on the next tap once there is room', async (_what, write) => {
    const t = await pairedTablet();
    const ids = await morning(t);
    const disk = await fillTheDisk(t.db);
    const before = await t.db.visits.toArray();

    expect(await write(t, ids)).toMatchObject({ ok: false, problem: 'storage-full' });
    expect(disk.refused()).toBeGreaterThan(0);
    expect(await t.db.visits.toArray()).toEqual(before);

    disk.free();
    expect((await write(t, ids)).ok).toBe(true);
  });

  it('reports it when undoing a correction, and the correction stays as it was saved', async () => {
    const t = await pairedTablet();
    const ids = await morning(t);
    const edit = await t.tablet.editVisit(ids.finished, { people: 4 });
    if (!edit.ok) throw new Error('the correction should be saved while there is room');
    const disk = await fillTheDisk(t.db);

    expect(await t.tablet.undo(edit.undo)).toMatchObject({ ok: false, problem: 'storage-full' });
    expect(await t.db.visits.get(ids.finished)).toMatchObject({ rev: 2, people: 4, pending: 1 });

    disk.free();
    expect((await t.tablet.undo(edit.undo)).ok).toBe(true);
    expect(await t.db.visits.get(ids.finished)).toMatchObject({ rev: 3, people: 1 });
  });

  it('has a message for the host in Dutch, English and French that says the visit was NOT saved', () => {
    const problems: Exclude<WriteProblem, 'invalid' | 'not-found'>[] = ['storage-full', 'write-failed'];
    for (const dictionary of [nl, en, fr] as Record<string, string>[]) {
      for (const problem of problems) {
        expect(dictionary[`error.${problem}`], problem).toMatch(/NIET|NOT|PAS/);
      }
    }
  });
});

describe('the sync engine on a full disk', () => {
  it('keeps the visits pending when it cannot note the answer, and the retry is answered unchanged', async () => {
    const tablet = await setUpTablet({ name: 'sync-on-a-full-disk' });
    await logVisits(tablet, 5);
    const disk = await fillTheDisk(tablet.db);
    const engine = tablet.engine();

    await expect(engine.drain()).rejects.toThrow();
    expect(tablet.city.rows.size).toBe(5);
    expect((await tablet.db.visits.toArray()).every((v) => v.pending === 1 && v.syncedRev === 0)).toBe(true);

    disk.free();
    expect((await engine.drain()).outcome).toBe('done');
    expect((await tablet.db.visits.toArray()).every((v) => v.pending === 0 && v.syncedRev === 1)).toBe(true);
    expect(tablet.city.rows.size).toBe(5);
  });
});
