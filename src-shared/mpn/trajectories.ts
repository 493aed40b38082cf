// From rounded edges to tracker output (METHODS.md §2.8 step 6): ids = connected components of the active
// edges (chains, since rounding leaves ≤ 1 in- and out-edge per node), trajectories shorter than
// `minTrackLength` dropped, gaps filled by per-trajectory linear interpolation of centre, width and height.
import { allocTable, frameIdOrder, type MotTable, sliceTable } from '../formats/motTable';
import type { MpnNodes } from './nodes';

/** Post-processing of §2.8 step 6. */
export interface TrajectoryOptions {
  /** Drop trajectories with fewer detections (code: `min_track_len: 2`). */
  readonly minTrackLength: number;
  /** Fill frames between consecutive detections of a trajectory by linear interpolation. */
  readonly interpolate: boolean;
}

/** Code defaults: minimum length 2, interpolation on. */
export const DEFAULT_TRAJECTORY_OPTIONS: TrajectoryOptions = { minTrackLength: 2, interpolate: true };

/** The result rows and how many trajectories they hold. */
export interface Trajectories {
  /** MOT result rows (kind 'res', 10 columns, sorted by frame then id, ids from 1 in order of first appearance). */
  readonly table: MotTable;
  readonly trackCount: number;
}

/**
 * Trajectories over the tracked nodes `sel` (sequence node indices sorted by frame) linked by the active
 * undirected edges (src → dst are positions in `sel`). Requires in- and out-degree ≤ 1 (throws otherwise).
 */
export function buildTrajectories(nodes: MpnNodes, sel: Int32Array, src: ArrayLike<number>, dst: ArrayLike<number>, active: ArrayLike<number>, opts: TrajectoryOptions = DEFAULT_TRAJECTORY_OPTIONS): Trajectories {
  const n = sel.length;
  const next = new Int32Array(n).fill(-1);
  const prev = new Int32Array(n).fill(-1);
  for (let e = 0; e < active.length; e++) {
    if (!active[e]) continue;
    const a = src[e]!;
    const b = dst[e]!;
    if (next[a] !== -1 || prev[b] !== -1) throw new Error(`buildTrajectories: node ${next[a] !== -1 ? a : b} has two active edges on one side`);
    next[a] = b;
    prev[b] = a;
  }
  const chains: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (prev[i] !== -1) continue;
    const c: number[] = [];
    for (let k = i; k !== -1; k = next[k]!) c.push(k);
    if (c.length >= opts.minTrackLength) chains.push(c);
  }
  let rows = 0;
  for (const c of chains) {
    rows += c.length;
    if (opts.interpolate) for (let q = 1; q < c.length; q++) rows += nodes.frame[sel[c[q]!]!]! - nodes.frame[sel[c[q - 1]!]!]! - 1;
  }
  const t = allocTable('res', 10, rows);
  const push = (frame: number, id: number, x: number, y: number, w: number, h: number, conf: number): void => {
    const r = t.count++;
    t.frame[r] = frame;
    t.id[r] = id;
    t.x[r] = x;
    t.y[r] = y;
    t.w[r] = w;
    t.h[r] = h;
    t.conf[r] = conf;
    t.c8[r] = -1;
    t.c9[r] = -1;
    t.c10[r] = -1;
  };
  chains.forEach((c, k) => {
    const id = k + 1;
    for (let q = 0; q < c.length; q++) {
      const g = sel[c[q]!]!;
      const b = nodes.tlwh.subarray(4 * g, 4 * g + 4);
      if (opts.interpolate && q > 0) {
        // Linear in centre, width and height between the previous detection and this one.
        const g0 = sel[c[q - 1]!]!;
        const a = nodes.tlwh.subarray(4 * g0, 4 * g0 + 4);
        const f0 = nodes.frame[g0]!;
        const f1 = nodes.frame[g]!;
        for (let f = f0 + 1; f < f1; f++) {
          const s = (f - f0) / (f1 - f0);
          const lerp = (u: number, v: number): number => u + s * (v - u);
          const w = lerp(a[2]!, b[2]!);
          const h = lerp(a[3]!, b[3]!);
          const cx = lerp(a[0]! + a[2]! / 2, b[0]! + b[2]! / 2);
          const cy = lerp(a[1]! + a[3]! / 2, b[1]! + b[3]! / 2);
          push(f, id, cx - w / 2, cy - h / 2, w, h, lerp(nodes.score[g0]!, nodes.score[g]!));
        }
      }
      push(nodes.frame[g]!, id, b[0]!, b[1]!, b[2]!, b[3]!, nodes.score[g]!);
    }
  });
  return { table: sliceTable(t, t.count, frameIdOrder(t)), trackCount: chains.length };
}
