/**
 * Moving through a page with the Tab key alone, as a keyboard or switch user
 * does, checking on every stop that the focus can be seen: a ring drawn
 * (outline or box-shadow) on an element that is on screen and not covered.
 */
import type { Page } from 'playwright-core';

export interface FocusStop {
  name: string;
  visible: boolean;
  why: string;
}

function focusStop(page: Page): Promise<FocusStop> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { name: '', visible: false, why: 'nothing focused' };
    const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
    const style = getComputedStyle(element);
    const ring = (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    const box = element.getBoundingClientRect();
    const onScreen = box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
    const hit = document.elementFromPoint(
      Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1),
      Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1),
    );
    const uncovered = hit !== null && (element === hit || element.contains(hit) || hit.contains(element));
    const why = !ring
      ? 'no focus ring'
      : !onScreen
        ? 'off screen'
        : !uncovered
          ? `covered by <${hit?.tagName.toLowerCase()}>`
          : '';
    return { name, visible: ring && onScreen && uncovered, why };
  });
}

/**
 * Presses Tab until the focused element's text starts with `name`, then
 * answers that stop. Throws, naming every stop on the way, when it is not reached.
 */
export async function tabTo(page: Page, name: string, maxPresses = 80): Promise<FocusStop> {
  const passed: string[] = [];
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page);
    if (stop.name.startsWith(name)) return stop;
    passed.push(stop.name);
  }
  throw new Error(`Tab never reached "${name}"; it went through: ${passed.join(' | ')}`);
}

/** Presses Tab `presses` times and answers every stop on the way (leaving the page counts as no stop). */
export async function tabThrough(page: Page, presses: number): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let press = 0; press < presses; press++) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page);
    if (stop.why !== 'nothing focused') stops.push(stop);
  }
  return stops;
}
