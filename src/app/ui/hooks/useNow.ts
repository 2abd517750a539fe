import { useEffect, useState } from 'preact/hooks';

/** The clock, re-read every `everyMs` so "waiting 12 min" keeps counting. */
export function useNow(now: () => number, everyMs = 30_000): number {
  const [value, setValue] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setValue(now()), everyMs);
    return () => clearInterval(timer);
  }, [now, everyMs]);
  return value;
}
