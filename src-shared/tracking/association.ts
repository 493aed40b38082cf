// The association steps shared by SORT and OC-SORT (abewley/sort sort.py, noahcao/OC_SORT
// trackers/ocsort_tracker/association.py): `linear_assignment`, and the split of an assignment into
// matches and unmatched rows/columns with the IoU threshold, in the references' list orders (those
// orders decide track creation order, hence ids, and the column order of later cost matrices).
import { linearSumAssignment } from '../assignment/lap';
import type { IouCandidates } from './costs';

/** A row/column pair list plus the unmatched rows and columns, as the references return them. */
export interface Matches {
  /** Matched row (detection) indices, in the reference's order. */
  readonly rows: number[];
  /** Matched column (track) indices, parallel to `rows`. */
  readonly cols: number[];
  readonly unmatchedRows: number[];
  readonly unmatchedCols: number[];
}

/**
 * `linear_assignment(cost)` of sort.py / association.py. Without `lap` installed both fall back to
 * scipy's linear_sum_assignment on the rectangular matrix, which is what the parity data was produced
 * with: solving the rectangular matrix with the scipy port reproduces every SORT parity file byte for
 * byte, while lapjv's zero-padded square (extend_cost=True) breaks ties differently (track creation
 * order, hence ids, differs on 12 of 18 sequences). Pairs in row order.
 */
export function linearAssignment(cost: Float64Array, rows: number, cols: number, maximize = false): { rows: number[]; cols: number[] } {
  const out = { rows: [] as number[], cols: [] as number[] };
  if (rows === 0 || cols === 0) return out;
  // maximize: the solver negates while copying, exactly as linear_assignment(-m) would (no extra matrix).
  const a = linearSumAssignment(cost, rows, cols, maximize);
  for (let i = 0; i < rows; i++) {
    const j = a.rowToCol[i]!;
    if (j >= 0) {
      out.rows.push(i);
      out.cols.push(j);
    }
  }
  return out;
}

/**
 * The matching rule of `associate_detections_to_trackers` (sort.py) and `associate` (OC-SORT):
 * when every row and every column has at most one IoU above the threshold (and some row has one) the
 * pairs are taken directly in row-major order; otherwise `linearAssignment(cost())`. `iou` decides the
 * shortcut, `cost` (-IoU, or OC-SORT's -(IoU + angle cost)) the assignment; it is only built when needed.
 * With `maximize`, `cost` returns the matrix to maximise (IoU itself: sort.py's linear_assignment(-iou)).
 */
export function matchByIou(
  iou: Float64Array,
  cost: () => Float64Array,
  rows: number,
  cols: number,
  threshold: number,
  maximize = false,
  candidates?: IouCandidates,
): { rows: number[]; cols: number[] } {
  if (rows === 0 || cols === 0) return { rows: [], cols: [] };
  if (candidates && candidates.threshold === threshold) {
    // The same test from the pairs iouTlbr collected (no second pass over the matrix).
    if (!candidates.ambiguous && candidates.rows.length > 0) return { rows: candidates.rows, cols: candidates.cols };
    return linearAssignment(cost(), rows, cols, maximize);
  }
  const rowSum = new Int32Array(rows);
  const colSum = new Int32Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (iou[i * cols + j]! > threshold) {
        rowSum[i]!++;
        colSum[j]!++;
      }
    }
  }
  let maxRow = 0;
  let maxCol = 0;
  for (let i = 0; i < rows; i++) maxRow = Math.max(maxRow, rowSum[i]!);
  for (let j = 0; j < cols; j++) maxCol = Math.max(maxCol, colSum[j]!);
  if (maxRow === 1 && maxCol === 1) {
    const out = { rows: [] as number[], cols: [] as number[] };
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        if (iou[i * cols + j]! > threshold) {
          out.rows.push(i);
          out.cols.push(j);
        }
      }
    }
    return out;
  }
  return linearAssignment(cost(), rows, cols, maximize);
}

/**
 * Splits matched pairs into matches and unmatched as sort.py does: unmatched rows/cols first in index
 * order, then the pairs whose IoU is below the threshold, appended in pair order.
 */
export function filterMatches(pairs: { rows: number[]; cols: number[] }, iou: Float64Array, rows: number, cols: number, threshold: number): Matches {
  const rowMatched = new Uint8Array(rows);
  const colMatched = new Uint8Array(cols);
  for (let k = 0; k < pairs.rows.length; k++) {
    rowMatched[pairs.rows[k]!] = 1;
    colMatched[pairs.cols[k]!] = 1;
  }
  const unmatchedRows: number[] = [];
  const unmatchedCols: number[] = [];
  for (let i = 0; i < rows; i++) if (!rowMatched[i]) unmatchedRows.push(i);
  for (let j = 0; j < cols; j++) if (!colMatched[j]) unmatchedCols.push(j);
  const out: Matches = { rows: [], cols: [], unmatchedRows, unmatchedCols };
  for (let k = 0; k < pairs.rows.length; k++) {
    const i = pairs.rows[k]!;
    const j = pairs.cols[k]!;
    if (iou[i * cols + j]! < threshold) {
      unmatchedRows.push(i);
      unmatchedCols.push(j);
    } else {
      out.rows.push(i);
      out.cols.push(j);
    }
  }
  return out;
}
