// Draws the Trackwright icon (two tracks crossing, each ending in its box) and writes it as PNG:
// resources/icon.png (1024 px, window and installers) and src-renderer/public/favicon.png (64 px).
// Run: npx tsx scripts/make-icon.ts. Pure Node: a 4x4-supersampled rasteriser and zlib for PNG.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];
type Shape = { inside: (x: number, y: number) => boolean; color: RGBA };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** Encodes RGBA pixels as an 8-bit PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes in unit coordinates (0..1).
const roundRect = (x0: number, y0: number, x1: number, y1: number, r: number) => (x: number, y: number) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
const frame = (x0: number, y0: number, x1: number, y1: number, t: number) => (x: number, y: number) =>
  roundRect(x0, y0, x1, y1, t)(x, y) && !(x > x0 + t && x < x1 - t && y > y0 + t && y < y1 - t);
/** A thick quadratic Bezier stroke, sampled as segments. */
const curve = (p0: number[], p1: number[], p2: number[], w: number) => {
  const pts = Array.from({ length: 48 }, (_, i) => {
    const t = i / 47;
    return [(1 - t) ** 2 * p0[0]! + 2 * (1 - t) * t * p1[0]! + t * t * p2[0]!, (1 - t) ** 2 * p0[1]! + 2 * (1 - t) * t * p1[1]! + t * t * p2[1]!];
  });
  return (x: number, y: number) => {
    for (let i = 1; i < pts.length; i++) {
      const [ax, ay] = pts[i - 1]! as [number, number];
      const [bx, by] = pts[i]! as [number, number];
      const dx = bx - ax, dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2) return true;
    }
    return false;
  };
};

const BLUE: RGBA = [79, 163, 255, 255];
const ORANGE: RGBA = [255, 159, 67, 255];
const shapes: Shape[] = [
  { inside: roundRect(0.04, 0.04, 0.96, 0.96, 0.2), color: [22, 24, 29, 255] },
  { inside: curve([0.2, 0.78], [0.46, 0.52], [0.64, 0.27], 0.055), color: BLUE },
  { inside: curve([0.2, 0.3], [0.46, 0.48], [0.64, 0.73], 0.055), color: ORANGE },
  { inside: frame(0.64, 0.1, 0.86, 0.44, 0.04), color: BLUE },
  { inside: frame(0.64, 0.56, 0.86, 0.9, 0.04), color: ORANGE },
  { inside: (x, y) => (x - 0.2) ** 2 + (y - 0.78) ** 2 <= 0.05 ** 2, color: BLUE },
  { inside: (x, y) => (x - 0.2) ** 2 + (y - 0.3) ** 2 <= 0.05 ** 2, color: ORANGE },
];

/** Renders the icon at `size` px. */
export function renderIcon(size: number): Buffer {
  const px = new Uint8Array(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size, v = (y + (sy + 0.5) / S) / size;
          let c: RGBA = [0, 0, 0, 0];
          for (const s of shapes) if (s.inside(u, v)) c = s.color;
          // Premultiplied accumulation keeps edges against transparency clean.
          acc[0]! += (c[0] * c[3]) / 255; acc[1]! += (c[1] * c[3]) / 255; acc[2]! += (c[2] * c[3]) / 255; acc[3]! += c[3];
        }
      const a = acc[3]! / (S * S);
      const o = (y * size + x) * 4;
      px[o] = a ? Math.round((acc[0]! / (S * S)) * 255 / a) : 0;
      px[o + 1] = a ? Math.round((acc[1]! / (S * S)) * 255 / a) : 0;
      px[o + 2] = a ? Math.round((acc[2]! / (S * S)) * 255 / a) : 0;
      px[o + 3] = Math.round(a);
    }
  return encodePng(size, size, px);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../resources/icon.png', import.meta.url), renderIcon(1024));
  writeFileSync(new URL('../src-renderer/public/favicon.png', import.meta.url), renderIcon(64));
  console.log('wrote resources/icon.png and src-renderer/public/favicon.png');
}
