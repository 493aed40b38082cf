// Maximum-weight matchings of the small connected components of a sparse score matrix, each with a
// certificate that it beats every other matching of its component by a margin (used by positive.ts to
// know that scipy's dense solution must contain it). Components are given as a slice of an edge list.
import type { PositiveScores } from './positive';

/** Matchings closer than this (relative) count as ties: the caller then solves the dense matrix. */
const TOL = 1e-9;
/** (rows + 1) · 2^cols of a component solved by the table; larger ones are left to the dense solver. */
const MAX_STATES = 1 << 16;

let edgesOf: Int32Array = new Int32Array(0);
let picked: Int32Array = new Int32Array(0);
let localOf = new Int32Array(0);
let b1 = new Float64Array(0);
let b2 = new Float64Array(0);
let predSlot = new Int32Array(0);
let rowStart = new Int32Array(0);
let edgeBit = new Int32Array(0);
let edgeW = new Float64Array(0);
let edgeId = new Int32Array(0);

/** True when all edges share one row or all share one column. */
function allShare(s: PositiveScores, base: number, n: number): boolean {
  let sameRow = true;
  let sameCol = true;
  const e0 = edgesOf[base]!;
  for (let k = base + 1; k < base + n; k++) {
    if (s.row[edgesOf[k]!] !== s.row[e0]) sameRow = false;
    if (s.col[edgesOf[k]!] !== s.col[e0]) sameCol = false;
  }
  return sameRow || sameCol;
}

let bestW = new Float64Array(0);
let secondW = new Float64Array(0);
let bestEdge = new Int32Array(0);
let stamp = new Int32Array(0);
let taken = new Int32Array(0);
let epoch = 0;

/**
 * When every row's (byRow) or every column's heaviest edge goes to a different partner, those edges form a
 * maximum-weight matching: any matching uses at most the heaviest edge of each row. It is unique by the
 * margin when each row's heaviest edge beats its second (or nothing) by it, since any other matching
 * loses at least one such difference. Returns the count written to `picked`, or 0 when the heaviest edges
 * collide or the margin bound does not hold (the exact table then decides).
 */
function solveByBestEdges(s: PositiveScores, base: number, n: number, byRow: boolean): number {
  const size = Math.max(s.rows, s.cols);
  if (stamp.length < size) {
    bestW = new Float64Array(size * 2);
    secondW = new Float64Array(size * 2);
    bestEdge = new Int32Array(size * 2);
    stamp = new Int32Array(size * 2);
    taken = new Int32Array(size * 2);
  }
  const own = byRow ? s.row : s.col;
  const other = byRow ? s.col : s.row;
  const e0 = ++epoch;
  let owners = 0;
  for (let k = base; k < base + n; k++) {
    const e = edgesOf[k]!;
    const o = own[e]!;
    const w = s.w[e]!;
    if (stamp[o] !== e0) {
      stamp[o] = e0;
      bestW[o] = w;
      secondW[o] = 0;
      bestEdge[o] = e;
      picked[owners++] = o;
    } else if (w > bestW[o]!) {
      secondW[o] = bestW[o]!;
      bestW[o] = w;
      bestEdge[o] = e;
    } else if (w > secondW[o]!) secondW[o] = w;
  }
  const e1 = ++epoch;
  let total = 0;
  let gap = Infinity;
  for (let q = 0; q < owners; q++) {
    const o = picked[q]!;
    const partner = other[bestEdge[o]!]!;
    if (taken[partner] === e1) return 0;
    taken[partner] = e1;
    total += bestW[o]!;
    gap = Math.min(gap, bestW[o]! - secondW[o]!);
  }
  if (!(gap > TOL * Math.max(1, total))) return 0; // the bound is not tight: let the exact table decide
  for (let q = 0; q < owners; q++) picked[q] = bestEdge[picked[q]!]!;
  return owners;
}

/**
 * A component on two rows and two columns (3 or 4 edges), by enumeration: each edge alone, and each of
 * the two diagonals whose edges exist. Returns the count written to `picked`, -1 if ambiguous, or 0 when
 * the component is not 2×2.
 */
