// Training clips of METHODS.md §2.2/§2.7: up to 15 frames at the target rate (6 fps static, 9 fps moving
// camera; with probability 0.5 the step is scaled by U(0.5, 1.5)), at most 500 detections (frames dropped
// from the end), at least 25 (resampled a few times), and the augmentation of the code: drop 0–15 % of the
// identities, drop 0–30 % of the detections, wiggle every box side so IoU(new, old) ≥ 0.8. Every draw
// is a function of the clip's seed, so a resumed run samples exactly the same clips.
import type { LabelledNodes, NodeFeatures } from '../../../src-shared/mpn/nodes';
import { samplingStep } from '../../../src-shared/mpn/windows';
import { Rng } from '../rng';

/** One training or validation sequence: labelled nodes, their features and the sequence's metadata. Plain data. */
export interface MpnSequence {
  readonly name: string;
  readonly fps: number;
  readonly imageWidth: number;
  readonly imageHeight: number;
  /** Moving camera: sample at 9 fps instead of the model's target rate (§2.2). */
  readonly movingCamera?: boolean;
  readonly nodes: LabelledNodes;
  readonly features: NodeFeatures;
}

/** Clip sampling (§2.2) and augmentation (§2.7). */
export interface ClipOptions {
  readonly framesPerGraph: number;
  readonly maxDetections: number;
  readonly minDetections: number;
  /** Scale the step by U(0.5, 1.5) with probability 0.5. */
  readonly fpsAugment: boolean;
  readonly augment: boolean;
  readonly maxIdentityDrop: number;
  readonly maxDetectionDrop: number;
}

/** Code defaults: 15 frames, 500/25 detections, fps augmentation and box augmentation on. */
export const DEFAULT_CLIP_OPTIONS: ClipOptions = { framesPerGraph: 15, maxDetections: 500, minDetections: 25, fpsAugment: true, augment: true, maxIdentityDrop: 0.15, maxDetectionDrop: 0.3 };

/** A sampled clip: sequence node indices (sorted by frame), their (augmented) boxes, and the sampled frames. */
export interface Clip {
  readonly sequence: number;
  readonly picks: Int32Array;
  readonly tlwh: Float64Array;
  readonly step: number;
  /** Sampled frame numbers of the clip (empty ones included), ascending. */
  readonly frames: readonly number[];
}

/** Wiggle bound: the largest ε with IoU ≥ 0.8 for any side shifts ≤ ε (§2.7). */
export const WIGGLE_MAX = Math.min((1 - Math.sqrt(0.8)) / 2, (1 / Math.sqrt(0.8) - 1) / 2);

/** First node index with frame ≥ f (nodes sorted by frame). */
export function lowerBound(frame: Int32Array, f: number): number {
  let a = 0;
  let b = frame.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (frame[m]! < f) a = m + 1;
    else b = m;
  }
  return a;
}

/** The nodes on `frames` (ascending), without augmentation. */
export function clipNodes(seq: MpnSequence, frames: readonly number[]): number[] {
  const out: number[] = [];
  for (const f of frames) for (let g = lowerBound(seq.nodes.frame, f); g < seq.nodes.count && seq.nodes.frame[g] === f; g++) out.push(g);
  return out;
}

function cap(seq: MpnSequence, frames: number[], picks: number[], max: number): void {
  while (picks.length > max && frames.length > 1) {
    const f = frames.pop()!;
    while (picks.length && seq.nodes.frame[picks[picks.length - 1]!] === f) picks.pop();
  }
}

function boxesOf(seq: MpnSequence, picks: readonly number[]): Float64Array {
  const out = new Float64Array(4 * picks.length);
  picks.forEach((g, k) => out.set(seq.nodes.tlwh.subarray(4 * g, 4 * g + 4), 4 * k));
  return out;
}

