/**
 * A QR code as SVG, drawn from the module matrix the `uqr` library encodes:
 * one path of dark squares, with the quiet zone the standard asks for, and
 * a text alternative naming what it holds.
 */
import { encode } from 'uqr';

export function qrPath(text: string): { size: number; path: string } {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  let path = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    });
  });
  return { size, path };
}

export function QrCode({ text, label, pixels = 232 }: { text: string; label: string; pixels?: number }) {
  const { size, path } = qrPath(text);
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={label}
      width={pixels}
      height={pixels}
      viewBox={`0 0 ${size} ${size}`}
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