function solveTwoByTwo(s: PositiveScores, base: number, n: number): number {
  const e0 = edgesOf[base]!;
  const r0 = s.row[e0]!;
  const c0 = s.col[e0]!;
  let r1 = -1;
  let c1 = -1;
  for (let k = base + 1; k < base + n; k++) {
    const e = edgesOf[k]!;
    if (s.row[e] !== r0) {
      if (r1 === -1) r1 = s.row[e]!;
      else if (s.row[e] !== r1) return 0;
    }
    if (s.col[e] !== c0) {
      if (c1 === -1) c1 = s.col[e]!;
      else if (s.col[e] !== c1) return 0;
    }
  }
  if (r1 === -1 || c1 === -1) return 0;
  // Edge ids per cell (-1 absent): [r0c0, r0c1, r1c0, r1c1].
  const cell = [-1, -1, -1, -1];
  for (let k = base; k < base + n; k++) {
    const e = edgesOf[k]!;
    cell[(s.row[e] === r0 ? 0 : 2) + (s.col[e] === c0 ? 0 : 1)] = e;
  }
  let best = 0; // the empty matching
  let second = -Infinity;
  let pick0 = -1;
  let pick1 = -1;
  const offer = (v: number, a: number, b: number): void => {
    if (v > best) {
      second = best;
      best = v;
      pick0 = a;
      pick1 = b;
    } else if (v > second) second = v;
  };
  for (const e of cell) if (e >= 0) offer(s.w[e]!, e, -1);
  if (cell[0]! >= 0 && cell[3]! >= 0) offer(s.w[cell[0]!]! + s.w[cell[3]!]!, cell[0]!, cell[3]!);
  if (cell[1]! >= 0 && cell[2]! >= 0) offer(s.w[cell[1]!]! + s.w[cell[2]!]!, cell[1]!, cell[2]!);
  if (!(best - second > TOL * Math.max(1, Math.abs(best)))) return -1;
  picked[0] = pick0;
  if (pick1 < 0) return 1;
  picked[1] = pick1;
  return 2;
}

/**
 * The maximum-weight matching of the component whose edges are edges[base .. base+n), if it beats every
 * other matching of the component by the margin: its edge ids go to `out`, the return value is their
 * number; -1 when ambiguous or too large. Single edges and stars are immediate, 2×2 components are
 * enumerated, others use dynamic programming over the smaller side's subsets with the best and
 * second-best value per state (every matching is one path, so the two best paths are the two best
 * distinct matchings).
 */
