/**
 * The Web Locks API as the browser keeps it for one origin, in memory: one
 * holder per name, waiters in order, `ifAvailable` and `signal` honoured.
 * Every tab and the service worker of a tablet would share one of these.
 */
type Callback = (lock: Lock | null) => Promise<unknown>;

export class FakeLockManager {
  private held = new Set<string>();
  private waiting = new Map<string, (() => void)[]>();

  async request(name: string, optionsOrCallback: LockOptions | Callback, maybeCallback?: Callback): Promise<unknown> {
    const options = typeof optionsOrCallback === 'function' ? {} : optionsOrCallback;
    const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback) as Callback;
    if (this.held.has(name)) {
      if (options.ifAvailable) return callback(null);
      await new Promise<void>((resolve, reject) => {
        const queue = this.waiting.get(name) ?? [];
        const turn = () => resolve();
        queue.push(turn);
        this.waiting.set(name, queue);
        options.signal?.addEventListener('abort', () => {
          queue.splice(queue.indexOf(turn), 1);
          reject(new DOMException('the request was aborted', 'AbortError'));
        });
      });
    }
    this.held.add(name);
    try {
      return await callback({ name, mode: 'exclusive' } as Lock);
    } finally {
      const next = this.waiting.get(name)?.shift();
      if (next) next();
      else this.held.delete(name);
    }
  }
}
