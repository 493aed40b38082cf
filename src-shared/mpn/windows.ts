// Inference windows of METHODS.md §2.8 steps 1–4: frames sampled at the target rate (§0.2 "consecutive =
// after the sampling step"), windows of n = min(15, round(500 / mean detections per sampled frame)) sampled
// frames for every start frame (n − 1 overlap), and per-edge averaging of predictions over the windows in
// which the edge was present.
import type { MpnNodes } from './nodes';

/** Sampling step for a sequence: round(fps / targetFps), at least 1 (§2.2). */
export function samplingStep(fps: number, targetFps: number): number {
  return Math.max(1, Math.round(fps / targetFps));
}

/** Nodes on sampled frames and the sampled frame numbers. */
export interface SampledSequence {
  readonly step: number;
  /** Sampled frame numbers first, first + step, …, up to the last frame with a node. */
  readonly frames: Int32Array;
  /** Sequence node indices on sampled frames (sorted by frame). */
  readonly nodes: Int32Array;
  /** nodeStart[k] = first position in `nodes` on frames[k] or later; length frames.length + 1. */
  readonly nodeStart: Int32Array;
}

/** Keeps the nodes on frames 1, 1 + step, 1 + 2·step, … (frame numbering is 1-based). */
export function sampleSequence(nodes: MpnNodes, step: number): SampledSequence {
  const last = nodes.count ? nodes.frame[nodes.count - 1]! : 0;
  const frames = Int32Array.from({ length: last >= 1 ? Math.floor((last - 1) / step) + 1 : 0 }, (_, k) => 1 + k * step);
  const picked: number[] = [];
  for (let g = 0; g < nodes.count; g++) if ((nodes.frame[g]! - 1) % step === 0) picked.push(g);
  const sel = Int32Array.from(picked);
  const nodeStart = new Int32Array(frames.length + 1);
  let p = 0;
  for (let k = 0; k <= frames.length; k++) {
    const f = k < frames.length ? frames[k]! : Infinity;
    while (p < sel.length && nodes.frame[sel[p]!]! < f) p++;
    nodeStart[k] = p;
  }
  return { step, frames, nodes: sel, nodeStart };
}

/** One inference window: sampled frames [firstFrame, lastFrame] and its nodes as positions in `SampledSequence.nodes`. */
export interface InferenceWindow {
  readonly firstFrame: number;
  readonly lastFrame: number;
  readonly start: number;
  readonly end: number;
}

/** Window length and stride of §2.8 step 2. */
export interface WindowOptions {
  /** Most sampled frames per window (15). */
  readonly maxFrames: number;
  /** Detections per window the length aims at (500). */
  readonly targetDetections: number;
  /** Start-frame stride in sampled frames (1 in the code; larger trades accuracy for speed, [ours]). */
  readonly stride: number;
}

/** §2.8 defaults: 15 frames, 500 detections, stride 1. */
export const DEFAULT_WINDOW_OPTIONS: WindowOptions = { maxFrames: 15, targetDetections: 500, stride: 1 };

/** Windows covering the sampled sequence (the last one always ends on the last sampled frame). */
export function planWindows(s: SampledSequence, o: WindowOptions = DEFAULT_WINDOW_OPTIONS): InferenceWindow[] {
  const F = s.frames.length;
  if (F === 0 || s.nodes.length === 0) return [];
  const avg = s.nodes.length / F;
  const n = Math.max(2, Math.min(o.maxFrames, Math.round(o.targetDetections / avg)));
  const starts: number[] = [];
  for (let k = 0; k + n <= F; k += o.stride) starts.push(k);
  if (!starts.length || starts[starts.length - 1]! + n < F) starts.push(Math.max(0, F - n));
  return starts.map((k) => {
    const e = Math.min(F, k + n);
    return { firstFrame: s.frames[k]!, lastFrame: s.frames[e - 1]!, start: s.nodeStart[k]!, end: s.nodeStart[e]! };
  });
}

/** Sums of per-window edge probabilities keyed by node pair (positions in `SampledSequence.nodes`). */
export class EdgeAverager {
  private readonly index = new Map<number, number>();
  private src: number[] = [];
  private dst: number[] = [];
  private sum: number[] = [];
  private count: number[] = [];

  constructor(private readonly nodeCount: number) {}

  /** Adds one window's probability of edge (a → b), a < b. */
  add(a: number, b: number, p: number): void {
    const key = a * this.nodeCount + b;
    let e = this.index.get(key);
    if (e === undefined) {
      e = this.src.length;
      this.index.set(key, e);
      this.src.push(a);
      this.dst.push(b);
      this.sum.push(0);
      this.count.push(0);
    }
    this.sum[e]! += p;
    this.count[e]!++;
  }

  /** Edges sorted by (src, dst) with their mean probability over the windows that held them. */
  result(): { src: Int32Array; dst: Int32Array; p: Float64Array } {
    const order = Array.from(this.src.keys()).sort((x, y) => this.src[x]! - this.src[y]! || this.dst[x]! - this.dst[y]!);
    return {
      src: Int32Array.from(order, (e) => this.src[e]!),
      dst: Int32Array.from(order, (e) => this.dst[e]!),
      p: Float64Array.from(order, (e) => this.sum[e]! / this.count[e]!),
    };
  }
}
