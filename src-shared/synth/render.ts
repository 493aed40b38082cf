// Renders a synthetic scene frame to RGB pixels: a textured pavement under a sky gradient, and each
// figure as a textured body (shirt pattern, trousers with walking legs, head), far to near.
import type { FigureFrame, FigureLook, Scene } from './scene';

/** An RGB image (8-bit, row-major). */
export interface RgbFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

function hash(x: number, y: number): number {
  let h = Math.imul(x, 374761393) ^ Math.imul(y, 668265263);
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** The static background (pavement tiles with noise, horizon, sky), drawn once per scene. */
export function renderBackground(width: number, height: number): Uint8Array {
  const px = new Uint8Array(width * height * 3);
  const horizon = Math.floor(height * 0.3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      if (y < horizon) {
        const t = y / horizon;
        px[o] = 120 + 60 * t;
        px[o + 1] = 150 + 50 * t;
        px[o + 2] = 190 + 30 * t;
      } else {
        // Perspective tiles: wider rows near the camera.
        const depth = (y - horizon) / (height - horizon);
        const tile = 18 + 50 * depth;
        const line = (x % tile < 1.5 ? 1 : 0) | ((y - horizon) % (tile * 0.5) < 1.2 ? 1 : 0);
        const n = hash(x >> 2, y >> 2) * 10;
        const base = 105 + 40 * depth + n - (line ? 28 : 0);
        px[o] = base;
        px[o + 1] = base * 0.96;
        px[o + 2] = base * 0.9;
      }
    }
  }
  return px;
}

function put(px: Uint8Array, width: number, x: number, y: number, c: readonly [number, number, number], shade: number): void {
  const o = (y * width + x) * 3;
  px[o] = Math.min(255, c[0] * shade);
  px[o + 1] = Math.min(255, c[1] * shade);
  px[o + 2] = Math.min(255, c[2] * shade);
}

function drawFigure(px: Uint8Array, width: number, height: number, f: FigureFrame, look: FigureLook): void {
  const x0 = Math.max(0, Math.floor(f.x));
  const x1 = Math.min(width - 1, Math.ceil(f.x + f.w));
  const y0 = Math.max(0, Math.floor(f.y));
  const y1 = Math.min(height - 1, Math.ceil(f.y + f.h));
  const cx = f.x + f.w / 2;
  const swing = Math.sin(f.phase) * 0.18;
  for (let y = y0; y <= y1; y++) {
    const v = (y + 0.5 - f.y) / f.h; // 0 top .. 1 feet
    for (let x = x0; x <= x1; x++) {
      const u = (x + 0.5 - cx) / f.w; // -0.5 .. 0.5
      let colour: readonly [number, number, number] | undefined;
      let shade = 1 - 0.35 * Math.abs(u) * 2; // round body shading
      if (v < 0.16) {
        // head
        const dy = (v - 0.085) / 0.085;
        const dx = u / 0.2;
        if (dx * dx + dy * dy <= 1) colour = [222, 184, 150];
      } else if (v < 0.55) {
        // torso with a patterned shirt
        if (Math.abs(u) <= 0.42 - 0.1 * (0.55 - v)) {
          const sx = Math.floor((u + 0.5) * 8);
          const sy = Math.floor(v * 22);
          const alt = look.pattern === 1 ? sy % 2 : look.pattern === 2 ? sx % 2 : look.pattern === 3 ? (sx + sy) % 2 : 0;
          colour = alt ? look.accent : look.shirt;
        }
      } else {
        // two legs swinging with the walking phase
        const t = (v - 0.55) / 0.45;
        const left = u + 0.13 + swing * t;
        const right = u - 0.13 - swing * t;
        if (Math.abs(left) < 0.12 || Math.abs(right) < 0.12) colour = look.trousers;
        shade *= 0.9;
      }
      if (colour) put(px, width, x, y, colour, shade);
    }
  }
}

/** Renders frame `frame` (1-based) of a scene onto a copy of `background`. */
export function renderFrame(scene: Scene, frame: number, background: Uint8Array): RgbFrame {
  const { width, height } = scene.options;
  const px = background.slice();
  for (const f of scene.frames[frame - 1] ?? []) drawFigure(px, width, height, f, scene.looks.get(f.id)!);
  return { width, height, data: px };
}
