import { describe, expect, it } from 'vitest';
import { toLocalTimestamp } from '../../../src/shared/time.ts';

describe('timestamps on the wire carry the local offset', () => {
  const instant = Date.parse('2026-11-22T08:14:03.120Z');

  it('writes Brussels winter time as +01:00', () => {
    expect(toLocalTimestamp(instant, 60)).toBe('2026-11-22T09:14:03.120+01:00');
  });

  it('writes summer time, UTC and offsets west of Greenwich', () => {
    expect(toLocalTimestamp(instant, 120)).toBe('2026-11-22T10:14:03.120+02:00');
    expect(toLocalTimestamp(instant, 0)).toBe('2026-11-22T08:14:03.120+00:00');
    expect(toLocalTimestamp(instant, -330)).toBe('2026-11-22T02:44:03.120-05:30');
  });

  it('crosses midnight into the local date', () => {
    expect(toLocalTimestamp(Date.parse('2026-11-22T23:30:00.000Z'), 60)).toBe('2026-11-23T00:30:00.000+01:00');
  });

  it('names the same instant whatever the offset, using the system offset by default', () => {
    for (const offset of [60, 120, -300]) expect(Date.parse(toLocalTimestamp(instant, offset))).toBe(instant);
    expect(Date.parse(toLocalTimestamp(instant))).toBe(instant);
  });
});
