/**
 * A wide table's frame. When the table is wider than the screen the frame scrolls sideways, and then it
 * becomes a named stop in the Tab order, so someone on a keyboard can scroll it with the arrow keys too
 * (WCAG 2.1.1). A table that fits adds no stop. A frame drawn with `shown` false keeps its table for
 * screen readers only, so the same table stays in place when it is shown.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useDashboardI18n } from '../i18n/i18n.tsx';

interface Props {
  title: string;
  shown?: boolean;
  children: ComponentChildren;
}

export function TableScroll({ title, shown = true, children }: Props) {
  const { t } = useDashboardI18n();
  const frame = useRef<HTMLDivElement>(null);
  const scrolls = useScrolls(frame, shown);
  const stop = scrolls ? { role: 'region' as const, 'aria-label': t('chart.scrollTable', { title }), tabIndex: 0 } : {};
  return (
    <div ref={frame} class={shown ? 'table-scroll' : 'visually-hidden'} {...stop}>
      {children}
    </div>
  );
}

/** Whether the shown element's content is wider than the element, followed as the window or the content changes. */
function useScrolls(frame: { current: HTMLElement | null }, shown: boolean): boolean {
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const element = frame.current;
    if (!element || !shown) {
      setScrolls(false);
      return;
    }
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth);
    measure();
    // Without ResizeObserver (an old browser) the first measure stands.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of Array.from(element.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [frame, shown]);
  return scrolls;
}
