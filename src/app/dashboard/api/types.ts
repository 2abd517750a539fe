/**
 * The coordinator endpoints' answers as the dashboard reads them
 * (sync-protocol.md). The server's schemas live on the server side, which the
 * app never imports; these are the members the screens use.
 */
import type { Kind } from '../../../shared/taxonomy.ts';

export interface CodeCount {
  code: string;
  count: number;
}

export interface PointCount {
  pointId: string;
  count: number;
}

export interface Minutes {
  median: number;
  p90: number;
}

export interface Totals {
  visits: number;
  questions: number;
  deviceSessions: number;
  firstVisits: number;
  people: number;
  barriers: number;
}

export interface StatsAnswer {
  from: string;
  to: string;
  point: string | null;
  kind: Kind | null;
  totals: Totals;
  byDay: { date: string; count: number }[];
  byPoint: PointCount[];
  byTopic: CodeCount[];
  byProblem: CodeCount[];
  byAgeBand: CodeCount[];
  byLanguage: CodeCount[];
  byGroup: CodeCount[];
  byOutcome: CodeCount[];
  byReferral: CodeCount[];
  byEffort: CodeCount[];
  byContact: CodeCount[];
  heatmap: { weekday: number; hour: number; count: number }[];
  waitMinutes: Minutes | null;
  helpMinutes: Minutes | null;
  // Members this server adds to the protocol's (optional: an older server may not send them).
  byDeviceType?: CodeCount[];
  barriersByTopic?: CodeCount[];
  barriersByPoint?: PointCount[];
}

export interface StatsQuery {
  from: string;
  to: string;
  point?: string | null;
  kind?: Kind | null;
}

export interface PointRecord {
  id: string;
  name: string;
  active: boolean;
}

export interface DeviceSummary {
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

export interface PairingCode {
  code: string;
  expiresAt: string;
}
