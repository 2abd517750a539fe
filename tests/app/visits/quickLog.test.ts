import { describe, expect, it } from 'vitest';
import type { LogAnswers } from '../../../src/app/visits/logAnswers.ts';
import { pairedTablet } from '../helpers/tablet.ts';

const itsmeSolved: LogAnswers = {
  kind: 'question',
  topics: ['itsme'],
  device: null,
  problem: null,
  outcome: 'resolved',
  referredTo: null,
};

describe('a host logs a walk-in after the conversation', () => {
  it('saves an itsme question, solved, as a finished visit without a start time', async () => {
    const t = await pairedTablet();
    const result = await t.tablet.quickLog('predikheren', itsmeSolved);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = await t.db.visits.get(result.visit.id);
    expect(stored).toMatchObject({
      rev: 1,
      kind: 'question',
      topics: ['itsme'],
      outcome: 'resolved',
      startedAt: null,
      pending: 1,
    });
    expect(stored?.endedAt).toBe(stored?.arrivedAt);
  });

  it('keeps device help with its device, OS, ownership and problem', async () => {
    const t = await pairedTablet();
    const result = await t.tablet.quickLog('predikheren', {
      kind: 'device',
      topics: ['smartphone-basics'],
      device: { type: 'smartphone', os: 'android', ownership: 'own' },
      problem: 'storage-full',
      outcome: 'resolved',
      referredTo: null,
    });
    if (!result.ok) throw new Error(`not saved: ${result.problem}`);
    expect(await t.db.visits.get(result.visit.id)).toMatchObject({
      kind: 'device',
      device: { type: 'smartphone', os: 'android', ownership: 'own' },
      problem: 'storage-full',
    });
  });

  it('records where a visitor was referred to, and only when referred', async () => {
    const t = await pairedTablet();
    const referred = await t.tablet.quickLog('predikheren', { ...itsmeSolved, outcome: 'referred', referredTo: 'digidokter' });
    const solved = await t.tablet.quickLog('predikheren', { ...itsmeSolved, referredTo: 'digidokter' });
    if (!referred.ok || !solved.ok) throw new Error('not saved');
    expect(referred.visit.referredTo).toBe('digidokter');
    expect(solved.visit.referredTo).toBeNull();
  });

  it('takes a mis-tap back with one tap: the visit becomes a tombstone the city will learn about', async () => {
    const t = await pairedTablet();
    const logged = await t.tablet.quickLog('predikheren', itsmeSolved);
    if (!logged.ok) throw new Error('not saved');
    const undone = await t.tablet.undo(logged.undo);
    expect(undone.ok).toBe(true);
    expect(await t.db.visits.get(logged.visit.id)).toMatchObject({ deleted: true, rev: 2, pending: 1 });
  });
});
