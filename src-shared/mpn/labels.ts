// Edge labels of METHODS.md §2.5: per directed copy (r→c), 1 iff c is r's temporally closest same-id
// neighbour on that side among the edges present after pruning (so a pruned consecutive pair lets the
// next-closest same-id node become the positive: gap bridging). FPs (gtId −1) have only negatives.
import type { MpnGraph } from './graph';

/**
 * Labels of the 2E directed copies, forward copies (src→dst, future side of src) first, then the
 * reversed copies (dst→src, past side of dst), the layout the model uses. `gtId` is per graph node.
 */
export function edgeLabels(g: MpnGraph, gtId: ArrayLike<number>): Float32Array {
  const E = g.edgeCount;
  const futGap = new Float64Array(g.n).fill(Infinity);
  const futNode = new Int32Array(g.n).fill(-1);
  const pastGap = new Float64Array(g.n).fill(Infinity);
  const pastNode = new Int32Array(g.n).fill(-1);
  for (let e = 0; e < E; e++) {
    const i = g.src[e]!;
    const j = g.dst[e]!;
    if (gtId[i]! < 0 || gtId[i] !== gtId[j]) continue;
    const gap = g.frame[j]! - g.frame[i]!;
    // Strict '<': the first edge in (src, dst) order wins a tie, as in the reference.
    if (gap < futGap[i]!) {
      futGap[i] = gap;
      futNode[i] = j;
    }
    if (gap < pastGap[j]!) {
      pastGap[j] = gap;
      pastNode[j] = i;
    }
  }
  const y = new Float32Array(2 * E);
  for (let e = 0; e < E; e++) {
    if (futNode[g.src[e]!] === g.dst[e]) y[e] = 1;
    if (pastNode[g.dst[e]!] === g.src[e]) y[E + e] = 1;
  }
  return y;
}

/** Per-graph-node GT ids of a labelled sequence. */
export function graphGtIds(g: MpnGraph, seqGtId: Int32Array): Int32Array {
  return Int32Array.from(g.nodes, (k) => seqGtId[k]!);
}
