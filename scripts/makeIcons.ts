/**
 * Draws the app icons (public/icons/*.png) from code, so they can be
 * remade without an image editor: `npx tsx scripts/makeIcons.ts`.
 * A white check mark in a white ring on the app's blue. The maskable icon
 * keeps the drawing inside the central 80 % safe zone.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x0a, 0x4a, 0x8f] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
}

function png(size: number, pixel: (x: number, y: number) => readonly [number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 3 + 1) + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** Coverage of the drawing at a point in unit coordinates (0..1), `scale` shrinking it towards the centre. */
function inked(u: number, v: number, scale: number): boolean {
  const x = (u - 0.5) / scale + 0.5;
  const y = (v - 0.5) / scale + 0.5;
  const ring = Math.abs(Math.hypot(x - 0.5, y - 0.5) - 0.36) < 0.045;
  const check = Math.min(distanceToSegment(x, y, 0.32, 0.52, 0.45, 0.65), distanceToSegment(x, y, 0.45, 0.65, 0.7, 0.38)) < 0.055;
  return ring || check;
}

function icon(size: number, scale: number): Buffer {
  const samples = 4; // supersampling for smooth edges
  return png(size, (x, y) => {
    let hits = 0;
    for (let i = 0; i < samples; i++)
      for (let j = 0; j < samples; j++)
        if (inked((x + (i + 0.5) / samples) / size, (y + (j + 0.5) / samples) / size, scale)) hits++;
    const a = hits / (samples * samples);
    return [0, 1, 2].map((c) => Math.round((BLUE[c] ?? 0) * (1 - a) + (WHITE[c] ?? 0) * a)) as unknown as [
      number,
      number,
      number,
    ];
  });
}

const out = new URL('../public/icons/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), icon(192, 1));
writeFileSync(new URL('icon-512.png', out), icon(512, 1));
writeFileSync(new URL('maskable-512.png', out), icon(512, 0.75));
