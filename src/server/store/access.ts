/**
 * Coordinator accounts, their sessions, one-time setup codes and pairing
 * codes. Secrets arrive here already hashed; this file never sees them plain.
 */
import type { Sql } from './sql.ts';

export async function coordinatorCount(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM coordinators');
  return row?.n ?? 0;
}

/** Creates an account; false when the username is taken. */
export async function createCoordinator(sql: Sql, username: string, passwordHash: string): Promise<boolean> {
  const rows = await sql.query(
    'INSERT INTO coordinators (username, password_hash) VALUES ($1, $2) ON CONFLICT (username) DO NOTHING RETURNING id',
    [username, passwordHash],
  );
  return rows.length > 0;
}

export async function findCoordinator(sql: Sql, username: string): Promise<{ id: number; passwordHash: string } | null> {
  const rows = await sql.query<{ id: number; password_hash: string }>(
    'SELECT id::int AS id, password_hash FROM coordinators WHERE username = $1',
    [username],
  );
  const row = rows[0];
  return row ? { id: row.id, passwordHash: row.password_hash } : null;
}

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

export async function createSession(sql: Sql, idHash: string, coordinatorId: number, now: Date): Promise<void> {
  await sql.query('INSERT INTO sessions (id_hash, coordinator_id, created_at, last_used_at) VALUES ($1, $2, $3, $3)', [
    idHash,
    coordinatorId,
    now.toISOString(),
  ]);
}

/** The coordinator of a live session, marking it used; null when unknown, idle too long or too old. */
export async function useSession(
  sql: Sql,
  idHash: string,
  now: Date,
  limits: SessionLimits,
): Promise<{ coordinatorId: number; username: string } | null> {
  const rows = await sql.query<{ coordinator_id: number; username: string }>(
    `UPDATE sessions s SET last_used_at = $2
     FROM coordinators c
     WHERE s.id_hash = $1 AND c.id = s.coordinator_id
       AND s.last_used_at > $3 AND s.created_at > $4
     RETURNING s.coordinator_id::int AS coordinator_id, c.username`,
    [
      idHash,
      now.toISOString(),
      new Date(now.getTime() - limits.idleMs).toISOString(),
      new Date(now.getTime() - limits.absoluteMs).toISOString(),
    ],
  );
  const row = rows[0];
  return row ? { coordinatorId: row.coordinator_id, username: row.username } : null;
}

export async function deleteSession(sql: Sql, idHash: string): Promise<void> {
  await sql.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
}

/** Forgets sessions no request can use any more. */
export async function deleteExpiredSessions(sql: Sql, now: Date, limits: SessionLimits): Promise<void> {
  await sql.query('DELETE FROM sessions WHERE last_used_at <= $1 OR created_at <= $2', [
    new Date(now.getTime() - limits.idleMs).toISOString(),
    new Date(now.getTime() - limits.absoluteMs).toISOString(),
  ]);
}

export async function addSetupCode(sql: Sql, codeHash: string, expiresAt: Date): Promise<void> {
  await sql.query('INSERT INTO setup_codes (code_hash, expires_at) VALUES ($1, $2)', [codeHash, expiresAt.toISOString()]);
}

/** True when the code was live; every setup code is spent once the first account exists. */
export async function consumeSetupCode(sql: Sql, codeHash: string, now: Date): Promise<boolean> {
  // Deleting first locks the row, so of two concurrent set-ups with one code only one succeeds.
  const rows = await sql.query('DELETE FROM setup_codes WHERE code_hash = $1 AND expires_at > $2 RETURNING code_hash', [
    codeHash,
    now.toISOString(),
  ]);
  if (rows.length === 0) return false;
  await clearSetupCodes(sql);
  return true;
}

/** Once a coordinator exists, no setup code may make another. */
export async function clearSetupCodes(sql: Sql): Promise<void> {
  await sql.query('DELETE FROM setup_codes');
}

export async function addPairingCode(sql: Sql, codeHash: string, now: Date, expiresAt: Date): Promise<void> {
  await sql.query('INSERT INTO pairing_codes (code_hash, created_at, expires_at) VALUES ($1, $2, $3)', [
    codeHash,
    now.toISOString(),
    expiresAt.toISOString(),
  ]);
}

/** Spends a pairing code: true only once, and only before it expires. */
export async function consumePairingCode(sql: Sql, codeHash: string, now: Date): Promise<boolean> {
  const rows = await sql.query(
    'UPDATE pairing_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING code_hash',
    [codeHash, now.toISOString()],
  );
  return rows.length > 0;
}
