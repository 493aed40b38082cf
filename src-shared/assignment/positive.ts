// scipy's linear_sum_assignment(-S) on a sparse non-negative score matrix S, restricted to the pairs with
// S > 0 — what TrackEval's matching steps use (HOTA, CLEAR, MOTChallenge preprocessing: pairs scoring 0
// are dropped after the Hungarian step) — without solving the dense matrix when the answer is certain.
//
// Why it is exact. Split the graph of positive entries into connected components. scipy returns an optimal
// assignment, and restricted to one component an optimal assignment is a maximum-weight matching of that
// component (exchange argument: a heavier matching of the component could replace it, re-pairing the freed
// rows and columns through zero entries, which any two rows/columns from different components have).
// So where each component's maximum-weight matching is unique — by a margin of 1e-9 relative, far above
// scipy's floating-point error — scipy must return it, and we return it without the dense solve. When any
// component is ambiguous (exact ties, e.g. duplicated boxes) or large, we run the dense port
// (lap.ts, identical to scipy including ties) on the whole matrix instead.
import { solveComponent } from './componentMatching';
import { linearSumAssignment } from './lap';

/** A frame's positive scores: entry e is S[row[e]][col[e]] = w[e] > 0 (no duplicates). */
export interface PositiveScores {
  readonly rows: number;
  readonly cols: number;
  readonly count: number;
  readonly row: Int32Array;
  readonly col: Int32Array;
  readonly w: Float64Array;
}

/** A reusable PositiveScores: reset per frame, then push the positive entries. */
export class ScoreBuffer implements PositiveScores {
  rows = 0;
  cols = 0;
  count = 0;
  row = new Int32Array(64);
  col = new Int32Array(64);
  w = new Float64Array(64);

  /** Starts a rows × cols frame with no entries. */
  reset(rows: number, cols: number): void {
    this.rows = rows;
    this.cols = cols;
    this.count = 0;
  }

  /** Adds S[r][c] = w (> 0). */
  push(r: number, c: number, w: number): void {
    if (this.count === this.row.length) {
      const n = this.count * 2;
      const grow = <A extends Int32Array | Float64Array>(a: A, make: (n: number) => A): A => {
        const b = make(n);
        b.set(a);
        return b;
      };
      this.row = grow(this.row, (k) => new Int32Array(k));
      this.col = grow(this.col, (k) => new Int32Array(k));
      this.w = grow(this.w, (k) => new Float64Array(k));
    }
    this.row[this.count] = r;
    this.col[this.count] = c;
    this.w[this.count++] = w;
  }
}

let parent = new Int32Array(0);
let compStart = new Int32Array(0);
let compEdges = new Int32Array(0);
let picked = new Int32Array(64);

function find(x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]!]!;
    x = parent[x]!;
  }
  return x;
}

/**
 * The pairs with S > 0 in scipy's linear_sum_assignment(-S), as rowToCol (-1 elsewhere). `dense()` must
 * return the full -S matrix (rows × cols, row-major); it is called only when a component is ambiguous.
 */
export function positiveAssignment(s: PositiveScores, dense: () => Float64Array, rowToCol: Int32Array): void {
  rowToCol.fill(-1, 0, s.rows);
  if (s.count === 0) return;
  const N = s.rows + s.cols;
  if (parent.length < N) parent = new Int32Array(N * 2);
  if (compStart.length < N + 1) compStart = new Int32Array((N + 1) * 2);
  if (compEdges.length < s.count) compEdges = new Int32Array(s.count * 2);
  if (picked.length < s.count) picked = new Int32Array(s.count * 2);
  // When every row and column has at most one positive entry there is nothing to decide.
  parent.fill(0, 0, N);
  let single = true;
  for (let e = 0; e < s.count && single; e++) {
    if (parent[s.row[e]!]!++ || parent[s.rows + s.col[e]!]!++) single = false;
  }
  if (single) {
    for (let e = 0; e < s.count; e++) rowToCol[s.row[e]!] = s.col[e]!;
    return;
  }
  for (let k = 0; k < N; k++) parent[k] = k;
  for (let e = 0; e < s.count; e++) {
    const a = find(s.row[e]!);
    const b = find(s.rows + s.col[e]!);
    if (a !== b) parent[a] = b;
  }
  // Group edges by component (counting sort on the root).
  compStart.fill(0, 0, N + 1);
  for (let e = 0; e < s.count; e++) compStart[find(s.row[e]!) + 1]!++;
  for (let k = 0; k < N; k++) compStart[k + 1] = compStart[k + 1]! + compStart[k]!;
  for (let e = 0; e < s.count; e++) compEdges[compStart[find(s.row[e]!)]!++] = e;
  // compStart[r] now holds the end of component r; its start is the end of the previous non-empty one.
  let begin = 0;
  for (let r = 0; r < N; r++) {
    const end = compStart[r]!;
    if (end === begin) continue;
    const count = solveComponent(s, compEdges, begin, end - begin, picked);
    begin = end;
    if (count < 0) {
      // Ambiguous or large: scipy's own answer on the whole matrix.
      const neg = dense();
      const m = linearSumAssignment(neg, s.rows, s.cols);
      rowToCol.fill(-1, 0, s.rows);
      for (let i = 0; i < s.rows; i++) {
        const j = m.rowToCol[i]!;
        if (j >= 0 && -neg[i * s.cols + j]! > 0) rowToCol[i] = j;
      }
      return;
    }
    for (let k = 0; k < count; k++) rowToCol[s.row[picked[k]!]!] = s.col[picked[k]!]!;
  }
}
