// A seeded synthetic walking scene with known truth: figures that enter, walk, cross, occlude each
// other and leave; their GT boxes with visibility, and noisy detections (misses, false positives,
// jitter). Used by the sample project and by tests that need images whose truth is exact.
import { Random } from '../util/random';

/** Scene settings. */
export interface SceneOptions {
  readonly seed: number;
  readonly width: number;
  readonly height: number;
  readonly frames: number;
  readonly fps: number;
  /** How many figures walk through (some at the same time). */
  readonly figures: number;
}

/** The sample's defaults: 960×540, 300 frames at 25 fps, 20 walkers. */
export const DEFAULT_SCENE: SceneOptions = { seed: 7, width: 960, height: 540, frames: 300, fps: 25, figures: 20 };

/** How one figure looks (drawn by render.ts). */
export interface FigureLook {
  readonly shirt: readonly [number, number, number];
  readonly trousers: readonly [number, number, number];
  readonly accent: readonly [number, number, number];
  /** 0 plain, 1 horizontal stripes, 2 vertical stripes, 3 checks. */
  readonly pattern: number;
  readonly stride: number;
}

/** A figure's state in one frame. */
export interface FigureFrame {
  readonly id: number;
  /** Box, top-left width height, in pixels. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Walking phase in radians (legs). */
  readonly phase: number;
  /** Fraction of the box not hidden by figures in front and inside the image (0..1). */
  readonly visibility: number;
}

/** A whole scene: per frame, the figures in view, far to near (drawing order). */
export interface Scene {
  readonly options: SceneOptions;
  readonly looks: ReadonlyMap<number, FigureLook>;
  readonly frames: readonly (readonly FigureFrame[])[];
}

interface Walker {
  id: number;
  start: number;
  x0: number;
  y0: number;
  vx: number;
  vy: number;
  sway: number;
  look: FigureLook;
}

function colour(r: Random): [number, number, number] {
  // A saturated colour from a random hue (HSV with s, v high), as bytes.
  const h = r.uniform() * 6;
  const s = r.between(0.45, 0.9);
  const v = r.between(0.45, 0.95);
  const c = v * s;
  const x = c * (1 - Math.abs((h % 2) - 1));
  const [a, b, d] = h < 1 ? [c, x, 0] : h < 2 ? [x, c, 0] : h < 3 ? [0, c, x] : h < 4 ? [0, x, c] : h < 5 ? [x, 0, c] : [c, 0, x];
  const m = v - c;
  return [Math.round((a + m) * 255), Math.round((b + m) * 255), Math.round((d + m) * 255)];
}

/** Figure height at a ground position: nearer (lower in the image) is taller. */
function heightAt(o: SceneOptions, footY: number): number {
  return o.height * (0.18 + 0.32 * (footY / o.height));
}

