/**
 * The demo city: 22 Digibank points in Mechelen (the first six from
 * taxonomy.md, the rest plausible neighbourhood places), each with its own
 * size and opening half-days, so statistics show real differences between
 * points, weekdays and mornings/afternoons.
 */

/** A half-day opening: ISO weekday (1 = Monday), first and last hour of arrivals. */
export interface Opening {
  weekday: number;
  from: number;
  to: number;
}

export interface DemoPoint {
  id: string;
  name: string;
  /** relative share of all visits */
  weight: number;
  /** share of device-help sessions among its visits */
  deviceShare: number;
  openings: readonly Opening[];
}

const morning = (weekday: number): Opening => ({ weekday, from: 9, to: 12 });
const afternoon = (weekday: number): Opening => ({ weekday, from: 13, to: 17 });
const allDay = (weekday: number): Opening[] => [morning(weekday), afternoon(weekday)];

export const DEMO_POINTS: readonly DemoPoint[] = [
  {
    id: 'predikheren',
    name: 'Bibliotheek Het Predikheren',
    weight: 16,
    deviceShare: 0.08,
    openings: [...allDay(2), ...allDay(3), ...allDay(5), morning(6)],
  },
  {
    id: 'den-abeel',
    name: 'Lokaal Dienstencentrum Den Abeel',
    weight: 8,
    deviceShare: 0.1,
    openings: [morning(1), morning(3), afternoon(4)],
  },
  {
    id: 'digibank-atelier',
    name: 'Digibankatelier',
    weight: 7,
    deviceShare: 0.75,
    openings: [...allDay(2), ...allDay(4)],
  },
  { id: 'marta', name: 'mARTa', weight: 5, deviceShare: 0.05, openings: [afternoon(3), morning(6)] },
  {
    id: 'sociaal-huis',
    name: 'Sociaal Huis',
    weight: 10,
    deviceShare: 0.05,
    openings: [morning(1), morning(2), morning(4), morning(5)],
  },
  { id: 'den-deigem', name: 'Dienstencentrum Den Deigem', weight: 5, deviceShare: 0.1, openings: [afternoon(2), morning(4)] },
  {
    id: 'huis-van-de-mechelaar',
    name: 'Huis van de Mechelaar',
    weight: 9,
    deviceShare: 0.04,
    openings: [morning(1), morning(2), morning(3), morning(4), morning(5)],
  },
  { id: 'nekkerspoel', name: 'Buurthuis Nekkerspoel', weight: 4, deviceShare: 0.1, openings: [afternoon(1), afternoon(4)] },
  { id: 'heffen', name: 'Deelbibliotheek Heffen', weight: 2, deviceShare: 0.08, openings: [afternoon(3)] },
  { id: 'hombeek', name: 'Deelbibliotheek Hombeek', weight: 2, deviceShare: 0.08, openings: [morning(6)] },
  { id: 'leest', name: 'Deelbibliotheek Leest', weight: 2, deviceShare: 0.08, openings: [afternoon(5)] },
  { id: 'muizen', name: 'Dienstencentrum Muizen', weight: 3, deviceShare: 0.12, openings: [morning(2), afternoon(4)] },
  { id: 'walem', name: 'Buurthuis Walem', weight: 1, deviceShare: 0.1, openings: [afternoon(2)] },
  { id: 'battel', name: 'Buurthuis Battel', weight: 2, deviceShare: 0.1, openings: [morning(5)] },
  { id: 'ganzendries', name: 'Buurtcentrum Ganzendries', weight: 4, deviceShare: 0.1, openings: [morning(1), afternoon(3)] },
  {
    id: 'tervuursesteenweg',
    name: 'Lokaal Dienstencentrum Tervuursesteenweg',
    weight: 4,
    deviceShare: 0.1,
    openings: [morning(2), morning(5)],
  },
  { id: 'vrijbroek', name: 'Ontmoetingscentrum Vrijbroekpark', weight: 2, deviceShare: 0.06, openings: [afternoon(6)] },
  { id: 'kauwenberg', name: 'Buurtcentrum Kauwenberg', weight: 3, deviceShare: 0.1, openings: [afternoon(1), morning(4)] },
  { id: 'oud-hospitaal', name: 'Dienstencentrum Oud Hospitaal', weight: 4, deviceShare: 0.1, openings: [...allDay(3)] },
  { id: 'arsenaal', name: 'Buurthuis Arsenaal', weight: 2, deviceShare: 0.1, openings: [afternoon(5)] },
  { id: 'werkwinkel', name: 'VDAB-werkwinkel Mechelen', weight: 3, deviceShare: 0.03, openings: [morning(1), morning(3)] },
  { id: 'hof-van-egmont', name: 'Woonzorgcentrum Hof van Egmont', weight: 2, deviceShare: 0.15, openings: [afternoon(2)] },
];