export function solveComponent(s: PositiveScores, edges: Int32Array, base: number, n: number, out: Int32Array): number {
  edgesOf = edges;
  picked = out;
  if (n === 1) {
    picked[0] = edges[base]!;
    return 1;
  }
  // A star (all edges share a row or a column): the heaviest edge, if it beats the next one (or nothing).
  if (allShare(s, base, n)) {
    let top = -1;
    let best = -Infinity;
    let second = 0; // the empty matching
    for (let k = base; k < base + n; k++) {
      const w = s.w[edges[k]!]!;
      if (w > best) {
        second = Math.max(second, best);
        best = w;
        top = edges[k]!;
      } else second = Math.max(second, w);
    }
    picked[0] = top;
    return best - second > TOL * Math.max(1, best) ? 1 : -1;
  }
  for (const byRow of [true, false]) {
    const k = solveByBestEdges(s, base, n, byRow);
    if (k !== 0) return k;
  }
  if (n <= 4) {
    const k = solveTwoByTwo(s, base, n);
    if (k !== 0) return k;
  }
  // Local indices: the side with fewer distinct members becomes the bitmask side.
  const N = s.rows + s.cols;
  if (localOf.length < N) localOf = new Int32Array(N * 2).fill(-1);
  let nr = 0;
  let nc = 0;
  for (let k = base; k < base + n; k++) {
    const e = edges[k]!;
    if (localOf[s.row[e]!] === -1) localOf[s.row[e]!] = nr++;
    if (localOf[s.rows + s.col[e]!] === -1) localOf[s.rows + s.col[e]!] = nc++;
  }
  const maskSideIsCol = nc <= nr;
  const R = maskSideIsCol ? nr : nc;
  const C = maskSideIsCol ? nc : nr;
  const S = 1 << C;
  const fits = C <= 16 && (R + 1) * S <= MAX_STATES;
  // Edges grouped by DP row (counting sort): bit, weight and edge id per entry.
  if (rowStart.length < R + 2) rowStart = new Int32Array((R + 2) * 2);
  if (edgeBit.length < n) {
    edgeBit = new Int32Array(n * 2);
    edgeW = new Float64Array(n * 2);
    edgeId = new Int32Array(n * 2);
  }
  rowStart.fill(0, 0, R + 2);
  for (let k = base; k < base + n; k++) {
    const e = edges[k]!;
    rowStart[(maskSideIsCol ? localOf[s.row[e]!]! : localOf[s.rows + s.col[e]!]!) + 2]!++;
  }
  for (let i = 0; i < R; i++) rowStart[i + 2] = rowStart[i + 2]! + rowStart[i + 1]!;
  for (let k = base; k < base + n; k++) {
    const e = edges[k]!;
    const lr = localOf[s.row[e]!]!;
    const lc = localOf[s.rows + s.col[e]!]!;
    const slot = rowStart[(maskSideIsCol ? lr : lc) + 1]!++;
    edgeBit[slot] = 1 << (maskSideIsCol ? lc : lr);
    edgeW[slot] = s.w[e]!;
    edgeId[slot] = e;
  }
  for (let k = base; k < base + n; k++) {
    localOf[s.row[edges[k]!]!] = -1;
    localOf[s.rows + s.col[edges[k]!]!] = -1;
  }
  if (!fits) return -1;
  const total = (R + 1) * S;
  if (b1.length < total) {
    b1 = new Float64Array(total);
    b2 = new Float64Array(total);
    predSlot = new Int32Array(total);
  }
  b1.fill(-Infinity, 0, total);
  b2.fill(-Infinity, 0, total);
  b1[0] = 0;
  for (let i = 0; i < R; i++) {
    const e0 = rowStart[i]!;
    const e1 = rowStart[i + 1]!;
    const here = i * S;
    const next = here + S;
    for (let mask = 0; mask < S; mask++) {
      const v1 = b1[here + mask]!;
      if (v1 === -Infinity) continue;
      const v2 = b2[here + mask]!;
      // Each option of this row (none, or one free column) offers v1 and v2 to the next state.
      for (let slot = e0 - 1; slot < e1; slot++) {
        let q: number;
        let w: number;
        if (slot < e0) {
          q = next + mask;
          w = 0;
        } else {
          const bit = edgeBit[slot]!;
          if (mask & bit) continue;
          q = next + (mask | bit);
          w = edgeW[slot]!;
        }
        const a = v1 + w;
        if (a > b1[q]!) {
          b2[q] = b1[q]!;
          b1[q] = a;
          predSlot[q] = slot;
        } else if (a > b2[q]!) b2[q] = a;
        const b = v2 + w;
        if (b > b2[q]!) b2[q] = b; // b <= a, so it can only be a second best
      }
    }
  }
  let best = -Infinity;
  let second = -Infinity;
  let bestMask = -1;
  for (let mask = 0; mask < S; mask++) {
    const q = R * S + mask;
    if (b1[q]! > best) {
      second = Math.max(best, b2[q]!);
      best = b1[q]!;
      bestMask = mask;
    } else second = Math.max(second, b1[q]!);
  }
  if (!(best - second > TOL * Math.max(1, Math.abs(best)))) return -1;
  let count = 0;
  for (let i = R, mask = bestMask; i > 0; i--) {
    const slot = predSlot[i * S + mask]!;
    if (slot >= rowStart[i - 1]!) {
      picked[count++] = edgeId[slot]!;
      mask &= ~edgeBit[slot]!;
    }
  }
  return count;
}

