// Linear sum assignment: a line-by-line port of scipy.optimize.linear_sum_assignment
// (scipy/optimize/rectangular_lsap/rectangular_lsap.cpp, scipy 1.6 through 1.17: the shortest augmenting
// path algorithm of DF Crouse, "On implementing 2D rectangular assignment algorithms", IEEE TAES 52(4),
// 2016, pp. 1685-1686; implementation by PM Larsen). TrackEval's metrics and the parity tracker outputs
// were computed with scipy, so ties must break exactly as there: same column scan order (`remaining`
// filled in reverse), same "prefer a free column on equal cost" rule, same floating-point expression
// order, same transpose of tall matrices, same negation for `maximize`.

import { bestScanKernel, type ScanKernel } from './scanKernel';

/** An assignment; -1 = unassigned. */
export interface Assignment {
  readonly rowToCol: Int32Array;
  readonly colToRow: Int32Array;
}

let kernel: ScanKernel | undefined;
// Rows and columns reached by the current Dijkstra (scipy's SR and SC), as lists: the dual update then
// touches only them, in any order (each u[i] and v[j] is updated independently, so results are the same).
let srList = new Int32Array(0);
let scList = new Int32Array(0);
// descending[k] = length-1-k: its last nc entries are scipy's initial `remaining` (nc-1, ..., 0).
let descending = new Int32Array(0);

/**
 * rectangular_lsap.cpp `solve` for nr <= nc. The kernel's memory holds (byte offsets) f64[0] = the scan's
 * lowest cost, then cost (nr·nc f64, row-major, already transposed/negated), v (nc), spc (nc), u (nr) as
 * f64, then remaining (nc), path (nc), row4col (nc), col4row (nr) as i32. Returns false when infeasible.
 */
function solveWide(k: ScanKernel, nr: number, nc: number): boolean {
  const offC = 8;
  const offV = offC + nr * nc * 8;
  const offS = offV + nc * 8;
  const offU = offS + nc * 8;
  const offR = offU + nr * 8;
  const offP = offR + nc * 4;
  const offRC = offP + nc * 4;
  const offCR = offRC + nc * 4;
  const f = k.f64;
  const n = k.i32;
  const v = offV >> 3;
  const spc = offS >> 3;
  const u = offU >> 3;
  const rem = offR >> 2;
  const path = offP >> 2;
  const row4col = offRC >> 2;
  const col4row = offCR >> 2;
  if (srList.length < nr) srList = new Int32Array(Math.max(nr, srList.length * 2));
  if (scList.length < nc) {
    scList = new Int32Array(Math.max(nc, scList.length * 2));
    descending = new Int32Array(scList.length);
    for (let q = 0; q < descending.length; q++) descending[q] = descending.length - 1 - q;
  }
  const tail = descending.subarray(descending.length - nc);
  f.fill(0, v, v + nc);
  f.fill(0, u, u + nr);
  n.fill(-1, path, path + nc);
  n.fill(-1, row4col, row4col + nc);
  n.fill(-1, col4row, col4row + nr);
  for (let curRow = 0; curRow < nr; curRow++) {
    // augmenting_path(): Dijkstra over the columns from curRow.
    let minVal = 0;
    let numRemaining = nc;
    // Reverse order makes a constant matrix solve to the identity (scipy #11602).
    n.set(tail, rem);
    f.fill(Infinity, spc, spc + nc);
    let numSr = 0;
    let numSc = 0;
    let sink = -1;
    let i = curRow;
    while (sink === -1) {
      srList[numSr++] = i;
      const index = k.scan(numRemaining, i * nc, minVal, f[u + i]!, i, offC, offV, offS, offR, offP, offRC);
      minVal = f[0]!;
      if (minVal === Infinity) return false;
      const j = n[rem + index]!;
      const owner = n[row4col + j]!;
      if (owner === -1) sink = j;
      else i = owner;
      scList[numSc++] = j;
      n[rem + index] = n[rem + --numRemaining]!;
    }
    // Update the dual variables.
    f[u + curRow] = f[u + curRow]! + minVal;
    for (let q = 1; q < numSr; q++) {
      const r = srList[q]!; // srList[0] is curRow
      f[u + r] = f[u + r]! + (minVal - f[spc + n[col4row + r]!]!);
    }
    for (let q = 0; q < numSc; q++) {
      const c = scList[q]!;
      f[v + c] = f[v + c]! - (minVal - f[spc + c]!);
    }
    // Augment the previous solution along the path.
    let j = sink;
    for (;;) {
      const r = n[path + j]!;
      n[row4col + j] = r;
      const t = n[col4row + r]!;
      n[col4row + r] = j;
      j = t;
      if (r === curRow) break;
    }
  }
  return true;
}

