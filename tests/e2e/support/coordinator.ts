/**
 * The coordinator's side of the city endpoint, over HTTP as the dashboard
 * uses it: sign in (session cookie), list tablets, export visits, and import
 * a tablet's visits by the sync rules, which answers `unchanged` only for a
 * visit the city already holds at exactly that rev and content.
 */
import { API, type SyncResult } from '../../../src/shared/protocol.ts';
import type { VisitRecord } from '../../../src/shared/visit.ts';

export interface DeviceRow {
  id: string;
  label: string;
}

export class Coordinator {
  private constructor(
    private readonly origin: string,
    private readonly cookie: string,
  ) {}

  static async signIn(origin: string, username: string, password: string): Promise<Coordinator> {
    const response = await fetch(`${origin}${API}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 204) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
    const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0] ?? '');
    return new Coordinator(origin, cookie.join('; '));
  }

  private async call(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${this.origin}${API}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookie },
    });
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`);
    return response;
  }

  async devices(): Promise<DeviceRow[]> {
    const body = (await (await this.call('/devices')).json()) as DeviceRow[] | { devices: DeviceRow[] };
    return Array.isArray(body) ? body : body.devices;
  }

  /** POST /pairing-codes: a code for another tablet, as the dashboard makes it. */
  async pairingCode(): Promise<string> {
    return ((await (await this.call('/pairing-codes', { method: 'POST' })).json()) as { code: string }).code;
  }

  async renamePoint(id: string, name: string): Promise<void> {
    await this.call(`/points/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
  }

  /** GET /export.csv as rows keyed by column name. */
  async exportedVisits(from: string, to: string): Promise<Record<string, string>[]> {
    const text = (await (await this.call(`/export.csv?from=${from}&to=${to}`)).text()).replace(/^\uFEFF/, '');
    const [header, ...rows] = parseCsv(text);
    if (!header) return [];
    return rows.filter((row) => row.length > 1).map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
  }

  /** POST /import: the city's answer for each visit, by the sync rules. */
  async importVisits(deviceId: string, visits: VisitRecord[]): Promise<SyncResult[]> {
    const body = { deviceId, exportedAt: new Date().toISOString(), visits };
    const response = await this.call('/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return ((await response.json()) as { results: SyncResult[] }).results;
  }
}

/** The export's CSV (`;` between fields, as Belgian spreadsheets read it): quoted fields may hold `;`, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
