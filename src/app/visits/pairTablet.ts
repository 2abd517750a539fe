/**
 * Pairing: the coordinator's one-time code buys this tablet a device token,
 * then the list of points. The token is stored before the points are asked
 * for: the code is spent once the city answers, so losing the token to a
 * dropped connection would strand the tablet.
 * Loaded only when needed: it brings the schema checker along.
 */
import { normalizePairingCode } from '../../shared/protocol.ts';
import { toLocalTimestamp } from '../../shared/time.ts';
import { createCityApi } from '../api/client.ts';
import type { TabletSettings, TabletState } from './tabletSettings.ts';

/** malformed: not a code at all; rejected: bad, used or expired (the city says the same for all three). */
export type PairProblem = 'malformed' | 'rejected' | 'offline' | 'server';

/**
 * Pairing succeeded when ok, even if the points could not be fetched yet
 * (`pointsProblem`): the token is stored and the points can be asked again.
 */
export type PairOutcome =
  | { ok: true; state: TabletState; pointsProblem: PairProblem | null }
  | { ok: false; problem: PairProblem; state: TabletState };

export type PointsOutcome = { ok: true; state: TabletState } | { ok: false; problem: PairProblem; state: TabletState };

export interface PairDeps {
  fetch: typeof fetch;
  settings: TabletSettings;
  now: () => number;
}

const problemOf = (status: number | 'network'): PairProblem =>
  status === 'network' ? 'offline' : status === 400 ? 'rejected' : 'server';

export async function pairTablet(deps: PairDeps, input: { code: string; label: string }): Promise<PairOutcome> {
  const state = await deps.settings.load();
  const code = normalizePairingCode(input.code);
  if (!code) return { ok: false, problem: 'malformed', state };
  const label = input.label.trim().slice(0, 80) || 'Tablet';
  const paired = await createCityApi(deps.fetch).pair({ code, label, installId: state.installId });
  if (!paired.ok) return { ok: false, problem: problemOf(paired.status), state };
  const { deviceId, token } = paired.value;
  await deps.settings.savePairing({ deviceId, token, label, pairedAt: toLocalTimestamp(deps.now()) });
  const points = await refreshPoints(deps);
  return { ok: true, state: points.state, pointsProblem: points.ok ? null : points.problem };
}

/** Asks the city for its points with the stored token (after pairing, or to pick up a new point later). */
export async function refreshPoints(deps: PairDeps): Promise<PointsOutcome> {
  const state = await deps.settings.load();
  if (!state.pairing) return { ok: false, problem: 'rejected', state };
  const config = await createCityApi(deps.fetch).config(state.pairing.token);
  if (!config.ok) return { ok: false, problem: problemOf(config.status), state };
  await deps.settings.savePoints(config.value.points);
  return { ok: true, state: await deps.settings.load() };
}