/** Samples one training clip from `seqs` with seed `seed` (model target rate `targetFps`). */
export function sampleClip(seqs: readonly MpnSequence[], seed: number, targetFps: number, o: ClipOptions = DEFAULT_CLIP_OPTIONS): Clip {
  const r = new Rng(seed);
  const spans = seqs.map((s) => (s.nodes.count ? s.nodes.frame[s.nodes.count - 1]! - s.nodes.frame[0]! + 1 : 0));
  const total = spans.reduce((a, b) => a + b, 0);
  if (total === 0) throw new Error('no training detections');
  let best: Clip | undefined;
  for (let attempt = 0; attempt < 10; attempt++) {
    // Sequence chosen in proportion to its length, then a start frame uniformly.
    let u = r.next() * total;
    let si = 0;
    while (si < seqs.length - 1 && u >= spans[si]!) u -= spans[si++]!;
    const seq = seqs[si]!;
    let step = samplingStep(seq.fps, seq.movingCamera ? 9 : targetFps);
    if (o.fpsAugment && r.next() < 0.5) step = Math.max(1, Math.round(step * (0.5 + r.next())));
    const first = seq.nodes.frame[0]!;
    const lastFrame = seq.nodes.frame[seq.nodes.count - 1]!;
    const start = first + r.int(Math.max(1, lastFrame - (o.framesPerGraph - 1) * step - first + 1));
    const frames: number[] = [];
    for (let k = 0; k < o.framesPerGraph && start + k * step <= lastFrame; k++) frames.push(start + k * step);
    let picks = clipNodes(seq, frames);
    if (o.augment) {
      const ids = [...new Set(picks.map((g) => seq.nodes.gtId[g]!).filter((id) => id >= 0))].sort((a, b) => a - b);
      const pId = r.next() * o.maxIdentityDrop;
      const dropped = new Set(ids.filter(() => r.next() < pId));
      const pDet = r.next() * o.maxDetectionDrop;
      picks = picks.filter((g) => !dropped.has(seq.nodes.gtId[g]!) && !(r.next() < pDet));
    }
    cap(seq, frames, picks, o.maxDetections);
    const tlwh = boxesOf(seq, picks);
    if (o.augment) {
      for (let k = 0; k < picks.length; k++) {
        const [x, y, w, h] = [tlwh[4 * k]!, tlwh[4 * k + 1]!, tlwh[4 * k + 2]!, tlwh[4 * k + 3]!];
        const e = (): number => (2 * r.next() - 1) * WIGGLE_MAX;
        const x1 = x + e() * w;
        const x2 = x + w + e() * w;
        const y1 = y + e() * h;
        const y2 = y + h + e() * h;
        tlwh.set([x1, y1, x2 - x1, y2 - y1], 4 * k);
      }
    }
    const clip: Clip = { sequence: si, picks: Int32Array.from(picks), tlwh, step, frames };
    if (!best || clip.picks.length > best.picks.length) best = clip;
    if (clip.picks.length >= o.minDetections) return clip;
  }
  return best!;
}

/** Deterministic validation clips: consecutive, non-overlapping runs of `framesPerGraph` sampled frames, no augmentation. */
export function validationClips(seqs: readonly MpnSequence[], targetFps: number, o: ClipOptions = DEFAULT_CLIP_OPTIONS, maxClips = 0): Clip[] {
  const out: Clip[] = [];
  seqs.forEach((seq, si) => {
    if (!seq.nodes.count) return;
    const step = samplingStep(seq.fps, seq.movingCamera ? 9 : targetFps);
    const lastFrame = seq.nodes.frame[seq.nodes.count - 1]!;
    for (let start = seq.nodes.frame[0]!; start <= lastFrame; start += o.framesPerGraph * step) {
      const frames: number[] = [];
      for (let k = 0; k < o.framesPerGraph && start + k * step <= lastFrame; k++) frames.push(start + k * step);
      const picks = clipNodes(seq, frames);
      cap(seq, frames, picks, o.maxDetections);
      if (picks.length >= 2) out.push({ sequence: si, picks: Int32Array.from(picks), tlwh: boxesOf(seq, picks), step, frames });
    }
  });
  return maxClips > 0 ? out.slice(0, maxClips) : out;
}
