import { describe, expect, it } from 'vitest';
import { CheckinDatabase, withSyncState } from '../../../src/app/db/database.ts';
import { databaseOfVersion, schemaHistory } from './previousVersion.ts';

const visit = withSyncState({
  id: '019370c2-7a1e-7c4b-9d1e-4c2b8f1a0e55',
  rev: 2,
  pointId: 'predikheren',
  kind: 'question',
  arrivedAt: '2026-11-22T09:14:03.120+01:00',
  startedAt: null,
  endedAt: '2026-11-22T09:41:10.000+01:00',
  topics: ['itsme'],
  device: null,
  problem: null,
  visitor: null,
  outcome: 'resolved',
  referredTo: null,
  effort: null,
  contact: 'walk-in',
  people: 1,
  barrier: false,
  note: null,
  deleted: false,
  createdAt: '2026-11-22T09:14:03.120+01:00',
  updatedAt: '2026-11-22T09:41:12.004+01:00',
  syncedRev: 1,
  syncError: null,
});

describe('the tablet’s database across app versions', () => {
  it('records the schema the app opens today as the latest version', async () => {
    const db = new CheckinDatabase('schema-now');
    await db.open();
    const latest = Math.max(...Object.keys(schemaHistory).map(Number));
    expect(db.verno).toBe(latest);
    const indexes = db.visits.schema.indexes.map((index) => index.name).sort();
    expect(indexes).toEqual(['[pending+updatedAt]', 'arrivedAt', 'pointId']);
    db.close();
  });

  it('opens a database left by version 1 with every visit and its outbox state intact', async () => {
    await databaseOfVersion('left-by-v1', 1, { visits: [visit] });
    const db = new CheckinDatabase('left-by-v1');
    expect(await db.visits.get(visit.id)).toEqual(visit);
    expect(await db.visits.where('[pending+updatedAt]').between([1, ''], [1, '\uffff']).primaryKeys()).toEqual([visit.id]);
    db.close();
  });
});
