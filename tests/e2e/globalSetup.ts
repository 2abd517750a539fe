/**
 * Before the browser tests: a browser must be there (a missing one fails the
 * run with the instruction to install it, never a skip), the app is built
 * once for the whole run, and a city database is prepared once.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type Builds, buildBoth } from './support/builds.ts';
import { missingBrowser } from './support/chromium.ts';
import { prepareCityTemplate } from './support/city.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    builds: Builds;
    /** A stopped city's DATA_DIR with the points and the coordinator; each test file starts from a copy. */
    cityTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const missing = missingBrowser();
  if (missing) throw new Error(missing);
  const builds = await buildBoth();
  const cityTemplate = await prepareCityTemplate(builds.current);
  project.provide('builds', builds);
  project.provide('cityTemplate', cityTemplate);
  return () => {
    rmSync(dirname(builds.current), { recursive: true, force: true });
    rmSync(cityTemplate, { recursive: true, force: true });
  };
}
