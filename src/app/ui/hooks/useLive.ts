import { useLayoutEffect, useState } from 'preact/hooks';

/** The latest value of a live query; undefined until the first answer. Re-subscribes when `keys` change. */
export function useLive<T>(subscribe: (onChange: (value: T) => void) => () => void, keys: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  // Subscribed when the screen is committed, so the query runs while the browser paints, not after.
  useLayoutEffect(() => subscribe(setValue), keys);
  return value;
}
