// Synthetic MOT clips for learning tests and benchmarks: people are two-tone coloured blobs (one
// colour pair per identity), walking at constant velocity with noise; detections are jittered GT
// boxes (quality = IoU) plus occasional false positives and misses. Deterministic per seed.
import type { TrainClip, TrainFrame } from '../../src-main/learning/data';
import { mulberry32 } from './rng';

/** Shape of a synthetic dataset. */
export interface SyntheticSpec {
  readonly identities: number;
  readonly clips: number;
  readonly framesPerClip: number;
  readonly peoplePerClip: number;
  readonly cropHeight: number;
  readonly cropWidth: number;
  readonly seed: number;
  /** Probability that a frame gets a false-positive detection / that a person is missed. */
  readonly fpRate?: number;
  readonly missRate?: number;
}

const IMG_W = 640;
const IMG_H = 480;

function iou(a: number[], b: number[]): number {
  const iw = Math.max(0, Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!));
  const ih = Math.max(0, Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!));
  const inter = iw * ih;
  return inter / ((a[2]! - a[0]!) * (a[3]! - a[1]!) + (b[2]! - b[0]!) * (b[3]! - b[1]!) - inter);
}

/** Colours of identity `id`: a hue-spread top and bottom colour. */
function palette(id: number): [number[], number[]] {
  const hue = (h: number): number[] => [0, 2, 4].map((k) => 0.5 + 0.45 * Math.cos(2 * Math.PI * (h + k / 6)));
  return [hue((id * 0.618) % 1), hue((id * 0.382 + 0.5) % 1)];
}

/** Renders one crop: background, a blob with top/bottom colours shifted by the box jitter, noise. */
function renderCrop(out: Float32Array, offset: number, h: number, w: number, id: number, shiftY: number, rnd: () => number): void {
  const [top, bottom] = id >= 0 ? palette(id) : [[rnd(), rnd(), rnd()], [rnd(), rnd(), rnd()]];
  const bright = 0.85 + 0.3 * rnd();
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dx = (x + 0.5 - w / 2) / (w * 0.42);
      const dy = (y + 0.5 - h / 2 - shiftY * h) / (h * 0.47);
      const inside = dx * dx + dy * dy <= 1;
      const col = inside ? (dy < 0 ? top : bottom) : [0.35, 0.38, 0.36];
      for (let c = 0; c < 3; c++) out[offset + (y * w + x) * 3 + c] = Math.min(1, Math.max(0, col[c]! * bright + (rnd() - 0.5) * 0.16));
    }
  }
}

/** `spec.clips` clips; sequence = clip index, identities drawn without replacement per clip. */
export function syntheticClips(spec: SyntheticSpec): TrainClip[] {
  const rnd = mulberry32(spec.seed);
  const per = spec.cropHeight * spec.cropWidth * 3;
  const clips: TrainClip[] = [];
  for (let c = 0; c < spec.clips; c++) {
    const ids = Array.from({ length: spec.identities }, (_, i) => i).sort(() => rnd() - 0.5).slice(0, spec.peoplePerClip);
    const people = ids.map((id) => {
      const h = 90 + 60 * rnd();
      return { id, h, x: 40 + rnd() * (IMG_W - 120), y: 60 + rnd() * (IMG_H - 240), vx: (rnd() - 0.5) * 12, vy: (rnd() - 0.5) * 4 };
    });
    const frames: TrainFrame[] = [];
    for (let t = 0; t < spec.framesPerClip; t++) {
      const dets: { box: number[]; id: number; q: number; shift: number }[] = [];
      for (const p of people) {
        const gt = [p.x + p.vx * t, p.y + p.vy * t, p.x + p.vx * t + p.h / 2, p.y + p.vy * t + p.h];
        if (rnd() < (spec.missRate ?? 0)) continue;
        const j = (): number => (rnd() - 0.5) * 0.12 * p.h;
        const box = [gt[0]! + j(), gt[1]! + j(), gt[2]! + j(), gt[3]! + j()];
        dets.push({ box, id: p.id, q: iou(box, gt), shift: (gt[1]! - box[1]!) / p.h });
      }
      if (rnd() < (spec.fpRate ?? 0)) {
        const x = rnd() * (IMG_W - 60);
        const y = rnd() * (IMG_H - 120);
        dets.push({ box: [x, y, x + 50, y + 100], id: -1, q: 0, shift: 0 });
      }
      const crops = new Float32Array(dets.length * per);
      dets.forEach((d, i) => renderCrop(crops, i * per, spec.cropHeight, spec.cropWidth, d.id, d.shift, rnd));
      frames.push({
        frameIndex: t + 1,
        boxesXyxy: Float32Array.from(dets.flatMap((d) => d.box)),
        identities: Int32Array.from(dets.map((d) => d.id)),
        quality: Float32Array.from(dets.map((d) => d.q)),
        gtCount: people.length,
        crops,
      });
    }
    clips.push({ sequence: `synthetic-${c}`, imageWidth: IMG_W, imageHeight: IMG_H, frames });
  }
  return clips;
}
