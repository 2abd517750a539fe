/**
 * The answer of GET /api/v1/stats (sync-protocol.md, "Statistics"), as a
 * TypeBox schema so the route, the OpenAPI document and the dashboard use
 * the same shape.
 * The protocol's members come first; the members after them are additions a
 * dashboard needs (the protocol allows adding members).
 */
import Type, { type Static } from 'typebox';
import { codesOf, KINDS } from './taxonomy.ts';

const Count = Type.Integer({ minimum: 1 });
const CodeCounts = Type.Array(Type.Object({ code: Type.String(), count: Count }, { additionalProperties: false }));
const PointCounts = Type.Array(Type.Object({ pointId: Type.String(), count: Count }, { additionalProperties: false }));
const Minutes = Type.Union([
  Type.Object({ median: Type.Integer({ minimum: 0 }), p90: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
  Type.Null(),
]);

export const StatsAnswer = Type.Object(
  {
    from: Type.String({ format: 'date' }),
    to: Type.String({ format: 'date' }),
    point: Type.Union([Type.String(), Type.Null()]),
    kind: Type.Union([Type.Enum(codesOf(KINDS)), Type.Null()]),
    totals: Type.Object(
      {
        visits: Type.Integer({ minimum: 0 }),
        questions: Type.Integer({ minimum: 0 }),
        deviceSessions: Type.Integer({ minimum: 0 }),
        firstVisits: Type.Integer({ minimum: 0 }),
        people: Type.Integer({ minimum: 0 }),
        barriers: Type.Integer({ minimum: 0 }),
      },
      { additionalProperties: false },
    ),
    byDay: Type.Array(Type.Object({ date: Type.String({ format: 'date' }), count: Count }, { additionalProperties: false })),
    byPoint: PointCounts,
    byTopic: CodeCounts,
    byProblem: CodeCounts,
    byAgeBand: CodeCounts,
    byLanguage: CodeCounts,
    byGroup: CodeCounts,
    byOutcome: CodeCounts,
    byReferral: CodeCounts,
    byEffort: CodeCounts,
    byContact: CodeCounts,
    heatmap: Type.Array(
      Type.Object(
        { weekday: Type.Integer({ minimum: 1, maximum: 7 }), hour: Type.Integer({ minimum: 0, maximum: 23 }), count: Count },
        { additionalProperties: false },
      ),
    ),
    waitMinutes: Minutes,
    helpMinutes: Minutes,
    // Additions for the dashboard.
    byDeviceType: CodeCounts,
    byDeviceOs: CodeCounts,
    byDeviceOwnership: CodeCounts,
    /** topics of the visits where the digital service itself was the barrier */
    barriersByTopic: CodeCounts,
    barriersByPoint: PointCounts,
  },
  { additionalProperties: false },
);

export type StatsAnswer = Static<typeof StatsAnswer>;
export type CodeCount = Static<typeof CodeCounts>[number];
export type PointCount = Static<typeof PointCounts>[number];
export type Totals = StatsAnswer['totals'];
