import { describe, expect, it } from 'vitest';
import {
  comparisonPeriod,
  monthPeriod,
  monthsOf,
  percentChange,
  presetPeriod,
  previousPeriod,
  visitSeries,
} from '../../../src/app/dashboard/period/period.ts';
import { trendBuckets } from '../../../src/app/dashboard/screens/barriers/barrierTrend.ts';

describe('the periods a coordinator compares', () => {
  it('runs this week, month and year up to today', () => {
    expect(presetPeriod('week', '2026-11-25')).toEqual({ from: '2026-11-23', to: '2026-11-25' });
    expect(presetPeriod('week', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(presetPeriod('month', '2026-11-25')).toEqual({ from: '2026-11-01', to: '2026-11-25' });
    expect(presetPeriod('year', '2026-11-25')).toEqual({ from: '2026-01-01', to: '2026-11-25' });
  });

  it('compares this week, month and year so far with the same days of the week, month and year before', () => {
    // Monday to Wednesday against last Monday to Wednesday, not against last Friday to Sunday.
    expect(comparisonPeriod('week', { from: '2026-11-23', to: '2026-11-25' })).toEqual({ from: '2026-11-16', to: '2026-11-18' });
    expect(comparisonPeriod('month', { from: '2026-11-01', to: '2026-11-23' })).toEqual({ from: '2026-10-01', to: '2026-10-23' });
    expect(comparisonPeriod('month', { from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(comparisonPeriod('year', { from: '2026-01-01', to: '2026-11-23' })).toEqual({ from: '2025-01-01', to: '2025-11-23' });
    expect(comparisonPeriod('custom', { from: '2026-03-01', to: '2026-03-10' })).toEqual({
      from: '2026-02-19',
      to: '2026-02-28',
    });
  });

  it('compares a custom period with the period of equal length just before, across month and leap-year ends', () => {
    expect(previousPeriod({ from: '2026-11-01', to: '2026-11-23' })).toEqual({ from: '2026-10-09', to: '2026-10-31' });
    expect(previousPeriod({ from: '2028-03-01', to: '2028-03-31' })).toEqual({ from: '2028-01-30', to: '2028-02-29' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('says the change in whole percent, and nothing when the previous period had none', () => {
    expect(percentChange(100, 80)).toBe(25);
    expect(percentChange(10, 20)).toBe(-50);
    expect(percentChange(7, 7)).toBe(0);
    expect(percentChange(2, 3)).toBe(-33);
    expect(percentChange(5, 0)).toBeNull();
  });

  it('draws a month per day and a year per week, empty days and weeks as 0', () => {
    const month = visitSeries([{ date: '2026-11-03', count: 4 }], { from: '2026-11-01', to: '2026-11-05' });
    expect(month).toEqual({
      bucket: 'day',
      points: [
        { date: '2026-11-01', count: 0 },
        { date: '2026-11-02', count: 0 },
        { date: '2026-11-03', count: 4 },
        { date: '2026-11-04', count: 0 },
        { date: '2026-11-05', count: 0 },
      ],
    });
    const year = visitSeries(
      [
        { date: '2026-01-01', count: 2 },
        { date: '2026-01-04', count: 3 },
        { date: '2026-01-05', count: 1 },
      ],
      { from: '2026-01-01', to: '2026-12-31' },
    );
    expect(year.bucket).toBe('week');
    // 1 January 2026 is a Thursday: its week starts on Monday 29 December 2025.
    expect(year.points.slice(0, 2)).toEqual([
      { date: '2025-12-29', count: 5 },
      { date: '2026-01-05', count: 1 },
    ]);
    expect(year.points).toHaveLength(53);
  });

  it('knows the months a period touches, each month whole', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-02' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthPeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('follows barriers per month over a long period and per week over a short one, cut to the period', () => {
    expect(trendBuckets({ from: '2026-01-15', to: '2026-04-10' })).toEqual({
      unit: 'month',
      buckets: [
        { start: '2026-01-15', from: '2026-01-15', to: '2026-01-31' },
        { start: '2026-02-01', from: '2026-02-01', to: '2026-02-28' },
        { start: '2026-03-01', from: '2026-03-01', to: '2026-03-31' },
        { start: '2026-04-01', from: '2026-04-01', to: '2026-04-10' },
      ],
    });
    expect(trendBuckets({ from: '2026-11-01', to: '2026-11-10' })).toEqual({
      unit: 'week',
      buckets: [
        { start: '2026-11-01', from: '2026-11-01', to: '2026-11-01' },
        { start: '2026-11-02', from: '2026-11-02', to: '2026-11-08' },
        { start: '2026-11-09', from: '2026-11-09', to: '2026-11-10' },
      ],
    });
  });
});
