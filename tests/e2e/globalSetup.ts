/**
 * Before the browser tests: a browser must be there (a missing one fails the
 * run with the instruction to install it, never a skip), the app is built
 * once for the whole run, and a city database is prepared once.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { missingBrowser } from '../helpers/chromium.ts';
import { type Builds, buildBoth } from './support/builds.ts';
import { prepareCityTemplates } from './support/city.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    builds: Builds;
    /** A stopped city's DATA_DIR with the points and the coordinator; each test file starts from a copy. */
    cityTemplate: string;
    /** The same with the points only: no coordinator account yet. */
    newCityTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const missing = missingBrowser();
  if (missing) {
    const error = new Error(missing);
    error.stack = `Error: ${missing}`; // the instruction is the whole story: no stack trace under it
    throw error;
  }
  const builds = await buildBoth();
  const templates = await prepareCityTemplates(builds.current);
  project.provide('builds', builds);
  project.provide('cityTemplate', templates.ready);
  project.provide('newCityTemplate', templates.new);
  return () => {
    for (const dir of [dirname(builds.current), templates.ready, templates.new]) rmSync(dir, { recursive: true, force: true });
  };
}
