import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/uuid.ts';
import { checkVisit } from '../../src/shared/visitRules.ts';

const now = Date.parse('2026-11-22T10:00:00+01:00');
const visit = (extra: Record<string, unknown> = {}) => ({
  id: uuidv7(now),
  rev: 1,
  pointId: 'predikheren',
  kind: 'question',
  arrivedAt: '2026-11-22T09:14:03.120+01:00',
  createdAt: '2026-11-22T09:14:03.120+01:00',
  updatedAt: '2026-11-22T09:14:03.120+01:00',
  ...extra,
});
const codes = (value: unknown) => {
  const result = checkVisit(value, now);
  return result.ok ? [] : result.errors.map((e) => `${e.field}:${e.code}`);
};

describe('the visit contract shared by tablet and server', () => {
  it('accepts a host just checking a visitor in, and fills the defaults', () => {
    const result = checkVisit(visit(), now);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.visit).toMatchObject({ contact: 'walk-in', people: 1, barrier: false, deleted: false, topics: [] });
  });

  it('accepts the example visit of the protocol', () => {
    const example = visit({
      startedAt: '2026-11-22T09:20:00.000+01:00',
      endedAt: '2026-11-22T09:41:10.000+01:00',
      topics: ['itsme', 'health'],
      device: { type: 'smartphone', os: 'android', ownership: 'own' },
      problem: null,
      visitor: { ageBand: '65-79', language: 'nl', firstVisit: true, groups: ['senior'] },
      outcome: 'resolved',
      referredTo: null,
      effort: 'guided',
      contact: 'walk-in',
      people: 1,
      barrier: false,
      note: null,
      deleted: false,
    });
    expect(codes(example)).toEqual([]);
  });

  it('rejects unknown fields and unknown codes, naming the field', () => {
    expect(codes(visit({ colour: 'red', kind: 'chat' }))).toEqual(['colour:unknown-field', 'kind:invalid']);
    expect(codes(visit({ visitor: { ageBand: '100+' } }))).toEqual(['visitor.ageBand:invalid']);
    expect(codes(visit({ topics: ['itsme', 'itsme'] }))).toEqual(['topics:invalid']);
  });

  it('keeps times in order, at most 12 h long and at most 24 h ahead', () => {
    expect(codes(visit({ startedAt: '2026-11-22T09:00:00+01:00' }))).toEqual(['startedAt:order']);
    expect(codes(visit({ endedAt: '2026-11-22T22:00:00+01:00', topics: ['email'] }))).toEqual(['endedAt:too-long']);
    expect(codes(visit({ arrivedAt: '2026-11-23T11:00:00+01:00' }))).toEqual(['arrivedAt:future']);
    expect(codes(visit({ arrivedAt: '2026-11-22T09:14:03+00:00' }))).toEqual([]);
    expect(codes(visit({ arrivedAt: '2026-11-22 09:14' }))).toEqual(['arrivedAt:invalid']);
    expect(codes(visit({ arrivedAt: '2026-13-45T09:14:00+01:00' }))).toEqual(['arrivedAt:invalid']);
  });

  it('refuses dates the calendar does not have, which Date.parse would roll over', () => {
    expect(codes(visit({ arrivedAt: '2026-02-29T09:00:00+01:00' }))).toEqual(['arrivedAt:invalid']);
    expect(codes(visit({ arrivedAt: '2024-02-29T09:00:00+01:00' }))).toEqual([]);
    expect(codes(visit({ arrivedAt: '1900-02-29T09:00:00+01:00' }))).toEqual(['arrivedAt:invalid']);
    expect(codes(visit({ arrivedAt: '2000-02-29T09:00:00+01:00' }))).toEqual([]);
    expect(codes(visit({ arrivedAt: '2026-04-31T09:00:00+01:00' }))).toEqual(['arrivedAt:invalid']);
    expect(codes(visit({ arrivedAt: '2026-11-22T09:00:00+16:00' }))).toEqual(['arrivedAt:invalid']);
    expect(codes(visit({ updatedAt: '2026-11-22T24:00:00+01:00' }))).toEqual(['updatedAt:invalid']);
    expect(codes(visit({ arrivedAt: '2026-11-22T08:14:03.120Z' }))).toEqual([]);
  });

  it('refuses hostile nesting and NUL characters without a stack overflow', () => {
    let deep: unknown = 'itsme';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(codes(visit({ topics: deep }))).toEqual(['topics:invalid']);
    expect(codes(visit({ note: 'printer\u0000driver' }))).toEqual(['note:invalid']);
  });

  it('needs a topic once finished, and keeps device and referral fields where they belong', () => {
    expect(codes(visit({ endedAt: '2026-11-22T09:30:00+01:00' }))).toEqual(['topics:topics-required']);
    expect(codes(visit({ kind: 'device' }))).toEqual(['device:device-required']);
    expect(codes(visit({ problem: 'slow' }))).toEqual(['problem:device-only']);
    expect(codes(visit({ referredTo: 'course', outcome: 'resolved' }))).toEqual(['referredTo:referral-only']);
  });

  it('refuses a note that looks like personal data', () => {
    for (const note of [
      'mail naar jan.peeters@telenet.be',
      'belt terug op 0478 12 34 56',
      'rijksregister 85.07.30-033.28',
      'BE68 5390 0754 7034',
    ]) {
      expect(codes(visit({ note }))).toEqual(['note:personal-data']);
    }
    expect(codes(visit({ note: 'Windows 11 update 24H2 geïnstalleerd, 45 min' }))).toEqual([]);
    expect(codes(visit({ note: 'x'.repeat(281) }))).toEqual(['note:invalid']);
  });
});
