/**
 * What the accessibility tests look for on a screen: axe-core's WCAG 2.2 A
 * and AA rules, targets smaller than 44 × 44 CSS px, and content that does
 * not fit the width (horizontal scrolling, something cut off). Each finding
 * is a line a person can act on. Screenshots go to test-output/e2e/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const MIN_TARGET_PX = 44;

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-output/e2e/', import.meta.url));

export async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `axe ${violation.id} (${violation.impact}): ${violation.help} — ${node.target.join(' ')}`),
  );
}

/** Every visible control a finger has to hit, smaller than 44 × 44 CSS px. */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])',
    );
    const found: string[] = [];
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(control).visibility === 'hidden') continue;
      // The skip link is off screen until focused; measured when it shows.
      if (control.classList.contains('skip-link') && document.activeElement !== control) continue;
      let width = box.width;
      let height = box.height;
      // A checkbox or radio counts with its label when the label is what a finger hits (WCAG 2.5.8 counts the target).
      if (
        control instanceof HTMLInputElement &&
        (control.type === 'checkbox' || control.type === 'radio') &&
        control.labels?.[0]
      ) {
        const label = control.labels[0].getBoundingClientRect();
        width = Math.max(width, label.width);
        height = Math.max(height, label.height);
      }
      if (width < min - 0.5 || height < min - 0.5) {
        const name = (control.getAttribute('aria-label') ?? control.textContent ?? control.outerHTML).trim().slice(0, 40);
        found.push(`target ${Math.round(width)}×${Math.round(height)} px: <${control.tagName.toLowerCase()}> "${name}"`);
      }
    }
    return found;
  }, MIN_TARGET_PX);
}

/** Horizontal scrolling, or visible content reaching past the right or left edge of the viewport. */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
      found.push(`horizontal scroll: ${root.scrollWidth} px content in ${root.clientWidth} px`);
    const width = root.clientWidth;
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'contents') continue;
      if (box.right > width + 1 || box.left < -1) {
        if (element.closest('.skip-link')) continue;
        const text = (element.textContent ?? '').trim().slice(0, 30);
        found.push(
          `cut off: <${element.tagName.toLowerCase()} class="${element.className}"> "${text}" spans ${Math.round(box.left)}…${Math.round(box.right)} px of ${width}`,
        );
      }
    }
    return found.slice(0, 10);
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
}
