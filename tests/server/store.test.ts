import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/store/migrate.ts';
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
