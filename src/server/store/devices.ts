/**
 * The tablet fleet: pairing, token look-up, heartbeats and revocation.
 * A device's token is stored only as a hash; replacing the hash revokes the old token.
 */
import type { ClientInfo } from '../../shared/protocol.ts';
import { iso, isoRequired } from './rows.ts';
import type { Sql } from './sql.ts';

export interface DeviceView {
  id: string;
  label: string;
  pairedAt: string;
  lastSeenAt: string | null;
  appVersion: string | null;
  pending: number | null;
  oldestPendingAt: string | null;
  lastPointId: string | null;
  revokedAt: string | null;
}

/** The device a (hashed) token belongs to, when the token is current and not revoked. */
export async function deviceForToken(sql: Sql, tokenHash: string): Promise<string | null> {
  const rows = await sql.query<{ id: string }>('SELECT id FROM devices WHERE token_hash = $1 AND revoked_at IS NULL', [
    tokenHash,
  ]);
  return rows[0]?.id ?? null;
}

interface PairInput {
  newId: string;
  installId: string | undefined;
  label: string;
  tokenHash: string;
  now: Date;
}

/**
 * Pairs a tablet: a known installId keeps its deviceId (and so its visits),
 * gets the new token and loses the old one; otherwise a new device is made.
 */
export async function pairDevice(sql: Sql, input: PairInput): Promise<string> {
  const now = input.now.toISOString();
  if (input.installId) {
    const rows = await sql.query<{ id: string }>(
      `UPDATE devices SET token_hash = $2, label = $3, revoked_at = NULL, paired_at = $4
       WHERE install_id = $1 RETURNING id`,
      [input.installId, input.tokenHash, input.label, now],
    );
    if (rows[0]) return rows[0].id;
  }
  await sql.query('INSERT INTO devices (id, install_id, label, token_hash, paired_at) VALUES ($1, $2, $3, $4, $5)', [
    input.newId,
    input.installId ?? null,
    input.label,
    input.tokenHash,
    now,
  ]);
  return input.newId;
}

/** What a device's call says about it: when, its heartbeat (if it sent one) and the point of its latest visit. */
export interface Contact {
  now: Date;
  client?: ClientInfo | undefined;
  lastPointId?: string | null | undefined;
}

/** The SET list of the contact update, its parameters numbered from `$first` (see `contactParams`). */
export function contactAssignments(first: number): string {
  const $ = (offset: number) => `$${first + offset}`;
  return `last_seen_at = ${$(0)},
       app_version = CASE WHEN ${$(1)} THEN ${$(2)} ELSE app_version END,
       pending = CASE WHEN ${$(1)} THEN ${$(3)}::int ELSE pending END,
       oldest_pending_at = CASE WHEN ${$(1)} THEN ${$(4)}::timestamptz ELSE oldest_pending_at END,
       last_point_id = COALESCE(${$(5)}, last_point_id)`;
}

export function contactParams({ now, client, lastPointId }: Contact): unknown[] {
  return [
    now.toISOString(),
    client !== undefined,
    client?.appVersion ?? null,
    client?.pending ?? null,
    client?.oldestPendingAt ?? null,
    lastPointId ?? null,
  ];
}

/** Notes that a device called, in one statement (a sync notes it with its visits: visitWrites.ts). */
export async function recordContact(sql: Sql, deviceId: string, contact: Contact): Promise<void> {
  await sql.query(`UPDATE devices SET ${contactAssignments(2)} WHERE id = $1`, [deviceId, ...contactParams(contact)]);
}

export async function deviceExists(sql: Sql, deviceId: string): Promise<boolean> {
  return (await sql.query('SELECT 1 FROM devices WHERE id = $1', [deviceId])).length > 0;
}

export async function listDevices(sql: Sql): Promise<DeviceView[]> {
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT id, label, paired_at, last_seen_at, app_version, pending, oldest_pending_at, last_point_id, revoked_at
     FROM devices ORDER BY revoked_at IS NOT NULL, label, id`,
  );
  return rows.map((row) => ({
    id: String(row.id),
    label: String(row.label),
    pairedAt: isoRequired(row.paired_at),
    lastSeenAt: iso(row.last_seen_at),
    appVersion: (row.app_version as string | null) ?? null,
    pending: (row.pending as number | null) ?? null,
    oldestPendingAt: iso(row.oldest_pending_at),
    lastPointId: (row.last_point_id as string | null) ?? null,
    revokedAt: iso(row.revoked_at),
  }));
}

/** Revokes a device's token at once; false when there is no such device. */
export async function revokeDevice(sql: Sql, deviceId: string, now: Date): Promise<boolean> {
  const rows = await sql.query('UPDATE devices SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING id', [
    deviceId,
    now.toISOString(),
  ]);
  return rows.length > 0;
}
