import { describe, expect, it } from 'vitest';
import { SIZES } from './modes.ts';
import { withSizeOptions } from './sizeOptions.ts';

describe('changing benchmark sizes on the command line', () => {
  it('leaves the sizes alone without options, and reports no change', () => {
    const { sizes, changes } = withSizeOptions(SIZES.quick, ['--quick', '--only=ingest']);
    expect(sizes).toEqual(SIZES.quick);
    expect(changes).toEqual([]);
  });

  it('repeats one ingest cell at another size, on one store, and names every change', () => {
    const argv = ['--quick', '--only=ingest', '--stores=postgres', '--tablets=50', '--ingest-visits=100_000', '--runs=5'];
    const { sizes, changes } = withSizeOptions(SIZES.quick, argv);
    expect(sizes.ingest).toMatchObject({ stores: ['postgres'], concurrency: [50], batchedVisitsPerCell: 100_000, runs: 5 });
    expect(sizes.drain.stores).toEqual(['postgres']);
    expect(sizes.stats.stores).toEqual(['postgres']);
    expect(changes).toEqual(argv.slice(2));
    // The mode's own sizes stay as they were for the next run.
    expect(SIZES.quick.ingest.concurrency).toEqual([1, 10, 50]);
  });

  it('refuses an unknown store or a size that is not a whole number of 1 or more, saying what it takes', () => {
    expect(() => withSizeOptions(SIZES.full, ['--stores=mysql'])).toThrow('unknown store mysql; choose from pglite, postgres');
    expect(() => withSizeOptions(SIZES.full, ['--tablets=10,0'])).toThrow('--tablets=10,0: give whole numbers of 1 or more');
    expect(() => withSizeOptions(SIZES.full, ['--runs=two'])).toThrow('--runs=two: give one whole number of 1 or more');
    expect(() => withSizeOptions(SIZES.full, ['--ingest-visits=5000,10000'])).toThrow('give one whole number');
  });
});
