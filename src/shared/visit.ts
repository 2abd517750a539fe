/**
 * The Visit record of sync protocol v1, written once with TypeBox. The tablet
 * checks every visit against it before writing; the server validates every
 * pushed visit with the same schema plus the same cross-field rules
 * (visitRules.ts). No field may identify a visitor.
 */
import Type, { type Static } from 'typebox';
import { MAX_NOTE_LENGTH, MAX_PEOPLE, MAX_TOPICS } from './limits.ts';
import {
  AGE_BANDS,
  CONTACTS,
  codesOf,
  DEVICE_OS,
  DEVICE_OWNERSHIP,
  DEVICE_TYPES,
  EFFORTS,
  GROUPS,
  KINDS,
  OUTCOMES,
  PROBLEMS,
  REFERRALS,
  type Term,
  TOPICS,
  VISITOR_LANGUAGES,
} from './taxonomy.ts';
import { UUID_PATTERN } from './uuid.ts';

/** RFC 3339 date-time with an offset (Z or ±hh:mm), as the protocol demands. */
export const DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$';
export const POINT_ID_PATTERN = '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$';
export { MAX_NOTE_LENGTH, MAX_PEOPLE, MAX_TOPICS } from './limits.ts';

const closed = { additionalProperties: false } as const;
const code = <T extends readonly Term[]>(terms: T) => Type.Enum(codesOf(terms));
const nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const DateTime = Type.String({ pattern: DATE_TIME_PATTERN, maxLength: 40 });

export const DeviceInfo = Type.Object(
  {
    type: Type.Optional(code(DEVICE_TYPES)),
    os: Type.Optional(code(DEVICE_OS)),
    ownership: Type.Optional(code(DEVICE_OWNERSHIP)),
  },
  closed,
);

export const VisitorFacts = Type.Object(
  {
    ageBand: Type.Optional(nullable(code(AGE_BANDS))),
    language: Type.Optional(nullable(code(VISITOR_LANGUAGES))),
    firstVisit: Type.Optional(nullable(Type.Boolean())),
    groups: Type.Optional(Type.Array(code(GROUPS), { maxItems: GROUPS.length, uniqueItems: true })),
  },
  closed,
);

export const Visit = Type.Object(
  {
    id: Type.String({ pattern: UUID_PATTERN }),
    rev: Type.Integer({ minimum: 1, maximum: 2147483647 }),
    pointId: Type.String({ pattern: POINT_ID_PATTERN, maxLength: 64 }),
    kind: code(KINDS),
    arrivedAt: DateTime,
    startedAt: Type.Optional(nullable(DateTime)),
    endedAt: Type.Optional(nullable(DateTime)),
    topics: Type.Optional(Type.Array(code(TOPICS), { maxItems: MAX_TOPICS, uniqueItems: true })),
    device: Type.Optional(nullable(DeviceInfo)),
    problem: Type.Optional(nullable(code(PROBLEMS))),
    visitor: Type.Optional(nullable(VisitorFacts)),
    outcome: Type.Optional(nullable(code(OUTCOMES))),
    referredTo: Type.Optional(nullable(code(REFERRALS))),
    effort: Type.Optional(nullable(code(EFFORTS))),
    contact: Type.Optional(nullable(code(CONTACTS))),
    people: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PEOPLE })),
    barrier: Type.Optional(Type.Boolean()),
    note: Type.Optional(nullable(Type.String({ maxLength: MAX_NOTE_LENGTH }))),
    deleted: Type.Optional(Type.Boolean()),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  closed,
);

/** A visit as it travels on the wire: optional members may be absent. */
export type WireVisit = Static<typeof Visit>;

/**
 * A visit with every default filled in (contact walk-in, people 1, …): what
 * the tablet stores and the server keeps, so two copies compare field by field.
 */
export type VisitRecord = Required<Omit<WireVisit, 'visitor'>> & {
  visitor: Static<typeof VisitorFacts> | null;
};

/** Fills in the protocol's defaults so every stored visit has every member. */
export function withDefaults(visit: WireVisit): VisitRecord {
  return {
    id: visit.id,
    rev: visit.rev,
    pointId: visit.pointId,
    kind: visit.kind,
    arrivedAt: visit.arrivedAt,
    startedAt: visit.startedAt ?? null,
    endedAt: visit.endedAt ?? null,
    topics: visit.topics ?? [],
    device: visit.device ?? null,
    problem: visit.problem ?? null,
    visitor: visit.visitor ?? null,
    outcome: visit.outcome ?? null,
    referredTo: visit.referredTo ?? null,
    effort: visit.effort ?? null,
    contact: visit.contact ?? 'walk-in',
    people: visit.people ?? 1,
    barrier: visit.barrier ?? false,
    note: visit.note ?? null,
    deleted: visit.deleted ?? false,
    createdAt: visit.createdAt,
    updatedAt: visit.updatedAt,
  };
}
