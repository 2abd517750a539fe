/**
 * Opening the app with the network off: a new tab navigates to the city's
 * address, the service worker answers from its precache, and the home screen
 * (Today) appears. "Interactive" is the first moment the home screen's
 * actions and today's list are in the document AND the page has painted a
 * frame and run one more task: a tap then gets an answer. Times come from the
 * page's own clock, from its navigation start.
 *
 * With 4× CPU throttling the DevTools protocol slows the page's main thread
 * (Emulation.setCPUThrottlingRate), as on a cheap tablet.
 */
import type { BrowserContext } from 'playwright-core';

export interface StartRun {
  throttle: number;
  /** the service worker's answer to the navigation complete (responseEnd) */
  documentMs: number;
  /** the module scripts ran (domContentLoadedEventEnd) */
  scriptsMs: number;
  /** the app drew its first element */
  firstRenderMs: number;
  /** home screen in the document */
  shownMs: number;
  /** ...and a frame painted and a task run after it */
  interactiveMs: number;
  /** main-thread tasks over 50 ms before that (the rest of the time the page waited, e.g. for IndexedDB) */
  longTasksMs: number;
}

/** What the page logs once the home screen is interactive. */
const INTERACTIVE = 'digibank-bench: home interactive';

/**
 * Marks, in each page of the context, when the home screen is in the document
 * and when it is interactive. A string, not a function: the TypeScript runner
 * decorates functions with helpers the page does not have.
 */
export const WATCH_FOR_HOME = `(() => {
  globalThis.digibankLongTasks = [];
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) globalThis.digibankLongTasks.push([task.startTime, task.duration]);
  }).observe({ type: 'longtask' });
  const mark = () => {
    if (globalThis.digibankHome) return true;
    if (globalThis.digibankFirstRender === undefined && document.getElementById('app')?.firstElementChild) {
      globalThis.digibankFirstRender = performance.now();
    }
    if (!document.querySelector('.today-actions button') || !document.querySelector('.today-lists')) return false;
    const shownAt = performance.now();
    globalThis.digibankHome = { shownAt };
    requestAnimationFrame(() => setTimeout(() => {
      globalThis.digibankHome = { shownAt, interactiveAt: performance.now() };
      console.debug('${INTERACTIVE}');
    }, 0));
    return true;
  };
  new MutationObserver((records, observer) => { if (mark()) observer.disconnect(); })
    .observe(document, { childList: true, subtree: true });
})();`;

/** One start in a fresh tab; fails when the document did not come from the service worker. */
export async function startOnce(context: BrowserContext, origin: string, throttle: number): Promise<StartRun> {
  const page = await context.newPage();
  try {
    if (throttle !== 1) {
      const devtools = await context.newCDPSession(page);
      await devtools.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    // The page says so itself: polling from here would run the driver's own scripts on the page's main thread,
    // which the throttling slows along with the app.
    const interactive = page.waitForEvent('console', { predicate: (message) => message.text() === INTERACTIVE, timeout: 60_000 });
    const response = await page.goto(origin, { waitUntil: 'commit' });
    if (!response?.fromServiceWorker()) throw new Error('the app was not served by its service worker');
    await interactive;
    const marks = await page.evaluate(() => {
      const scope = globalThis as unknown as {
        digibankHome: { shownAt: number; interactiveAt: number };
        digibankFirstRender: number;
        digibankLongTasks: [number, number][];
      };
      const before = scope.digibankLongTasks.filter(([start]) => start < scope.digibankHome.interactiveAt);
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        ...scope.digibankHome,
        firstRender: scope.digibankFirstRender,
        documentEnd: navigation.responseEnd,
        scriptsRan: navigation.domContentLoadedEventEnd,
        longTasks: before.reduce((sum, [, duration]) => sum + duration, 0),
      };
    });
    return {
      throttle,
      documentMs: marks.documentEnd,
      scriptsMs: marks.scriptsRan,
      firstRenderMs: marks.firstRender,
      shownMs: marks.shownAt,
      interactiveMs: marks.interactiveAt,
      longTasksMs: marks.longTasks,
    };
  } catch (error) {
    const body = await page.evaluate(() => document.body?.innerHTML.slice(0, 500)).catch(() => 'no body');
    throw new Error(`the home screen never became interactive: ${(error as Error).message}\n${body}`);
  } finally {
    await page.close();
  }
}

/** `runs` starts at each throttle, alternating which goes first. */
export async function offlineStarts(
  context: BrowserContext,
  origin: string,
  runs: number,
  throttles: number[],
): Promise<StartRun[]> {
  const results: StartRun[] = [];
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? throttles : [...throttles].reverse();
    for (const throttle of order) results.push(await startOnce(context, origin, throttle));
  }
  return results;
}
