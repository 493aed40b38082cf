// Exact rounding of MPN edge probabilities (METHODS.md §2.8 step 5, [ours]): splitting every node into an
// out-copy and an in-copy turns the LP "min Σ x_e(1 − 2p_e) s.t. in- and out-flow ≤ 1" into a maximum-weight
// bipartite matching (totally unimodular), with weights 2p_e − 1 on the edges with p_e > 0.5. The matching
// decomposes over connected components of that bipartite graph; components of one edge are kept as they
// are, the rest go to the scipy-identical LAP solver (maximize) one component at a time.
import { linearSumAssignment } from '../assignment/lap';

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]!]!;
    x = parent[x]!;
  }
  return x;
}

/**
 * Active edges (1) after exact rounding of undirected edges (src → dst, src earlier) with probabilities `p`
 * over `n` nodes. Only edges with p > `threshold` can be active; every node keeps ≤ 1 in- and ≤ 1 out-edge.
 */
export function roundEdges(n: number, src: ArrayLike<number>, dst: ArrayLike<number>, p: ArrayLike<number>, threshold = 0.5): Uint8Array {
  const E = p.length;
  const active = new Uint8Array(E);
  const parent = Int32Array.from({ length: 2 * n }, (_, i) => i);
  const cand: number[] = [];
  for (let e = 0; e < E; e++) {
    if (!(p[e]! > threshold)) continue;
    cand.push(e);
    const a = find(parent, src[e]!);
    const b = find(parent, n + dst[e]!);
    if (a !== b) parent[a] = b;
  }
  const groups = new Map<number, number[]>();
  for (const e of cand) {
    const r = find(parent, src[e]!);
    const g = groups.get(r);
    if (g) g.push(e);
    else groups.set(r, [e]);
  }
  for (const g of groups.values()) {
    if (g.length === 1) {
      active[g[0]!] = 1;
      continue;
    }
    const rowOf = new Map<number, number>();
    const colOf = new Map<number, number>();
    for (const e of g) {
      if (!rowOf.has(src[e]!)) rowOf.set(src[e]!, rowOf.size);
      if (!colOf.has(dst[e]!)) colOf.set(dst[e]!, colOf.size);
    }
    const R = rowOf.size;
    const C = colOf.size;
    const w = new Float64Array(R * C);
    const edgeAt = new Int32Array(R * C).fill(-1);
    for (const e of g) {
      const q = rowOf.get(src[e]!)! * C + colOf.get(dst[e]!)!;
      w[q] = 2 * p[e]! - 1;
      edgeAt[q] = e;
    }
    const m = linearSumAssignment(w, R, C, true);
    for (let r = 0; r < R; r++) {
      const c = m.rowToCol[r]!;
      if (c >= 0 && edgeAt[r * C + c]! >= 0) active[edgeAt[r * C + c]!] = 1;
    }
  }
  return active;
}

/** Nodes whose active in-degree or out-degree exceeds 1 (0 after `roundEdges`). */
export function flowViolations(n: number, src: ArrayLike<number>, dst: ArrayLike<number>, active: ArrayLike<number>): number {
  const out = new Int32Array(n);
  const inn = new Int32Array(n);
  for (let e = 0; e < active.length; e++) {
    if (!active[e]) continue;
    out[src[e]!]!++;
    inn[dst[e]!]!++;
  }
  let bad = 0;
  for (let i = 0; i < n; i++) if (out[i]! > 1 || inn[i]! > 1) bad++;
  return bad;
}

/** Fraction of nodes meeting the flow constraints when edges are simply thresholded (§6.4 item 6, Table 1 of the paper). */
export function constraintSatisfaction(n: number, src: ArrayLike<number>, dst: ArrayLike<number>, p: ArrayLike<number>, threshold = 0.5): number {
  if (n === 0) return 1;
  const active = Uint8Array.from({ length: p.length }, (_, e) => (p[e]! > threshold ? 1 : 0));
  return 1 - flowViolations(n, src, dst, active) / n;
}
