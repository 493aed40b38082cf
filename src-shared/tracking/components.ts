// Assignment with a cost limit, solved per connected component. lap.lapjv(cost, extend_cost=True,
// cost_limit=L) (ByteTrack's matching.py `linear_assignment`) only ever matches pairs with cost <= L,
// so its optimum is the union of the optima of the connected components of those pairs. Solving each
// component with the same solver (`assignWithCostLimit`, the scipy port on lap's extended matrix)
// gives the same matching whenever the optimum is unique; only between equal-cost alternatives
// (exact ties) may the choice differ from one solve of the whole matrix. The whole matrix is
// (rows + cols)² and costs O(n³); components are a few boxes each, which is what makes ByteTrack fast.
import { assignWithCostLimit, type Assignment } from '../assignment/lap';

/** `assignWithCostLimit(cost, rows, cols, limit)`, solved component by component (see above). */
export function assignComponents(cost: Float64Array, rows: number, cols: number, limit: number): Assignment {
  const rowToCol = new Int32Array(rows).fill(-1);
  const colToRow = new Int32Array(cols).fill(-1);
  // Union-find over rows 0..rows-1 and columns rows..rows+cols-1.
  const parent = new Int32Array(rows + cols);
  for (let k = 0; k < parent.length; k++) parent[k] = k;
  const find = (k: number): number => {
    while (parent[k] !== k) {
      parent[k] = parent[parent[k]!]!;
      k = parent[k]!;
    }
    return k;
  };
  let edges = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (cost[i * cols + j]! <= limit) {
        edges++;
        const a = find(i);
        const b = find(rows + j);
        if (a !== b) parent[a] = b;
      }
    }
  }
  if (edges === 0) return { rowToCol, colToRow };
  // Components in order of their first row; members in index order (relative order kept in the sub-matrix).
  const compOf = new Int32Array(rows + cols).fill(-1);
  const compRows: number[][] = [];
  const compCols: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const r = find(i);
    if (compOf[r] === -1) {
      compOf[r] = compRows.length;
      compRows.push([]);
      compCols.push([]);
    }
    compRows[compOf[r]!]!.push(i);
  }
  for (let j = 0; j < cols; j++) {
    const c = compOf[find(rows + j)]!;
    if (c >= 0) compCols[c]!.push(j);
  }
  for (let c = 0; c < compRows.length; c++) {
    const rs = compRows[c]!;
    const cs = compCols[c]!;
    if (cs.length === 0) continue;
    if (rs.length === 1 && cs.length === 1) {
      // A lone pair: lap matches it when its cost is below the limit (at the limit it is a tie; ask the solver).
      const v = cost[rs[0]! * cols + cs[0]!]!;
      if (v < limit) {
        rowToCol[rs[0]!] = cs[0]!;
        colToRow[cs[0]!] = rs[0]!;
        continue;
      }
      if (v > limit) continue;
    }
    const sub = new Float64Array(rs.length * cs.length);
    for (let a = 0; a < rs.length; a++) for (let b = 0; b < cs.length; b++) sub[a * cs.length + b] = cost[rs[a]! * cols + cs[b]!]!;
    const s = assignWithCostLimit(sub, rs.length, cs.length, limit);
    for (let a = 0; a < rs.length; a++) {
      const b = s.rowToCol[a]!;
      if (b >= 0) {
        rowToCol[rs[a]!] = cs[b]!;
        colToRow[cs[b]!] = rs[a]!;
      }
    }
  }
  return { rowToCol, colToRow };
}
