/**
 * One plausible Digibank visit: a topic mix led by itsme, government services
 * and health, the city plan's target groups, realistic waits, help times and
 * outcomes. Every record it makes passes the shared visit rules.
 */
import type { DeviceOs, DeviceType, Group, Topic } from '../../shared/taxonomy.ts';
import { toLocalTimestamp } from '../../shared/time.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { type VisitRecord, withDefaults } from '../../shared/visit.ts';
import { brusselsOffsetMinutes } from '../store/brusselsTime.ts';
import type { DemoPoint } from './demoPoints.ts';
import type { SeededRandom } from './seededRandom.ts';

const MINUTE_MS = 60_000;

const QUESTION_TOPICS: Record<Topic, number> = {
  itsme: 18,
  government: 14,
  health: 13,
  eid: 8,
  banking: 7,
  'smartphone-basics': 4,
  email: 6,
  'city-app': 5,
  transport: 5,
  messaging: 4,
  'forms-search': 4,
  work: 3,
  'computer-basics': 3,
  'safety-privacy': 3,
  'social-tariff': 2,
  'device-loan': 2,
  'training-info': 2,
  'photos-files': 2,
  school: 2,
  'internet-access': 1,
  other: 2,
};

const OS_BY_TYPE: Record<DeviceType, Partial<Record<DeviceOs, number>>> = {
  smartphone: { android: 65, ios: 35 },
  tablet: { android: 50, ios: 45, other: 5 },
  laptop: { windows: 72, macos: 10, chromeos: 12, linux: 6 },
  desktop: { windows: 90, linux: 10 },
  other: { other: 1 },
};

// Notes a host might type: never anything about who the visitor is.
const NOTES = [
  'kaartlezer meebrengen',
  'volgende keer met oplader',
  'app van de bank nog niet geactiveerd',
  'wachtwoord opnieuw ingesteld',
];

function pickTopics(rng: SeededRandom, how: 1 | 2 | 3): Topic[] {
  const chosen = new Set<Topic>();
  while (chosen.size < how) chosen.add(rng.pick(QUESTION_TOPICS));
  return [...chosen];
}

function visitor(rng: SeededRandom): VisitRecord['visitor'] {
  if (rng.chance(0.1)) return null;
  const ageBand = rng.chance(0.08) ? null : rng.pick({ '0-17': 2, '18-29': 8, '30-44': 14, '45-64': 22, '65-79': 36, '80+': 18 });
  const language = rng.pick({ nl: 72, fr: 5, en: 4, ar: 6, tr: 4, ber: 3, uk: 3, ru: 1, es: 1, other: 1 });
  const groups: Group[] = [];
  const senior = ageBand === '65-79' || ageBand === '80+';
  const young = ageBand === '0-17' || ageBand === '18-29';
  if (senior && rng.chance(0.8)) groups.push('senior');
  if (rng.chance(0.2)) groups.push('low-income');
  if (rng.chance(0.08)) groups.push('disability');
  if (!senior && !young && rng.chance(0.15)) groups.push('job-seeker');
  if (language !== 'nl' && language !== 'fr' && rng.chance(0.5)) groups.push('newcomer');
  if (young && rng.chance(0.6)) groups.push('youth');
  if (rng.chance(0.01)) groups.push('city-staff');
  const firstVisit = rng.chance(0.15) ? null : rng.chance(0.35);
  return { ageBand, language, firstVisit, groups };
}

