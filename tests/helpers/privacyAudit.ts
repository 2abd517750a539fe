/**
 * The privacy audit a suite runs at its end, over everything the city wrote:
 * its log lines and every row of every table. It lists what it found that
 * should not be there (an empty list is a pass):
 * - a secret in the clear (device tokens, session ids, pairing and setup codes, passwords);
 * - note text the personal-data guard refused, or any stored note the guard would refuse;
 * - a client's IP address anywhere in the database, or anything IP-shaped in a visit.
 */
import type { Store } from '../../src/server/store/sql.ts';
import { findPersonalData } from '../../src/shared/pii.ts';

export interface PrivacyAuditInput {
  store: Store;
  /** Every log line the server wrote during the suite. */
  logText: string;
  /** Tokens, cookies, codes and passwords the suite handled. */
  secrets: readonly string[];
  /** Notes the city must have refused (they looked like personal data). */
  refusedNotes: readonly string[];
  /** The client addresses the suite called from; 127.0.0.1 and ::1 are always checked. */
  clientAddresses?: readonly string[];
}

const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/;

/** Every row of every table of the store, as JSON text, by table. */
export async function dumpDatabase(store: Store): Promise<Map<string, string[]>> {
  const tables = await store.query<{ tablename: string }>(
    'SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename',
  );
  const dump = new Map<string, string[]>();
  for (const { tablename } of tables) {
    const rows = await store.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${tablename}" t`);
    dump.set(
      tablename,
      rows.map((r) => r.row),
    );
  }
  return dump;
}

export async function auditPrivacy(input: PrivacyAuditInput): Promise<string[]> {
  const findings: string[] = [];
  const dump = await dumpDatabase(input.store);
  const where = (needle: string): string[] => {
    const places = [...dump].filter(([, rows]) => rows.some((row) => row.includes(needle))).map(([table]) => `table ${table}`);
    if (input.logText.includes(needle)) places.push('the log');
    return places;
  };
  const shown = (text: string) => `${text.slice(0, 6)}…`;

  for (const secret of new Set(input.secrets)) {
    if (secret.length < 6) throw new Error('a secret this short would match by chance; audit longer ones');
    for (const place of where(secret)) findings.push(`a secret (${shown(secret)}) in clear in ${place}`);
  }
  for (const note of new Set(input.refusedNotes)) {
    for (const place of where(note)) findings.push(`a refused note (${shown(note)}) in ${place}`);
  }
  const notes = await input.store.query<{ id: string; note: string }>(
    "SELECT id::text AS id, record->>'note' AS note FROM visits WHERE record->>'note' IS NOT NULL",
  );
  for (const { id, note } of notes) {
    const kind = findPersonalData(note);
    if (kind) findings.push(`visit ${id} holds a note with personal data (${kind})`);
  }
  const addresses = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1', ...(input.clientAddresses ?? [])]);
  for (const address of addresses) {
    for (const [table, rows] of dump) {
      if (rows.some((row) => row.includes(`"${address}"`) || row.includes(` ${address}`))) {
        findings.push(`client address ${address} stored in table ${table}`);
      }
    }
  }
  for (const row of dump.get('visits') ?? []) {
    if (IPV4.test(row)) findings.push(`an IP address stored with visit ${row.slice(7, 43)}`);
  }
  return findings;
}