/** Bytes of kernel memory `solveWide` needs for an nr×nc problem. */
function bytesFor(nr: number, nc: number): number {
  return 8 + (nr * nc + 2 * nc + nr) * 8 + (3 * nc + nr) * 4;
}

/** linearSumAssignment with a chosen scan kernel (tests compare the WebAssembly and JavaScript kernels). */
export function linearSumAssignmentWith(k: ScanKernel, cost: Float64Array, rows: number, cols: number, maximize = false): Assignment {
  if (cost.length < rows * cols) throw new Error(`linearSumAssignment: cost has ${cost.length} entries, expected ${rows}×${cols}`);
  const rowToCol = new Int32Array(rows).fill(-1);
  const colToRow = new Int32Array(cols).fill(-1);
  if (rows === 0 || cols === 0) return { rowToCol, colToRow };
  // Tall matrices are transposed (scipy: `transpose = nc < nr`); maximization negates.
  const transpose = cols < rows;
  const nr = transpose ? cols : rows;
  const nc = transpose ? rows : cols;
  k.ensure(bytesFor(nr, nc));
  const c = k.f64;
  const c0 = 1; // cost starts at byte 8
  // One pass: copy (transposed when tall), negate when maximising, refuse NaN and -Infinity.
  const sign = maximize ? -1 : 1;
  let bad = false;
  if (transpose) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const x = sign * cost[i * cols + j]!;
        bad ||= x !== x || x === -Infinity;
        c[c0 + j * rows + i] = x;
      }
    }
  } else {
    const n = rows * cols;
    for (let k = 0; k < n; k++) {
      const x = sign * cost[k]!;
      bad ||= x !== x || x === -Infinity;
      c[c0 + k] = x;
    }
  }
  if (bad) throw new Error('linearSumAssignment: matrix contains invalid numeric entries');
  if (!solveWide(k, nr, nc)) throw new Error('linearSumAssignment: cost matrix is infeasible');
  const col4row = (8 + (nr * nc + 2 * nc + nr) * 8 + 3 * nc * 4) >> 2;
  for (let i = 0; i < nr; i++) {
    const j = k.i32[col4row + i]!;
    if (transpose) {
      rowToCol[j] = i;
      colToRow[i] = j;
    } else {
      rowToCol[i] = j;
      colToRow[j] = i;
    }
  }
  return { rowToCol, colToRow };
}

/**
 * scipy.optimize.linear_sum_assignment on a rows×cols cost matrix; every row (or col, if fewer) is assigned.
 * Throws on NaN / -Infinity entries (+Infinity when maximizing) and on infeasible matrices, like scipy.
 */
export function linearSumAssignment(cost: Float64Array, rows: number, cols: number, maximize = false): Assignment {
  kernel ??= bestScanKernel();
  return linearSumAssignmentWith(kernel, cost, rows, cols, maximize);
}

/**
 * lap.lapjv(cost, extend_cost=True, cost_limit=limit) as the official ByteTrack/OC-SORT code calls it, rebuilt
 * the way the parity data was produced: the (rows+cols)² extended matrix with limit/2 in the dummy blocks and 0
 * in the dummy-dummy block, solved by linearSumAssignment; pairs landing in the dummy part are unassigned.
 */
export function assignWithCostLimit(cost: Float64Array, rows: number, cols: number, costLimit: number): Assignment {
  const n = rows + cols;
  const ext = new Float64Array(n * n);
  const half = costLimit / 2;
  // lap's extension: every cell cost_limit/2, the bottom-right (dummy rows × dummy cols) 0, top-left the costs.
  for (let i = 0; i < n; i++) {
    const base = i * n;
    if (i < rows) {
      for (let j = 0; j < cols; j++) ext[base + j] = cost[i * cols + j]!;
      ext.fill(half, base + cols, base + n);
    } else {
      ext.fill(half, base, base + cols);
      // Bottom-right stays 0 (Float64Array is zero-filled).
    }
  }
  const a = linearSumAssignment(ext, n, n);
  const rowToCol = new Int32Array(rows).fill(-1);
  const colToRow = new Int32Array(cols).fill(-1);
  for (let i = 0; i < rows; i++) {
    const j = a.rowToCol[i]!;
    if (j < cols) {
      rowToCol[i] = j;
      colToRow[j] = i;
    }
  }
  return { rowToCol, colToRow };
}