function deviceHelp(rng: SeededRandom): Pick<VisitRecord, 'device' | 'problem' | 'topics'> {
  const type = rng.pick({ smartphone: 50, laptop: 25, tablet: 15, desktop: 5, other: 5 });
  const os = rng.pick(OS_BY_TYPE[type]);
  const ownership = rng.pick({ own: 85, 'digibank-loan': 12, other: 3 });
  const problem = rng.pick({
    setup: 16,
    'wont-start': 6,
    slow: 14,
    updates: 12,
    'storage-full': 12,
    malware: 6,
    'account-access': 14,
    connectivity: 9,
    settings: 8,
    'broken-hardware': 3,
    other: 3,
  });
  const basics: Topic = type === 'laptop' || type === 'desktop' ? 'computer-basics' : 'smartphone-basics';
  const topic: Topic =
    problem === 'account-access'
      ? rng.pick<Topic>({ email: 5, 'safety-privacy': 3, itsme: 2 })
      : problem === 'malware'
        ? 'safety-privacy'
        : problem === 'connectivity'
          ? 'internet-access'
          : problem === 'storage-full' && rng.chance(0.6)
            ? 'photos-files'
            : basics;
  const topics: Topic[] = rng.chance(0.2) && topic !== 'itsme' ? [topic, 'itsme'] : [topic];
  return { device: { type, os, ownership }, problem, topics };
}

/** A visit at `point` arriving at `arrivedMs` (Unix ms). */
export function demoVisit(rng: SeededRandom, point: DemoPoint, arrivedMs: number): VisitRecord {
  const kind = rng.chance(point.deviceShare) ? 'device' : 'question';
  const stamp = (ms: number) => toLocalTimestamp(ms, brusselsOffsetMinutes(ms));
  const described =
    kind === 'device'
      ? deviceHelp(rng)
      : {
          topics: pickTopics(rng, Number(rng.pick({ 1: 65, 2: 28, 3: 7 })) as 1 | 2 | 3),
          device: rng.chance(0.4) ? { type: rng.pick({ smartphone: 70, tablet: 15, laptop: 15 }) } : null,
          problem: null,
        };
  const outcome = rng.pick({ resolved: 55, partly: 15, referred: 10, 'follow-up': 10, 'not-resolved': 5, left: 5 });
  const effort = outcome === 'left' || rng.chance(0.15) ? null : rng.pick({ quick: 25, guided: 55, 'in-depth': 20 });
  // Waits: mostly short, longer at busy moments; some visits are logged without times.
  const timed = outcome !== 'left' && rng.chance(0.75);
  const waitMinutes = Math.min(90, Math.floor(-Math.log(1 - rng.next()) * 8));
  const helpMinutes =
    effort === 'quick' ? rng.int(2, 6) : effort === 'in-depth' ? rng.int(30, 100) : rng.int(8, kind === 'device' ? 60 : 35);
  const startedMs = timed ? arrivedMs + waitMinutes * MINUTE_MS + rng.int(0, 59) * 1000 : null;
  const endedMs = startedMs !== null && rng.chance(0.85) ? startedMs + helpMinutes * MINUTE_MS + rng.int(0, 59) * 1000 : null;
  const barrierOdds = described.topics.some((t) => t === 'itsme' || t === 'government') ? 0.12 : 0.04;
  return withDefaults({
    id: uuidv7(arrivedMs, (bytes) => rng.bytes(bytes)),
    rev: rng.chance(0.06) ? 2 : 1,
    pointId: point.id,
    kind,
    arrivedAt: stamp(arrivedMs),
    startedAt: startedMs === null ? null : stamp(startedMs),
    endedAt: endedMs === null ? null : stamp(endedMs),
    ...described,
    visitor: visitor(rng),
    outcome,
    referredTo:
      outcome === 'referred'
        ? rng.pick(
            kind === 'device'
              ? { 'digibank-workshop': 60, 'one-to-one': 15, course: 15, 'other-service': 10 }
              : { 'one-to-one': 30, digidokter: 20, 'digibank-workshop': 15, course: 15, 'social-house': 12, 'other-service': 8 },
          )
        : null,
    effort,
    contact: rng.pick({ 'walk-in': 80, appointment: 14, phone: 5, 'home-visit': 1 }),
    people: rng.chance(0.88) ? 1 : rng.chance(0.8) ? 2 : 3,
    barrier: rng.chance(barrierOdds),
    note: rng.chance(0.03) ? (NOTES[rng.int(0, NOTES.length - 1)] ?? null) : null,
    deleted: rng.chance(0.005),
    createdAt: stamp(arrivedMs),
    updatedAt: stamp((endedMs ?? startedMs ?? arrivedMs) + rng.int(1, 30) * 1000),
  });
}
