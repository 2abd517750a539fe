/**
 * The coordinator endpoints' answers as the dashboard reads them: the very
 * schemas the server validates and documents with (src/shared), as types only,
 * so nothing of TypeBox enters the dashboard's chunk.
 */
import type { DeviceSummary, PairingCodeResponse, PointRecord } from '../../../shared/coordinator.ts';
import type { CodeCount, PointCount, StatsAnswer, Totals } from '../../../shared/stats.ts';
import type { Kind } from '../../../shared/taxonomy.ts';

export type { CodeCount, DeviceSummary, PointCount, PointRecord, StatsAnswer, Totals };
export type PairingCode = PairingCodeResponse;

export interface StatsQuery {
  from: string;
  to: string;
  point?: string | null;
  kind?: Kind | null;
}
