/**
 * Command-line changes to a mode's sizes, to measure one part again at
 * another size (an idea tried against the code as it is, say):
 *
 *   --stores=postgres       the stores every section runs on (pglite, postgres)
 *   --tablets=50            the ingest benchmark's tablet counts, comma-separated
 *   --ingest-visits=100000  visits per run of a batched ingest cell
 *   --runs=5                runs per ingest cell
 *
 * A run with any of them is saved as `<mode>-custom`, apart from the figures
 * the README quotes.
 */
import type { StoreKind } from './lib/city.ts';
import type { BenchSizes } from './modes.ts';

const STORES: readonly StoreKind[] = ['pglite', 'postgres'];

function option(argv: readonly string[], name: string): string | undefined {
  return argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function positiveWholes(name: string, text: string): number[] {
  const numbers = text.split(',').map((part) => Number(part.replaceAll('_', '')));
  if (numbers.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`--${name}=${text}: give whole numbers of 1 or more, separated by commas`);
  }
  return numbers;
}

function positiveWhole(name: string, text: string): number {
  const number = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name}=${text}: give one whole number of 1 or more`);
  return number;
}

/** The sizes with the command line's changes, and those changes as given (empty when there are none). */
export function withSizeOptions(sizes: BenchSizes, argv: readonly string[]): { sizes: BenchSizes; changes: string[] } {
  const changes: string[] = [];
  const next: BenchSizes = {
    drain: { ...sizes.drain },
    ingest: { ...sizes.ingest },
    stats: { ...sizes.stats },
    tablet: { ...sizes.tablet },
  };
  const stores = option(argv, 'stores');
  if (stores !== undefined) {
    const chosen = stores.split(',');
    const unknown = chosen.filter((store) => !STORES.includes(store as StoreKind));
    if (unknown.length > 0)
      throw new Error(`--stores=${stores}: unknown store ${unknown.join(', ')}; choose from ${STORES.join(', ')}`);
    const kinds = chosen as StoreKind[];
    next.drain.stores = kinds;
    next.ingest.stores = kinds;
    next.stats.stores = kinds;
    changes.push(`--stores=${stores}`);
  }
  const tablets = option(argv, 'tablets');
  if (tablets !== undefined) {
    next.ingest.concurrency = positiveWholes('tablets', tablets);
    changes.push(`--tablets=${tablets}`);
  }
  const visits = option(argv, 'ingest-visits');
  if (visits !== undefined) {
    next.ingest.batchedVisitsPerCell = positiveWhole('ingest-visits', visits);
    changes.push(`--ingest-visits=${visits}`);
  }
  const runs = option(argv, 'runs');
  if (runs !== undefined) {
    next.ingest.runs = positiveWhole('runs', runs);
    changes.push(`--runs=${runs}`);
  }
  return { sizes: next, changes };
}
