// MPN graph nodes (METHODS.md §2.2): the detections of a sequence as columns sorted by frame, since the
// time-aware node update relies on node order (i < j ⇒ t_i ≤ t_j). Also the detection → GT assignment of
// §0.2 (per frame, Hungarian on 1 − IoU, pairs with IoU < 0.5 forbidden) that gives training labels.
import { assignPartial } from '../assignment/partial';
import type { MotTable } from '../formats/motTable';
import { iouXywh } from '../metrics/boxIou';

/** Detections as MPN nodes, sorted by frame (stable within a frame). */
export interface MpnNodes {
  readonly count: number;
  /** Original 1-based frame numbers, non-decreasing. */
  readonly frame: Int32Array;
  /** x, y, w, h per node (pixels), w and h > 0. */
  readonly tlwh: Float64Array;
  /** Detector confidence (copied to the result rows). */
  readonly score: Float64Array;
  /** GT identity per node (−1 = false positive); training only. */
  readonly gtId?: Int32Array;
  /** Row index of each node in the table it came from. */
  readonly sourceRow?: Int32Array;
}

/** Node features: `count` rows of `dim` values (appearance descriptor or embedding, §2.3). */
export interface NodeFeatures {
  readonly dim: number;
  readonly values: Float32Array;
}

/**
 * Nodes from a det (or GT) table: rows sorted by frame, file order kept within a frame; boxes with a
 * non-positive or non-finite size are dropped (§2.9: log(h_j/h_i) needs h, w > 0). `keep` filters rows.
 */
export function nodesFromTable(t: MotTable, keep?: (row: number) => boolean): MpnNodes {
  const rows: number[] = [];
  for (let r = 0; r < t.count; r++) {
    if (!(t.w[r]! > 0 && t.h[r]! > 0 && Number.isFinite(t.x[r]!) && Number.isFinite(t.y[r]!))) continue;
    if (keep && !keep(r)) continue;
    rows.push(r);
  }
  rows.sort((a, b) => t.frame[a]! - t.frame[b]! || a - b);
  const n = rows.length;
  const frame = new Int32Array(n);
  const tlwh = new Float64Array(4 * n);
  const score = new Float64Array(n);
  const sourceRow = Int32Array.from(rows);
  rows.forEach((r, k) => {
    frame[k] = t.frame[r]!;
    tlwh.set([t.x[r]!, t.y[r]!, t.w[r]!, t.h[r]!], 4 * k);
    score[k] = t.conf[r]!;
  });
  return { count: n, frame, tlwh, score, sourceRow };
}

/** Which GT rows count as objects: conf ≠ 0 and, for MOT16/17/20 layouts, class 1 (pedestrian) with visibility ≥ `minVisibility`. */
export interface GtFilter {
  readonly classVisibility: boolean;
  readonly minVisibility: number;
}

/** GT rows that are objects under `f` (row indices). */
export function gtObjectRows(gt: MotTable, f: GtFilter): Int32Array {
  const out: number[] = [];
  for (let r = 0; r < gt.count; r++) {
    if (gt.conf[r] === 0) continue;
    if (f.classVisibility && (gt.c8[r] !== 1 || !(gt.c9[r]! >= f.minVisibility))) continue;
    if (gt.w[r]! > 0 && gt.h[r]! > 0) out.push(r);
  }
  return Int32Array.from(out);
}

/** Nodes carrying GT ids and the number of GT objects per frame (UniTrack's FN count, §1.3 A3). */
export interface LabelledNodes extends MpnNodes {
  readonly gtId: Int32Array;
  /** gtCount[f] = GT objects in frame f (index = frame number). */
  readonly gtCount: Int32Array;
}

/**
 * §0.2: per frame, Hungarian on cost 1 − IoU with pairs of IoU < `minIou` forbidden (the most pairs,
 * then the cheapest — `assignPartial`); matched nodes get the GT id, the others −1.
 */
export function assignGtIds(nodes: MpnNodes, gt: MotTable, gtRows: Int32Array, minIou = 0.5): LabelledNodes {
  let last = 0;
  for (let k = 0; k < nodes.count; k++) last = Math.max(last, nodes.frame[k]!);
  for (const r of gtRows) last = Math.max(last, gt.frame[r]!);
  const gtCount = new Int32Array(last + 1);
  const byFrame = new Map<number, number[]>();
  for (const r of gtRows) {
    gtCount[gt.frame[r]!]!++;
    const l = byFrame.get(gt.frame[r]!);
    if (l) l.push(r);
    else byFrame.set(gt.frame[r]!, [r]);
  }
  const gtId = new Int32Array(nodes.count).fill(-1);
  for (let a = 0; a < nodes.count; ) {
    let b = a;
    while (b < nodes.count && nodes.frame[b] === nodes.frame[a]) b++;
    const g = byFrame.get(nodes.frame[a]!);
    if (g) {
      const n = b - a;
      const cost = new Float64Array(n * g.length);
      for (let i = 0; i < n; i++) {
        const o = 4 * (a + i);
        for (let j = 0; j < g.length; j++) {
          const r = g[j]!;
          const iou = iouXywh(nodes.tlwh[o]!, nodes.tlwh[o + 1]!, nodes.tlwh[o + 2]!, nodes.tlwh[o + 3]!, gt.x[r]!, gt.y[r]!, gt.w[r]!, gt.h[r]!);
          cost[i * g.length + j] = iou >= minIou ? 1 - iou : Infinity;
        }
      }
      const m = assignPartial(cost, n, g.length);
      for (let i = 0; i < n; i++) if (m.rowToCol[i]! >= 0) gtId[a + i] = gt.id[g[m.rowToCol[i]!]!]!;
    }
    a = b;
  }
  return { ...nodes, gtId, gtCount };
}

/** GT boxes themselves as labelled nodes (the training boxes of the code, §2.7: visibility ≥ 0.2). */
export function gtAsNodes(gt: MotTable, gtRows: Int32Array): LabelledNodes {
  const set = new Set(gtRows);
  const nodes = nodesFromTable(gt, (r) => set.has(r));
  const gtId = Int32Array.from(nodes.sourceRow!, (r) => gt.id[r]!);
  let last = 0;
  for (const r of gtRows) last = Math.max(last, gt.frame[r]!);
  const gtCount = new Int32Array(last + 1);
  for (const r of gtRows) gtCount[gt.frame[r]!]!++;
  return { ...nodes, score: new Float64Array(nodes.count).fill(1), gtId, gtCount };
}
