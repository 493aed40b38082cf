// MPN clip graph (METHODS.md §2.2–2.3): candidate edges between detections of different frames (up to a
// maximum frame gap), pruned to reciprocal K nearest neighbours, and the 6 edge features of §2.3.
// Typed arrays throughout; one graph of ~500 nodes builds in a few milliseconds.
import type { MpnNodes, NodeFeatures } from './nodes';

/** Number of edge features (§2.3). */
export const EDGE_FEATURES = 6;

/** How a clip graph is built. */
export interface GraphOptions {
  /** K of the reciprocal K-nearest-neighbour pruning (§2.2: 50 for MOT). */
  readonly k: number;
  /** Largest frame gap of an edge in original frames (§2.2: the whole clip = Infinity). */
  readonly maxFrameGap: number;
  /**
   * Distance the pruning ranks by: 'appearance' (Euclidean distance of the node features, §2.2) or
   * 'position' (feet-point displacement over mean height; [ours] for detections without frames).
   */
  readonly knn: 'appearance' | 'position';
  /** Frames per second of the sequence (edge feature 1 is the gap in seconds). */
  readonly fps: number;
}

/** §2.2 defaults: K = 50, whole-clip gaps, appearance distance. */
export const DEFAULT_GRAPH_OPTIONS: Omit<GraphOptions, 'fps'> = { k: 50, maxFrameGap: Infinity, knn: 'appearance' };

/** One clip graph; node k of the graph is node `nodes[k]` of the sequence. Edges are undirected with src < dst. */
export interface MpnGraph {
  readonly n: number;
  /** Sequence node index of each graph node (sorted by frame). */
  readonly nodes: Int32Array;
  readonly frame: Int32Array;
  /** Boxes used for the features (augmented ones while training). */
  readonly tlwh: Float64Array;
  readonly edgeCount: number;
  /** Earlier node of each undirected edge (frame[src] < frame[dst]); edges sorted by (src, dst). */
  readonly src: Int32Array;
  readonly dst: Int32Array;
  /** EDGE_FEATURES values per undirected edge, shared by both directed copies (§2.2). */
  readonly edgeAttr: Float32Array;
}

/** Euclidean distance of feature rows a and b. */
function featureDistance(f: NodeFeatures, a: number, b: number): number {
  const d = f.dim;
  let s = 0;
  for (let q = 0; q < d; q++) {
    const x = f.values[a * d + q]! - f.values[b * d + q]!;
    s += x * x;
  }
  return Math.sqrt(s);
}

/** Rank of K nearest: marks knn[i·n + j] for the k smallest (distance, then index) candidates of row i. */
function markNearest(dist: Float64Array, n: number, k: number, knn: Uint8Array): void {
  const tmp = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let j = 0; j < n; j++) if (dist[i * n + j]! < Infinity) tmp[c++] = dist[i * n + j]!;
    if (c <= k) {
      for (let j = 0; j < n; j++) if (dist[i * n + j]! < Infinity) knn[i * n + j] = 1;
      continue;
    }
    const sorted = tmp.subarray(0, c).sort();
    const thr = sorted[k - 1]!;
    let below = 0;
    for (let q = 0; q < k; q++) if (sorted[q]! < thr) below++;
    let ties = k - below; // equal distances: lower index first
    for (let j = 0; j < n; j++) {
      const d = dist[i * n + j]!;
      if (d < thr) knn[i * n + j] = 1;
      else if (d === thr && ties > 0) {
        knn[i * n + j] = 1;
        ties--;
      }
    }
  }
}

/**
 * Builds the graph of `pick` (sequence node indices sorted by frame). `tlwh` overrides the boxes
 * (4 per picked node, e.g. augmented); features are those of the sequence nodes (dim 0: none, then the
 * appearance distance feature is 0). Keeps (i, j) iff each is among the other's K nearest (§2.2).
 */
export function buildGraph(nodes: MpnNodes, feats: NodeFeatures | undefined, pick: Int32Array, opts: GraphOptions, tlwh?: Float64Array): MpnGraph {
  const n = pick.length;
  const frame = Int32Array.from(pick, (g) => nodes.frame[g]!);
  const box = tlwh ?? Float64Array.from({ length: 4 * n }, (_, q) => nodes.tlwh[4 * pick[q >> 2]! + (q & 3)]!);
  for (let i = 1; i < n; i++) if (frame[i]! < frame[i - 1]!) throw new Error('buildGraph: nodes are not sorted by frame');
  const hasFeat = feats !== undefined && feats.dim > 0;
  const useApp = opts.knn === 'appearance' && hasFeat;
  const fx = (i: number): number => box[4 * i]! + box[4 * i + 2]! / 2;
  const fy = (i: number): number => box[4 * i + 1]! + box[4 * i + 3]!;
  // Candidate distances (symmetric); Infinity marks pairs that are no candidates (same frame, too far apart).
  const dist = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const gap = frame[j]! - frame[i]!;
      if (gap === 0 || gap > opts.maxFrameGap) continue;
      const d = useApp ? featureDistance(feats, pick[i]!, pick[j]!) : Math.hypot(fx(j) - fx(i), fy(j) - fy(i)) / ((box[4 * i + 3]! + box[4 * j + 3]!) / 2);
      dist[i * n + j] = d;
      dist[j * n + i] = d;
    }
  }
  const knn = new Uint8Array(n * n);
  markNearest(dist, n, opts.k, knn);
  let e = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (knn[i * n + j] && knn[j * n + i]) e++;
  const src = new Int32Array(e);
  const dst = new Int32Array(e);
  const edgeAttr = new Float32Array(e * EDGE_FEATURES);
  e = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (!(knn[i * n + j] && knn[j * n + i])) continue;
      src[e] = i;
      dst[e] = j;
      const hm = (box[4 * i + 3]! + box[4 * j + 3]!) / 2;
      const o = e * EDGE_FEATURES;
      edgeAttr[o] = (frame[j]! - frame[i]!) / opts.fps;
      edgeAttr[o + 1] = (fx(j) - fx(i)) / hm;
      edgeAttr[o + 2] = (fy(j) - fy(i)) / hm;
      edgeAttr[o + 3] = Math.log(box[4 * j + 3]! / box[4 * i + 3]!);
      edgeAttr[o + 4] = Math.log(box[4 * j + 2]! / box[4 * i + 2]!);
      edgeAttr[o + 5] = hasFeat ? (useApp ? dist[i * n + j]! : featureDistance(feats, pick[i]!, pick[j]!)) : 0;
      e++;
    }
  }
  return { n, nodes: Int32Array.from(pick), frame, tlwh: box, edgeCount: e, src, dst, edgeAttr };
}
