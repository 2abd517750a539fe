/**
 * Before the browser tests: a browser must be there (a missing one fails the
 * run with the instruction to install it, never a skip), and the app is built
 * once for the whole run.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type Builds, buildBoth } from './support/builds.ts';
import { missingBrowser } from './support/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    builds: Builds;
  }
}

export default async function setup(project: TestProject) {
  const missing = missingBrowser();
  if (missing) throw new Error(missing);
  const builds = await buildBoth();
  project.provide('builds', builds);
  return () => rmSync(dirname(builds.current), { recursive: true, force: true });
}
