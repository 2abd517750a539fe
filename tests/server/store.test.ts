import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/store/migrate.ts';
import { openPglite } from '../../src/server/store/pglite.ts';
import { freshStore, STORE_KINDS } from './helpers/stores.ts';

describe.each(STORE_KINDS)('the %s store', (kind) => {
  it('has every migration applied once, and applying again changes nothing', async () => {
    const store = await freshStore(kind);
    const versions = await store.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((v) => v.version)).toContain('001_core');
    expect(await migrate(store)).toEqual([]);
  });

  it('rolls a failed transaction back', async () => {
    const store = await freshStore(kind);
    await expect(
      store.transaction(async (tx) => {
        await tx.query("INSERT INTO points (id, name) VALUES ('marta', 'mARTa')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.query('SELECT * FROM points')).toEqual([]);
  });

  it('reads dates in Europe/Brussels on either engine', async () => {
    const store = await freshStore(kind);
    const [row] = await store.query<{ day: string; hour: number }>(
      "SELECT to_char(('2026-03-29T01:30:00Z'::timestamptz AT TIME ZONE 'Europe/Brussels'), 'YYYY-MM-DD') AS day, extract(hour FROM ('2026-03-29T01:30:00Z'::timestamptz AT TIME ZONE 'Europe/Brussels'))::int AS hour",
    );
    expect(row).toEqual({ day: '2026-03-29', hour: 3 });
  });
});

describe.each(STORE_KINDS)('errors from the %s store', (kind) => {
  it("keep PostgreSQL's code, so a conflict or a deadlock can be told apart", async () => {
    const store = await freshStore(kind);
    await store.query("INSERT INTO points (id, name) VALUES ('marta', 'mARTa')");
    const error = await store.query("INSERT INTO points (id, name) VALUES ('marta', 'again')").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as { code?: string }).code).toBe('23505');
  });
});

describe('embedded PGlite on its own thread', () => {
  it('keeps the event loop free while the database works', async () => {
    const store = await freshStore('pglite');
    const events: string[] = [];
    const query = store
      .query("SELECT count(*) FROM generate_series(1, 3000000) AS n WHERE n::text LIKE '%7%'")
      .then(() => events.push('query done'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    events.push('timer fired');
    await query;
    expect(events).toEqual(['timer fired', 'query done']);
  });

  it('runs a query from outside a transaction after that transaction, as one connection does', async () => {
    const store = await freshStore('pglite');
    let outside: Promise<unknown>[] = [];
    await store.transaction(async (tx) => {
      await tx.query("INSERT INTO points (id, name) VALUES ('marta', 'mARTa')");
      // One plain, one prepared (it has a parameter): neither may run inside the open transaction.
      outside = [
        store.query<{ n: number }>('SELECT count(*)::int AS n FROM points'),
        store.query<{ n: number }>('SELECT count(*)::int AS n FROM points WHERE id <> $1', ['']),
      ];
      await tx.query('INSERT INTO points (id, name) VALUES ($1, $2)', ['vijfhoek', 'Vijfhoek']);
    });
    expect(await Promise.all(outside)).toEqual([[{ n: 2 }], [{ n: 2 }]]);
  });

  it('answers with an error once closed, instead of waiting forever', async () => {
    const store = await openPglite();
    await store.close();
    await expect(store.query('SELECT 1')).rejects.toThrow(/database thread stopped/);
  });
});

describe.each(STORE_KINDS)('statements with parameters on the %s store', (kind) => {
  it('are parsed and planned once per connection, not on every call', async () => {
    const store = await freshStore(kind);
    const text = 'SELECT $1::int + 1 AS next';
    const prepared = await store.transaction(async (tx) => {
      expect(await tx.query(text, [1])).toEqual([{ next: 2 }]);
      expect(await tx.query(text, [41])).toEqual([{ next: 42 }]);
      return tx.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1', [text]);
    });
    expect(prepared).toEqual([{ n: 1 }]);
    expect(await store.query(text, [9])).toEqual([{ next: 10 }]);
  });

  it('take and give back the values a plain query does: null, arrays, dates, json and counts', async () => {
    const store = await freshStore(kind);
    const at = new Date('2026-03-29T01:30:00Z');
    const [row] = await store.query<Record<string, unknown>>(
      `SELECT $1::text AS nothing, cardinality($2::uuid[]) AS ids, $3::timestamptz = '2026-03-29T01:30:00Z' AS same_time,
              $4::jsonb -> 'topics' AS topics, count(*) AS n, true AS yes
         FROM generate_series(1, $5::int)`,
      [null, ['0190c6b2-0000-7000-8000-000000000001', '0190c6b2-0000-7000-8000-000000000002'], at, '{"topics":["itsme"]}', 3],
    );
    expect(row).toEqual({ nothing: null, ids: 2, same_time: true, topics: ['itsme'], n: 3, yes: true });
  });

  it("fail with PostgreSQL's code and leave the connection usable, in a transaction and outside one", async () => {
    const store = await freshStore(kind);
    const insert = 'INSERT INTO points (id, name) VALUES ($1, $2)';
    await store.query(insert, ['marta', 'mARTa']);
    const outside = await store.query(insert, ['marta', 'again']).catch((e: unknown) => e);
    expect((outside as { code?: string }).code).toBe('23505');
    const inside = await store
      .transaction(async (tx) => {
        await tx.query(insert, ['vijfhoek', 'Vijfhoek']);
        await tx.query(insert, ['marta', 'again']);
      })
      .catch((e: unknown) => e);
    expect((inside as { code?: string }).code).toBe('23505');
    const misspelt = await store.query('SELEC $1::int', [1]).catch((e: unknown) => e);
    expect((misspelt as { code?: string }).code).toBe('42601');
    await store.query(insert, ['nekkerspoel', 'Nekkerspoel']);
    expect(await store.query('SELECT id FROM points WHERE id <> $1 ORDER BY id', [''])).toEqual([
      { id: 'marta' },
      { id: 'nekkerspoel' },
    ]);
  });
});
