// Identity metrics (IDF1; Ristani et al. 2016; ../shared/METHODS.md), ported from TrackEval
// trackeval/metrics/identity.py. TrackEval solves one (G+T)² assignment whose optimum maximises
// IDTP = Σ over matched (GT id, tracker id) of the number of timesteps where the two overlap with IoU
// >= 0.5 (its FN and FP matrices are gtCount − pm and trCount − pm; dummy rows/cols absorb the rest), and
// then IDFN = ΣgtCount − IDTP, IDFP = ΣtrCount − IDTP. Those depend only on the optimal value, not on which
// optimum scipy returns, so we solve the same maximum-weight matching per connected component of the
// overlap graph (small dense problems instead of one huge one). All values are integers: exact.
import { linearSumAssignment } from '../assignment/lap';
import type { EvalData } from './evalData';

/** Raw identity counts. */
export interface IdentityCounts {
  readonly IDTP: number;
  readonly IDFN: number;
  readonly IDFP: number;
}

/** Identity fields with TrackEval's names. */
export interface IdentityFields extends IdentityCounts {
  readonly IDR: number;
  readonly IDP: number;
  readonly IDF1: number;
}

const THRESHOLD = 0.5;

/** Number of timesteps each (GT id, tracker id) pair overlaps with IoU >= 0.5, indexed like d.pairGt. */
export function potentialMatches(d: EvalData): Float64Array {
  const pm = new Float64Array(d.numPairs);
  for (let e = 0; e < d.simVal.length; e++) if (d.simVal[e]! >= THRESHOLD) pm[d.simPair[e]!]!++;
  return pm;
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]!]!;
    x = parent[x]!;
  }
  return x;
}

/**
 * The largest total weight of a one-to-one matching between rows 0..numRows-1 and columns
 * 0..numCols-1 over the given edges (weights >= 0; a repeated edge keeps its last weight). Solved per
 * connected component with the scipy port (maximize), since components are independent.
 */
export function maxWeightMatching(edgeRow: ArrayLike<number>, edgeCol: ArrayLike<number>, weight: ArrayLike<number>, numRows: number, numCols: number): number {
  const parent = Int32Array.from({ length: numRows + numCols }, (_, k) => k);
  const n = edgeRow.length;
  for (let e = 0; e < n; e++) {
    if (!(weight[e]! > 0)) continue;
    const a = find(parent, edgeRow[e]!);
    const b = find(parent, numRows + edgeCol[e]!);
    if (a !== b) parent[a] = b;
  }
  const byRoot = new Map<number, number[]>();
  for (let e = 0; e < n; e++) {
    if (!(weight[e]! > 0)) continue;
    const r = find(parent, edgeRow[e]!);
    const list = byRoot.get(r);
    if (list) list.push(e);
    else byRoot.set(r, [e]);
  }
  let total = 0;
  for (const list of byRoot.values()) {
    if (list.length === 1) {
      total += weight[list[0]!]!;
      continue;
    }
    const rows = new Map<number, number>();
    const cols = new Map<number, number>();
    for (const e of list) {
      if (!rows.has(edgeRow[e]!)) rows.set(edgeRow[e]!, rows.size);
      if (!cols.has(edgeCol[e]!)) cols.set(edgeCol[e]!, cols.size);
    }
    const w = new Float64Array(rows.size * cols.size);
    for (const e of list) w[rows.get(edgeRow[e]!)! * cols.size + cols.get(edgeCol[e]!)!] = weight[e]!;
    const m = linearSumAssignment(w, rows.size, cols.size, true);
    m.rowToCol.forEach((c, r) => {
      if (c >= 0) total += w[r * cols.size + c]!;
    });
  }
  return total;
}

/** Identity.eval_sequence. */
export function evalSequence(d: EvalData): IdentityCounts {
  if (d.numTrackerDets === 0) return { IDTP: 0, IDFN: d.numGtDets, IDFP: 0 };
  if (d.numGtDets === 0) return { IDTP: 0, IDFN: 0, IDFP: d.numTrackerDets };
  const idtp = maxWeightMatching(d.pairGt, d.pairTr, potentialMatches(d), d.numGtIds, d.numTrackerIds);
  return { IDTP: idtp, IDFN: d.numGtDets - idtp, IDFP: d.numTrackerDets - idtp };
}

/** Identity.combine_sequences: sums. */
export function combine(all: readonly IdentityCounts[]): IdentityCounts {
  let IDTP = 0, IDFN = 0, IDFP = 0;
  for (const c of all) {
    IDTP += c.IDTP;
    IDFN += c.IDFN;
    IDFP += c.IDFP;
  }
  return { IDTP, IDFN, IDFP };
}

/** Identity._compute_final_fields. */
export function finalize(c: IdentityCounts): IdentityFields {
  return {
    ...c,
    IDR: c.IDTP / Math.max(1, c.IDTP + c.IDFN),
    IDP: c.IDTP / Math.max(1, c.IDTP + c.IDFP),
    IDF1: c.IDTP / Math.max(1, c.IDTP + 0.5 * c.IDFP + 0.5 * c.IDFN),
  };
}
