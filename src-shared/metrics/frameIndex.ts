// Indexing helpers of the MOTChallenge reader (motChallenge.ts): rows grouped by frame in file order, ids
// relabelled to 0..n-1 as TrackEval does (np.unique + id map), and the one-id-per-timestep check.
import type { MotTable } from '../formats/motTable';

/** Row indices of a table grouped by frame (1..seqLength), file order kept: [start offsets, rows]. */
export function byFrame(t: MotTable, seqLength: number): { start: Int32Array; rows: Int32Array } | number {
  const start = new Int32Array(seqLength + 2);
  for (let r = 0; r < t.count; r++) {
    const f = t.frame[r]!;
    if (f < 1 || f > seqLength) return r;
    start[f + 1]!++;
  }
  for (let f = 1; f <= seqLength + 1; f++) start[f] = start[f]! + start[f - 1]!;
  const fill = start.slice();
  const rows = new Int32Array(t.count);
  for (let r = 0; r < t.count; r++) rows[fill[t.frame[r]!]!++] = r;
  return { start, rows };
}

/** Relabels ids to their rank among the distinct ids (TrackEval: np.unique + id map). */
export function relabel(ids: Int32Array, n: number): { ids: Int32Array; names: Int32Array } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < n; k++) {
    if (ids[k]! < lo) lo = ids[k]!;
    if (ids[k]! > hi) hi = ids[k]!;
  }
  const out = new Int32Array(n);
  if (n === 0) return { ids: out, names: new Int32Array(0) };
  if (hi - lo < 4 * n + 1024) {
    // Ids span a modest range (the usual case): rank them with a lookup table.
    const rank = new Int32Array(hi - lo + 1);
    for (let k = 0; k < n; k++) rank[ids[k]! - lo] = 1;
    let u = 0;
    for (let i = 0; i < rank.length; i++) if (rank[i]) rank[i] = ++u;
    const names = new Int32Array(u);
    for (let i = 0; i < rank.length; i++) if (rank[i]) names[rank[i]! - 1] = lo + i;
    for (let k = 0; k < n; k++) out[k] = rank[ids[k]! - lo]! - 1;
    return { ids: out, names };
  }
  const sorted = ids.slice(0, n).sort();
  let u = 0;
  for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[u++] = sorted[k]!;
  const names = sorted.slice(0, u);
  for (let k = 0; k < n; k++) {
    // Binary search of the id among the sorted distinct ids.
    const id = ids[k]!;
    let a = 0;
    let b = u - 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (names[mid]! < id) a = mid + 1;
      else b = mid;
    }
    out[k] = a;
  }
  return { ids: out, names };
}

/** values[rows[k]] for k < n (Int32Array.from with a map function is slow in V8). */
export function pick(values: Int32Array, rows: Int32Array, n: number): Int32Array {
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) out[k] = values[rows[k]!]!;
  return out;
}

/** The first det whose (relabelled) id already occurred in its timestep, if any. */
export function duplicateId(ids: Int32Array, start: Int32Array, T: number): number | undefined {
  const seen = new Int32Array(ids.length).fill(-1);
  for (let t = 0; t < T; t++) {
    for (let k = start[t]!; k < start[t + 1]!; k++) {
      if (seen[ids[k]!] === t) return k;
      seen[ids[k]!] = t;
    }
  }
  return undefined;
}

