/**
 * Bodies of the coordinator endpoints of sync protocol v1 (sessions, first
 * set-up, points, pairing codes, the tablet fleet, the rescue import), as
 * TypeBox schemas: the server validates and documents with them, the
 * dashboard types against them.
 */
import Type, { type Static } from 'typebox';
import { SyncResult } from './protocol.ts';
import { UUID_PATTERN } from './uuid.ts';
import { DateTime, POINT_ID_PATTERN } from './visit.ts';

const closed = { additionalProperties: false } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;
export const USERNAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$';

/** Every 4xx/5xx answer: `message` says what went wrong in words a developer understands. */
export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  code: Type.Optional(Type.String()),
});

export const SessionRequest = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  },
  closed,
);
export const SessionInfo = Type.Object({ username: Type.String() });

export const SetupStatus = Type.Object({ setupNeeded: Type.Boolean() });
export const SetupRequest = Type.Object(
  {
    setupCode: Type.String({ minLength: 1, maxLength: 64 }),
    username: Type.String({ pattern: USERNAME_PATTERN }),
    password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH }),
  },
  closed,
);

export const PointId = Type.String({ pattern: POINT_ID_PATTERN, maxLength: 64 });
export const PointName = Type.String({ minLength: 1, maxLength: 120 });
export const PointRecord = Type.Object({ id: PointId, name: Type.String(), active: Type.Boolean() });
export const PointList = Type.Object({ points: Type.Array(PointRecord) });
export const CreatePointRequest = Type.Object({ id: PointId, name: PointName, active: Type.Optional(Type.Boolean()) }, closed);
export const UpdatePointRequest = Type.Object(
  { name: Type.Optional(PointName), active: Type.Optional(Type.Boolean()) },
  { ...closed, minProperties: 1 },
);

export const PairingCodeResponse = Type.Object({ code: Type.String(), expiresAt: DateTime });

export const DeviceId = Type.String({ pattern: UUID_PATTERN });
const nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const DeviceSummary = Type.Object({
  id: Type.String(),
  label: Type.String(),
  pairedAt: DateTime,
  lastSeenAt: nullable(DateTime),
  appVersion: nullable(Type.String()),
  pending: nullable(Type.Integer()),
  oldestPendingAt: nullable(DateTime),
  lastPointId: nullable(Type.String()),
  revokedAt: nullable(DateTime),
});
export const DeviceList = Type.Object({ devices: Type.Array(DeviceSummary) });

export const ImportResponse = Type.Object({ results: Type.Array(SyncResult) });

export type SessionRequest = Static<typeof SessionRequest>;
export type SetupRequest = Static<typeof SetupRequest>;
export type PointRecord = Static<typeof PointRecord>;
export type CreatePointRequest = Static<typeof CreatePointRequest>;
export type UpdatePointRequest = Static<typeof UpdatePointRequest>;
export type PairingCodeResponse = Static<typeof PairingCodeResponse>;
export type DeviceSummary = Static<typeof DeviceSummary>;
