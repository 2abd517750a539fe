/**
 * The last resort for a tablet that can no longer reach the city: every
 * visit the city has not acknowledged, as the protocol's rescue file. A
 * coordinator imports it (POST /api/v1/import) under the same rules as a
 * sync, so nothing is doubled and nothing is lost.
 */
import type { RescueFile } from '../../shared/protocol.ts';
import { toLocalTimestamp } from '../../shared/time.ts';
import { type CheckinDatabase, toWire } from '../db/database.ts';
import { readUnsynced } from './outbox.ts';
import type { Clock, SyncSettings } from './ports.ts';

export interface RescueExport {
  file: RescueFile;
  /** A name that tells the coordinator which tablet and when, e.g. digibank-unsynced-3f2a9c1e-20261122-1042.json */
  fileName: string;
  /** The file's text, ready for a download. */
  json: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (d: Date) =>
  `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;

/** Null when the tablet was never paired: the city could not tell whose visits they are. */
export async function exportUnsynced(db: CheckinDatabase, settings: SyncSettings, now: Clock): Promise<RescueExport | null> {
  const pairing = await settings.get('pairing');
  if (!pairing) return null;
  const unsynced = await readUnsynced(db);
  unsynced.sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt));
  const exportedAt = new Date(now());
  const file: RescueFile = {
    deviceId: pairing.deviceId,
    exportedAt: toLocalTimestamp(exportedAt.getTime()),
    visits: unsynced.map(toWire),
  };
  const safeId = pairing.deviceId.replace(/[^a-zA-Z0-9-]/g, '').slice(0, 12) || 'tablet';
  return {
    file,
    fileName: `digibank-unsynced-${safeId}-${stamp(exportedAt)}.json`,
    json: JSON.stringify(file, null, 1),
  };
}
