import { describe, expect, it } from 'vitest';
import { rankTopics } from '../../../src/app/visits/rankTopics.ts';
import { TOPICS } from '../../../src/shared/taxonomy.ts';
import { pairedTablet } from '../helpers/tablet.ts';

const answers = (topic: 'itsme' | 'health' | 'banking' | 'email') => ({
  kind: 'question' as const,
  topics: [topic],
  device: null,
  problem: null,
  outcome: 'resolved' as const,
  referredTo: null,
});

describe('the topic grid puts what this point asks most first', () => {
  it('orders by use at this point on this tablet, then the taxonomy order, every topic once', async () => {
    const t = await pairedTablet();
    for (const topic of ['health', 'health', 'banking', 'health', 'banking', 'email'] as const)
      await t.tablet.quickLog('predikheren', answers(topic));
    // Another point's questions say nothing about this one.
    for (let i = 0; i < 5; i++) await t.tablet.quickLog('den-abeel', answers('itsme'));

    const order = await t.tablet.rankedTopics('predikheren');
    expect(order.slice(0, 4)).toEqual(['health', 'banking', 'email', 'itsme']);
    expect([...order].sort()).toEqual(TOPICS.map((term) => term.code).sort());
  });

  it('does not count deleted visits', async () => {
    const t = await pairedTablet();
    const logged = await t.tablet.quickLog('predikheren', answers('banking'));
    if (logged.ok) await t.tablet.deleteVisit(logged.visit.id);
    expect((await t.tablet.rankedTopics('predikheren'))[0]).toBe('itsme');
  });

  it('counts every topic of a visit with several', () => {
    expect(rankTopics([['email', 'banking'], ['banking']]).slice(0, 2)).toEqual(['banking', 'email']);
  });
});