/** Simulates the scene (deterministic in the seed). */
export function simulateScene(o: SceneOptions = DEFAULT_SCENE): Scene {
  const r = new Random(o.seed);
  const walkers: Walker[] = [];
  for (let i = 0; i < o.figures; i++) {
    const leftToRight = r.chance(0.5);
    const footY = r.between(o.height * 0.45, o.height * 0.98);
    const speed = r.between(3.5, 7) * (o.width / 960) * (25 / o.fps);
    walkers.push({
      id: i + 1,
      // Pairs start close in time so paths cross inside the view.
      start: Math.floor(r.between(-0.5, 0.9) * o.frames),
      x0: leftToRight ? -0.12 * o.width : 1.12 * o.width,
      y0: footY,
      vx: leftToRight ? speed : -speed,
      vy: r.between(-0.25, 0.25),
      sway: r.between(0, Math.PI * 2),
      look: { shirt: colour(r), trousers: colour(r), accent: colour(r), pattern: r.int(0, 3), stride: r.between(0.18, 0.3) },
    });
  }
  const frames: FigureFrame[][] = [];
  for (let f = 1; f <= o.frames; f++) {
    const inView: (FigureFrame & { depth: number })[] = [];
    for (const w of walkers) {
      const t = f - w.start;
      const footX = w.x0 + w.vx * t;
      const footY = Math.min(o.height * 1.05, Math.max(o.height * 0.4, w.y0 + w.vy * t + 3 * Math.sin(t / 15 + w.sway)));
      // Boxes on a 0.01 px grid, as annotation tools write them.
      const round = (v: number): number => Math.round(v * 100) / 100;
      const h = round(heightAt(o, footY));
      const wd = round(h * 0.38);
      const x = round(footX - wd / 2);
      const y = round(footY - h);
      if (x + wd < 1 || x > o.width - 1 || y + h < 1 || y > o.height - 1) continue;
      inView.push({ id: w.id, x, y, w: wd, h, phase: (t * w.look.stride * Math.abs(w.vx)) / 2, visibility: 1, depth: footY });
    }
    inView.sort((a, b) => a.depth - b.depth || a.id - b.id);
    frames.push(
      inView.map((fig, i) => ({ id: fig.id, x: fig.x, y: fig.y, w: fig.w, h: fig.h, phase: fig.phase, visibility: Math.round(visibleFraction(fig, inView.slice(i + 1), o) * 1000) / 1000 })),
    );
  }
  return { options: o, looks: new Map(walkers.map((w) => [w.id, w.look])), frames };
}

/** The fraction of a box inside the image and not covered by the boxes in front (8×16 sample grid). */
function visibleFraction(b: FigureFrame, front: readonly FigureFrame[], o: SceneOptions): number {
  let seen = 0;
  const nx = 8;
  const ny = 16;
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      const px = b.x + ((i + 0.5) / nx) * b.w;
      const py = b.y + ((j + 0.5) / ny) * b.h;
      if (px < 0 || py < 0 || px >= o.width || py >= o.height) continue;
      if (!front.some((f) => px >= f.x && px < f.x + f.w && py >= f.y && py < f.y + f.h)) seen++;
    }
  }
  return seen / (nx * ny);
}

/** One detection (MOTChallenge det.txt row without the -1 columns). */
export interface SynthDetection {
  readonly frame: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly score: number;
}

/** Noisy detections of a scene: misses grow with occlusion, jittered boxes, and false positives. */
export function detectScene(scene: Scene, seed: number, o: { missRate?: number; jitter?: number; falsePerFrame?: number } = {}): SynthDetection[] {
  const r = new Random(seed ^ 0x5bd1e995);
  const { width, height } = scene.options;
  const out: SynthDetection[] = [];
  scene.frames.forEach((figs, i) => {
    const frame = i + 1;
    for (const f of figs) {
      const pDetect = (1 - (o.missRate ?? 0.06)) * Math.min(1, f.visibility / 0.6);
      if (!r.chance(pDetect)) continue;
      const j = o.jitter ?? 0.05;
      const w = f.w * (1 + j * r.normal());
      const h = f.h * (1 + j * r.normal());
      const round = (v: number): number => Math.round(v * 100) / 100;
      out.push({
        frame,
        x: round(f.x + f.w * j * r.normal()),
        y: round(f.y + f.h * j * r.normal()),
        w: round(Math.max(4, w)),
        h: round(Math.max(8, h)),
        score: round(Math.min(0.99, r.between(0.55, 0.98) * (0.6 + 0.4 * f.visibility))),
      });
    }
    for (let k = r.poisson(o.falsePerFrame ?? 0.4); k > 0; k--) {
      const h = r.between(0.15, 0.4) * height;
      const round = (v: number): number => Math.round(v * 100) / 100;
      out.push({ frame, x: round(r.between(0, width - h * 0.4)), y: round(r.between(height * 0.2, height - h)), w: round(h * 0.4), h: round(h), score: round(r.between(0.05, 0.6)) });
    }
  });
  return out;
}
