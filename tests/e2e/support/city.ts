/**
 * A city ready for a tablet, set up the way an operator does it with the
 * admin CLI: two Digibank points, a coordinator account, pairing codes on
 * demand. One per test file, each from a copy of a database prepared once.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../../helpers/chromium.ts';
import { CityServer } from './cityServer.ts';
import { Coordinator } from './coordinator.ts';

export const POINTS = [
  { id: 'predikheren', name: 'Het Predikheren' },
  { id: 'nekker', name: 'De Nekker' },
] as const;

export const COORDINATOR = { username: 'coordinator', password: 'a long enough test password' };

export interface CityTemplates {
  /** Points, no coordinator yet: the dashboard offers to make the first account. */
  new: string;
  /** Points and the coordinator. */
  ready: string;
}

/**
 * Sets up a city once for the whole run (creating a PGlite database takes a
 * while): the points, then the coordinator, made with the admin CLI against
 * the running server. Each test file starts from a copy of one of the two.
 */
export async function prepareCityTemplates(staticDir: string): Promise<CityTemplates> {
  const server = await CityServer.create();
  const fresh = mkdtempSync(join(tmpdir(), 'digibank-e2e-new-city-'));
  try {
    await server.start(staticDir);
    await Promise.all(POINTS.map((point) => server.admin(['add-point', point.id, point.name])));
    await server.stop();
    cpSync(server.dataDir, fresh, { recursive: true });
    await server.start(staticDir);
    await server.admin(['create-coordinator', COORDINATOR.username], { COORDINATOR_PASSWORD: COORDINATOR.password });
  } finally {
    await server.stop();
  }
  return { new: fresh, ready: server.dataDir };
}

export class City {
  private constructor(readonly server: CityServer) {}

  /** A running city with its own copy of the prepared database, serving `staticDir`. */
  static async open(template: string, staticDir: string): Promise<City> {
    const server = await CityServer.create(template);
    await server.start(staticDir);
    return new City(server);
  }

  get origin(): string {
    return this.server.origin;
  }

  /** A fresh single-use code, as `npm run admin -- pairing-code` prints it. */
  pairingCode(): Promise<string> {
    return this.server.admin(['pairing-code']);
  }

  coordinator(): Promise<Coordinator> {
    return Coordinator.signIn(this.origin, COORDINATOR.username, COORDINATOR.password);
  }

  close(): Promise<void> {
    return this.server.dispose();
  }
}

/** A browser for one test file. */
export class BrowserSession {
  private constructor(readonly browser: Browser) {}

  static async launch(): Promise<BrowserSession> {
    return new BrowserSession(await launchChromium());
  }

  /** A new, empty profile: a tablet straight out of the box. */
  newTablet(viewport = { width: 800, height: 1100 }): Promise<BrowserContext> {
    return this.browser.newContext({ viewport, locale: 'nl-BE', timezoneId: 'Europe/Brussels', serviceWorkers: 'allow' });
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

/** YYYY-MM-DD, `days` from today (UTC): a range around today for exports. */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
