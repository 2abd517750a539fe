/**
 * GET /api/v1/export.csv: one row per visit, read from the row-level table
 * page by page (keyset on arrival, then id) so memory stays bounded however
 * many visits a range holds. Deleted visits are left out, and so are the
 * free-text note and anything about the tablet that sent the visit. Times are
 * Brussels wall-clock time, `YYYY-MM-DD HH:MM:SS`.
 *
 * Pages are separate statements, not one snapshot: a visit written while an
 * export runs may or may not be in it. (One long transaction would block
 * every write on embedded PGlite for as long as a slow download lasts.)
 */
import type { VisitRecord } from '../../shared/visit.ts';
import { minutesBetween } from '../store/rollupContributions.ts';
import type { Sql } from '../store/sql.ts';
import { CSV_BOM, type CsvValue, csvRecord, csvText } from './csv.ts';

export interface VisitExportQuery {
  from: string;
  to: string;
  point?: string | null;
}

/**
 * The columns, in order. Values are English taxonomy codes (taxonomy.md), whole
 * numbers, `true`/`false`, or Brussels local times `YYYY-MM-DD HH:MM:SS`; an
 * empty field means "not recorded". Lists (topics, groups) are codes joined by `,`.
 *
 * id · point_id · point_name · kind (question|device) · date (local arrival date)
 * · arrived_at · started_at · ended_at · wait_minutes (arrival → start, rounded)
 * · help_minutes (start → end, rounded) · topics · device_type · device_os
 * · device_ownership · problem · age_band · language · first_visit · groups
 * · outcome · referred_to · effort · contact · people · barrier
 * · created_at · updated_at (when the tablet first saved and last changed it)
 */
export const VISIT_EXPORT_COLUMNS = [
  'id',
  'point_id',
  'point_name',
  'kind',
  'date',
  'arrived_at',
  'started_at',
  'ended_at',
  'wait_minutes',
  'help_minutes',
  'topics',
  'device_type',
  'device_os',
  'device_ownership',
  'problem',
  'age_band',
  'language',
  'first_visit',
  'groups',
  'outcome',
  'referred_to',
  'effort',
  'contact',
  'people',
  'barrier',
  'created_at',
  'updated_at',
] as const;

export const EXPORT_PAGE_SIZE = 1000;

type ExportedRecord = Omit<VisitRecord, 'note'>;

interface ExportRow {
  cursor_at: string;
  id: string;
  point_name: string | null;
  date: string;
  arrived_at: string;
  started_at: string | null;
  ended_at: string | null;
  created_at: string;
  updated_at: string;
  record: ExportedRecord;
}

const localTime = (expression: string) => `to_char((${expression}) AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD HH24:MI:SS')`;

// $1/$2 the local dates, $3 the point or null, $4/$5 the cursor (after the last row of the previous page), $6 the page size.
const PAGE_SQL = `
SELECT v.arrived_at::text AS cursor_at, v.id::text AS id, p.name AS point_name,
       to_char(v.arrived_at AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD') AS date,
       ${localTime('v.arrived_at')} AS arrived_at,
       ${localTime("(v.record->>'startedAt')::timestamptz")} AS started_at,
       ${localTime("(v.record->>'endedAt')::timestamptz")} AS ended_at,
       ${localTime("(v.record->>'createdAt')::timestamptz")} AS created_at,
       ${localTime("(v.record->>'updatedAt')::timestamptz")} AS updated_at,
       v.record - 'note' AS record
  FROM visits v
  LEFT JOIN points p ON p.id = v.point_id
 WHERE NOT v.deleted
   AND v.arrived_at >= ($1::date::timestamp AT TIME ZONE 'Europe/Brussels')
   AND v.arrived_at < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Brussels')
   AND ($3::text IS NULL OR v.point_id = $3::text)
   AND ($4::timestamptz IS NULL OR v.arrived_at > $4::timestamptz
        OR (v.arrived_at = $4::timestamptz AND v.id > $5::uuid))
 ORDER BY v.arrived_at, v.id
 LIMIT $6`;

function csvValues(row: ExportRow): CsvValue[] {
  const visit = row.record;
  return [
    row.id,
    visit.pointId,
    csvText(row.point_name),
    visit.kind,
    row.date,
    row.arrived_at,
    row.started_at,
    row.ended_at,
    visit.startedAt ? minutesBetween(visit.arrivedAt, visit.startedAt) : null,
    visit.startedAt && visit.endedAt ? minutesBetween(visit.startedAt, visit.endedAt) : null,
    visit.topics.join(','),
    visit.device?.type,
    visit.device?.os,
    visit.device?.ownership,
    visit.problem,
    visit.visitor?.ageBand,
    visit.visitor?.language,
    visit.visitor?.firstVisit,
    visit.visitor?.groups?.join(','),
    visit.outcome,
    visit.referredTo,
    visit.effort,
    visit.contact,
    visit.people,
    visit.barrier,
    row.created_at,
    row.updated_at,
  ];
}

/** The export as CSV text chunks: the header first (after the byte-order mark), then one chunk per page. */
export async function* visitExportCsv(db: Sql, query: VisitExportQuery, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<string> {
  yield CSV_BOM + csvRecord(VISIT_EXPORT_COLUMNS);
  let cursor: { at: string; id: string } | null = null;
  for (;;) {
    const rows: ExportRow[] = await db.query<ExportRow>(PAGE_SQL, [
      query.from,
      query.to,
      query.point ?? null,
      cursor?.at ?? null,
      cursor?.id ?? null,
      pageSize,
    ]);
    if (rows.length > 0) yield rows.map((row) => csvRecord(csvValues(row))).join('');
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    cursor = { at: last.cursor_at, id: last.id };
  }
}
