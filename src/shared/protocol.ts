/**
 * Sync protocol v1 (design/sync-protocol.md): the bodies that cross the wire
 * between tablet and city endpoint, as TypeBox schemas so the server
 * validates and documents (OpenAPI) with the same definitions the tablet
 * types against. Visits inside a sync batch are `Unknown` on purpose: each
 * is checked on its own (visitRules.ts) so one bad visit never fails a batch.
 */
import Type, { type Static } from 'typebox';
import { UUID_PATTERN } from './uuid.ts';
import { DateTime, POINT_ID_PATTERN } from './visit.ts';
import type { FieldError } from './visitRules.ts';

export const API = '/api/v1';
export const MAX_BATCH_VISITS = 500;
export const MAX_BODY_BYTES = 1024 * 1024;

export const PAIRING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I/L
export const PAIRING_CODE_LENGTH = 8;

/** "abcd efgh", "ABCD-EFGH", " abcdefgh " → "ABCDEFGH"; null when it cannot be a code. */
export function normalizePairingCode(input: string): string | null {
  const compact = input.replace(/[\s-]+/g, '').toUpperCase();
  if (compact.length !== PAIRING_CODE_LENGTH) return null;
  for (const ch of compact) if (!PAIRING_ALPHABET.includes(ch)) return null;
  return compact;
}

/** "ABCDEFGH" → "ABCD-EFGH", the way a code is shown to people. */
export const formatPairingCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

const closed = { additionalProperties: false } as const;

export const PairRequest = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 32 }),
    label: Type.String({ minLength: 1, maxLength: 80 }),
    installId: Type.Optional(Type.String({ pattern: UUID_PATTERN })),
  },
  closed,
);
export const PairResponse = Type.Object({ deviceId: Type.String(), token: Type.String() });

export const Point = Type.Object({ id: Type.String({ pattern: POINT_ID_PATTERN }), name: Type.String() });
export const ConfigResponse = Type.Object({
  points: Type.Array(Point),
  taxonomyVersion: Type.Integer(),
  serverTime: DateTime,
});

export const ClientInfo = Type.Object(
  {
    appVersion: Type.String({ maxLength: 40 }),
    pending: Type.Integer({ minimum: 0 }),
    oldestPendingAt: Type.Union([DateTime, Type.Null()]),
  },
  closed,
);

export const SyncRequest = Type.Object(
  {
    visits: Type.Array(Type.Unknown(), { maxItems: MAX_BATCH_VISITS }),
    client: Type.Optional(ClientInfo),
  },
  closed,
);

export const ResultStatus = Type.Enum(['applied', 'unchanged', 'stale', 'rejected']);
export const FieldErrorSchema = Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() });
export const SyncResult = Type.Object({
  id: Type.String(),
  status: ResultStatus,
  errors: Type.Optional(Type.Array(FieldErrorSchema)),
});
export const SyncResponse = Type.Object({ results: Type.Array(SyncResult), serverTime: DateTime });

export const RescueFile = Type.Object({
  deviceId: Type.String({ minLength: 1 }),
  exportedAt: DateTime,
  visits: Type.Array(Type.Unknown()),
});

export type PairRequest = Static<typeof PairRequest>;
export type PairResponse = Static<typeof PairResponse>;
export type Point = Static<typeof Point>;
export type ConfigResponse = Static<typeof ConfigResponse>;
export type ClientInfo = Static<typeof ClientInfo>;
export type SyncRequest = Static<typeof SyncRequest>;
export type ResultStatus = Static<typeof ResultStatus>;
export type SyncResponse = Static<typeof SyncResponse>;
export type RescueFile = Static<typeof RescueFile>;
export interface SyncResult {
  id: string;
  status: ResultStatus;
  errors?: FieldError[];
}
