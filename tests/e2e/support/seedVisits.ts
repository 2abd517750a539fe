/**
 * Three weeks of visits at the city's points, pushed the way a tablet does it
 * (pair with a code, POST /api/v1/sync), so the dashboard has figures and
 * charts to show.
 */
import { API, type SyncResult } from '../../../src/shared/protocol.ts';
import { OUTCOMES, TOPICS } from '../../../src/shared/taxonomy.ts';
import { toLocalTimestamp } from '../../../src/shared/time.ts';
import { uuidv7 } from '../../../src/shared/uuid.ts';
import type { WireVisit } from '../../../src/shared/visit.ts';
import { seeded } from '../../helpers/seeded.ts';

const DAY = 86_400_000;

export function someVisits(pointIds: readonly string[], count: number, nowMs: number, seed = 5): WireVisit[] {
  const random = seeded(seed);
  const brussels = (ms: number) => toLocalTimestamp(ms, 60);
  return Array.from({ length: count }, (_, i) => {
    const arrived = nowMs - Math.floor(random() * 21) * DAY - Math.floor(random() * 8) * 3_600_000;
    const started = arrived + Math.floor(random() * 20) * 60_000;
    const ended = started + (5 + Math.floor(random() * 40)) * 60_000;
    const device = random() < 0.3;
    const outcome = OUTCOMES[Math.floor(random() * 4)]?.code ?? 'resolved';
    return {
      id: uuidv7(arrived + i),
      rev: 1,
      pointId: pointIds[i % pointIds.length] ?? '',
      kind: device ? 'device' : 'question',
      arrivedAt: brussels(arrived),
      startedAt: brussels(started),
      endedAt: brussels(ended),
      topics: [TOPICS[Math.floor(random() * TOPICS.length)]?.code ?? 'other'],
      ...(device ? { device: { type: 'smartphone', os: 'android', ownership: 'own' } as const, problem: 'slow' as const } : {}),
      visitor: { ageBand: random() < 0.5 ? '65-79' : '45-64', firstVisit: random() < 0.3 },
      outcome,
      ...(outcome === 'referred' ? { referredTo: 'digidokter' as const } : {}),
      barrier: random() < 0.15,
      createdAt: brussels(arrived),
      updatedAt: brussels(ended),
    } as WireVisit;
  });
}

/** Pairs a tablet over HTTP with `code` and pushes `visits`; answers the city's results. */
export async function pushVisits(origin: string, code: string, visits: WireVisit[]): Promise<SyncResult[]> {
  const paired = await fetch(`${origin}${API}/devices/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, label: 'Tablet onthaal' }),
  });
  if (paired.status !== 201) throw new Error(`pairing answered ${paired.status}: ${await paired.text()}`);
  const { token } = (await paired.json()) as { token: string };
  const synced = await fetch(`${origin}${API}/sync`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ visits }),
  });
  if (synced.status !== 200) throw new Error(`sync answered ${synced.status}: ${await synced.text()}`);
  return ((await synced.json()) as { results: SyncResult[] }).results;
}
