/**
 * The operator's commands (npm run admin -- …), run against a store: by the
 * CLI itself when no server owns the database, or by the running server on
 * behalf of the CLI (channel.ts). Each answers text to print, or a one-line
 * reason why it could not be done.
 */
import Value from 'typebox/value';
import { formatPairingCode, RescueFile } from '../../shared/protocol.ts';
import { UUID_PATTERN } from '../../shared/uuid.ts';
import { POINT_ID_PATTERN } from '../../shared/visit.ts';
import type { ScryptCost } from '../security/passwords.ts';
import { type RandomSource, randomCode, sha256 } from '../security/secrets.ts';
import { addCoordinator } from '../setup.ts';
import { addPairingCode } from '../store/access.ts';
import { listDevices, revokeDevice } from '../store/devices.ts';
import { createPoint } from '../store/points.ts';
import type { Store } from '../store/sql.ts';
import { importRescueFile } from '../store/visitWrites.ts';

export type AdminRequest =
  | { command: 'create-coordinator'; username: string; password: string }
  | { command: 'pairing-code' }
  | { command: 'devices' }
  | { command: 'revoke'; deviceId: string }
  | { command: 'add-point'; id: string; name: string }
  | { command: 'import'; file: unknown };

/** `output` goes to stdout on success (`notice` to stderr); on failure `output` is the one-line reason. */
export interface AdminReply {
  ok: boolean;
  output: string;
  notice?: string;
}

export interface AdminContext {
  store: Store;
  now: () => Date;
  random: RandomSource;
  passwordCost: ScryptCost;
  pairingCodeTtlMs: number;
}

const done = (output: string): AdminReply => ({ ok: true, output });
const failed = (output: string): AdminReply => ({ ok: false, output });

function deviceTable(devices: Awaited<ReturnType<typeof listDevices>>): string {
  if (devices.length === 0) return 'no tablets paired yet';
  const rows = devices.map((d) => [
    d.id,
    d.label,
    d.revokedAt ? 'revoked' : 'active',
    d.lastSeenAt ?? 'never',
    d.appVersion ?? '-',
    d.pending === null ? '-' : String(d.pending),
    d.lastPointId ?? '-',
  ]);
  const header = ['DEVICE', 'LABEL', 'STATUS', 'LAST SEEN', 'APP', 'PENDING', 'POINT'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export async function runAdminCommand(context: AdminContext, request: AdminRequest): Promise<AdminReply> {
  const { store, now, random } = context;
  switch (request.command) {
    case 'create-coordinator': {
      const made = await addCoordinator(store, request, random, context.passwordCost);
      return made.ok ? done(`coordinator "${made.username}" created`) : failed(made.reason);
    }
    case 'pairing-code': {
      const code = randomCode(random);
      const expiresAt = new Date(now().getTime() + context.pairingCodeTtlMs);
      await addPairingCode(store, sha256(code), now(), expiresAt);
      // stdout holds just the code, so scripts can take it as it is.
      return { ok: true, output: formatPairingCode(code), notice: `valid once, until ${expiresAt.toISOString()}` };
    }
    case 'devices':
      return done(deviceTable(await listDevices(store)));
    case 'revoke': {
      if (!new RegExp(UUID_PATTERN).test(request.deviceId)) return failed(`"${request.deviceId}" is not a device id`);
      const revoked = await revokeDevice(store, request.deviceId.toLowerCase(), now());
      return revoked ? done(`device ${request.deviceId} revoked`) : failed(`no device ${request.deviceId}`);
    }
    case 'add-point': {
      if (!new RegExp(POINT_ID_PATTERN).test(request.id)) {
        return failed(`"${request.id}" is not a point id: use lowercase letters, digits and dashes, e.g. predikheren`);
      }
      const name = request.name.trim();
      if (!name || name.length > 120) return failed('a point needs a name of 1 to 120 characters');
      const added = await createPoint(store, { id: request.id, name, active: true });
      return added ? done(`point "${request.id}" added`) : failed(`a point with id "${request.id}" exists already`);
    }
    case 'import': {
      if (!Value.Check(RescueFile, request.file)) {
        return failed('this is not a rescue file: expected {"deviceId", "exportedAt", "visits": [...]}');
      }
      const results = await importRescueFile(store, request.file, now);
      if (!results) return failed(`unknown device "${request.file.deviceId}": this server never paired it`);
      const count = (status: string) => results.filter((r) => r.status === status).length;
      const lines = [
        `${results.length} visits: ${count('applied')} applied, ${count('unchanged')} unchanged, ${count('stale')} stale, ${count('rejected')} rejected`,
        ...results
          .filter((r) => r.status === 'rejected')
          .map((r) => `rejected ${r.id || '(no id)'}: ${(r.errors ?? []).map((e) => `${e.field} ${e.code}`).join(', ')}`),
      ];
      return done(lines.join('\n'));
    }
  }
}
