/** Digibank points: where visits happen. A point is never deleted, only made inactive. */
import type { PointRecord } from '../../shared/coordinator.ts';
import type { Sql } from './sql.ts';

export async function listPoints(sql: Sql, options: { activeOnly: boolean }): Promise<PointRecord[]> {
  return sql.query<PointRecord>(
    `SELECT id, name, active FROM points ${options.activeOnly ? 'WHERE active' : ''} ORDER BY name, id`,
  );
}

/** Adds a point; false when the id is taken. */
export async function createPoint(sql: Sql, point: PointRecord): Promise<boolean> {
  const rows = await sql.query(
    'INSERT INTO points (id, name, active) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id',
    [point.id, point.name, point.active],
  );
  return rows.length > 0;
}

export async function updatePoint(
  sql: Sql,
  id: string,
  change: { name?: string | undefined; active?: boolean | undefined },
): Promise<PointRecord | null> {
  const rows = await sql.query<PointRecord>(
    'UPDATE points SET name = COALESCE($2, name), active = COALESCE($3, active) WHERE id = $1 RETURNING id, name, active',
    [id, change.name ?? null, change.active ?? null],
  );
  return rows[0] ?? null;
}

/** Which of `ids` are points (active or not: a visit logged before a point closed still belongs to it). */
export async function existingPointIds(sql: Sql, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await sql.query<{ id: string }>('SELECT id FROM points WHERE id = ANY($1::text[])', [ids]);
  return new Set(rows.map((row) => row.id));
}
