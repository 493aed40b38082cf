// Synthetic MPN sequences: people walking in straight lines with jitter, missed detections and false
// positives, GT ids attached; node features either absent (a constant) or an identity colour plus noise.
import type { MpnSequence } from '../../src-main/learning/mpn/clips';
import { mulberry32 } from '../../src-shared/util/random';

/** Shape of a synthetic sequence. */
export interface SyntheticSpec {
  readonly people: number;
  readonly frames: number;
  readonly fps: number;
  readonly seed: number;
  readonly missRate?: number;
  readonly fpPerFrame?: number;
  /** Feature length of identity colours (0: constant 1-d features, kind 'none'). */
  readonly featureDim?: number;
}

/** A labelled sequence (1920×1080) built from `spec`. */
export function syntheticSequence(spec: SyntheticSpec, name = `synthetic-${spec.seed}`): MpnSequence {
  const rnd = mulberry32(spec.seed);
  const dim = spec.featureDim ?? 0;
  const people = Array.from({ length: spec.people }, () => ({
    x: 100 + rnd() * 1600,
    y: 100 + rnd() * 700,
    vx: (rnd() - 0.5) * 8,
    vy: (rnd() - 0.5) * 3,
    w: 40 + rnd() * 30,
    h: 100 + rnd() * 80,
    colour: Array.from({ length: dim }, () => rnd()),
  }));
  const frame: number[] = [];
  const tlwh: number[] = [];
  const gtId: number[] = [];
  const feats: number[] = [];
  const gtCount = new Int32Array(spec.frames + 1);
  for (let f = 1; f <= spec.frames; f++) {
    people.forEach((p, id) => {
      gtCount[f]!++;
      if (rnd() < (spec.missRate ?? 0.1)) return;
      const j = (): number => (rnd() - 0.5) * 4;
      frame.push(f);
      tlwh.push(p.x + p.vx * f + j(), p.y + p.vy * f + j(), p.w * (1 + (rnd() - 0.5) * 0.05), p.h * (1 + (rnd() - 0.5) * 0.05));
      gtId.push(id);
      feats.push(...p.colour.map((c) => c + (rnd() - 0.5) * 0.2));
    });
    const fps = Math.floor(spec.fpPerFrame ?? 1);
    for (let k = 0; k < fps; k++) {
      frame.push(f);
      tlwh.push(rnd() * 1800, rnd() * 900, 40 + rnd() * 30, 100 + rnd() * 80);
      gtId.push(-1);
      feats.push(...Array.from({ length: dim }, () => rnd()));
    }
  }
  const n = frame.length;
  return {
    name,
    fps: spec.fps,
    imageWidth: 1920,
    imageHeight: 1080,
    nodes: { count: n, frame: Int32Array.from(frame), tlwh: Float64Array.from(tlwh), score: new Float64Array(n).fill(1), gtId: Int32Array.from(gtId), gtCount },
    features: dim > 0 ? { dim, values: Float32Array.from(feats) } : { dim: 1, values: new Float32Array(n).fill(1) },
  };
}
