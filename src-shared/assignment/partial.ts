// Assignment with forbidden pairs: the most pairs possible, and among those the cheapest. Trackers gate
// pairs (IoU below a threshold, Mahalanobis distance beyond chi²), so some rows cannot take some columns;
// scipy would call such a matrix infeasible. This is successive shortest paths (min-cost flow with unit
// capacities; Ahuja, Magnanti & Orlin, "Network Flows", §9.7) with Johnson potentials: after k
// augmentations the matching is the cheapest of size k, and the loop stops when no augmenting path is left,
// i.e. at maximum cardinality. Tie-breaking is NOT scipy's; use linearSumAssignment where that matters.
import type { Assignment } from './lap';

/**
 * A maximum-cardinality, minimum-cost matching on a rows×cols row-major cost matrix where +Infinity marks
 * a forbidden pair; rows (and columns) that cannot be matched stay -1. Throws on NaN and -Infinity.
 */
export function assignPartial(cost: Float64Array, rows: number, cols: number): Assignment {
  const rowToCol = new Int32Array(rows).fill(-1);
  const colToRow = new Int32Array(cols).fill(-1);
  let minCost = Infinity;
  for (let k = 0; k < rows * cols; k++) {
    const x = cost[k]!;
    if (x !== x || x === -Infinity) throw new Error('assignPartial: matrix contains invalid numeric entries');
    if (x < minCost) minCost = x;
  }
  if (minCost === Infinity) return { rowToCol, colToRow };
  // Shifting every cost by the same amount changes every size-k matching by k·shift, so the order among
  // matchings of one size (all SSP compares) is kept, and zero potentials are feasible at the start.
  const c = new Float64Array(rows * cols);
  for (let k = 0; k < rows * cols; k++) c[k] = cost[k]! - minCost;
  const pr = new Float64Array(rows); // row potentials
  const pc = new Float64Array(cols); // column potentials
  const dr = new Float64Array(rows);
  const dc = new Float64Array(cols);
  const doneR = new Uint8Array(rows);
  const doneC = new Uint8Array(cols);
  const viaRow = new Int32Array(cols); // the row a column was reached from

  for (;;) {
    // Dijkstra from a virtual source joined to every free row at cost 0, on reduced costs.
    for (let i = 0; i < rows; i++) dr[i] = rowToCol[i] === -1 ? 0 : Infinity;
    dc.fill(Infinity);
    doneR.fill(0);
    doneC.fill(0);
    let sink = -1;
    let dSink = Infinity;
    for (;;) {
      let best = Infinity;
      let bi = -1;
      let isCol = false;
      for (let i = 0; i < rows; i++) {
        if (!doneR[i] && dr[i]! < best) {
          best = dr[i]!;
          bi = i;
        }
      }
      for (let j = 0; j < cols; j++) {
        if (!doneC[j] && dc[j]! < best) {
          best = dc[j]!;
          bi = j;
          isCol = true;
        }
      }
      if (bi === -1) break;
      if (isCol) {
        doneC[bi] = 1;
        const i = colToRow[bi]!;
        if (i === -1) {
          sink = bi;
          dSink = best;
          break;
        }
        // The matched edge back to its row has reduced cost 0 (kept tight by the potentials).
        const d = best + (-c[i * cols + bi]! + pc[bi]! - pr[i]!);
        if (d < dr[i]!) dr[i] = d;
      } else {
        doneR[bi] = 1;
        const base = bi * cols;
        for (let j = 0; j < cols; j++) {
          const x = c[base + j]!;
          if (doneC[j] || x === Infinity || rowToCol[bi] === j) continue;
          const d = best + (x + pr[bi]! - pc[j]!);
          if (d < dc[j]!) {
            dc[j] = d;
            viaRow[j] = bi;
          }
        }
      }
    }
    if (sink === -1) break;
    // Capped potentials keep every reduced cost >= 0 and the path tight.
    for (let i = 0; i < rows; i++) pr[i] = pr[i]! + Math.min(dr[i]!, dSink);
    for (let j = 0; j < cols; j++) pc[j] = pc[j]! + Math.min(dc[j]!, dSink);
    for (let j = sink; ; ) {
      const i = viaRow[j]!;
      const old = rowToCol[i]!;
      rowToCol[i] = j;
      colToRow[j] = i;
      if (old === -1) break;
      j = old;
    }
  }
  return { rowToCol, colToRow };
}
