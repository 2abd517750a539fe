/**
 * Gzip through the platform's CompressionStream (no library in the bundle).
 * A day of visits is repetitive JSON; gzip shrinks it about tenfold, which
 * matters on a crowded library wifi.
 */
import type { Compress } from './ports.ts';

export function platformGzip(): Compress | null {
  if (typeof CompressionStream !== 'function') return null;
  return async (bytes) => {
    const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
    const stream = source.pipeThrough(new CompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  };
}
