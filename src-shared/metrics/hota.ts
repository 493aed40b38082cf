// HOTA (Luiten et al., IJCV 2021; ../shared/METHODS.md), ported from TrackEval trackeval/metrics/hota.py
// (HOTA.eval_sequence, combine_sequences, _compute_final_fields). One Hungarian step per timestep on
// global-alignment × IoU, then 19 IoU thresholds α = 0.05 … 0.95. Counts keep raw sums (Σ matches·AssA
// per α instead of AssA itself) so combining sequences is addition; TrackEval's weighted average
// Σ AssA_s·TP_s equals Σ of these sums up to the last bit.
import { positiveAssignment, ScoreBuffer } from '../assignment/positive';
import { EPS, type EvalData } from './evalData';
import { pairwiseSum } from './numpySum';

/** TrackEval's `np.arange(0.05, 0.99, 0.05)`: 19 thresholds, numpy's values (start + i·step). */
export const HOTA_ALPHAS: readonly number[] = Array.from({ length: 19 }, (_, i) => 0.05 + i * 0.05);
const A = HOTA_ALPHAS.length;

/** Per-α raw counts of one sequence or of several combined. */
export interface HotaCounts {
  readonly tp: Float64Array;
  readonly fn: Float64Array;
  readonly fp: Float64Array;
  /** Σ over (GT id, tracker id) of matches × matches / (gtCount + trCount − matches). */
  readonly assASum: Float64Array;
  /** Σ matches × matches / gtCount. */
  readonly assReSum: Float64Array;
  /** Σ matches × matches / trCount. */
  readonly assPrSum: Float64Array;
  /** Σ IoU of the matches (LocA numerator). */
  readonly locSum: Float64Array;
}

/** HOTA's fields: per-α arrays plus the α = 0.05 scalars, with TrackEval's names. */
export interface HotaFields {
  readonly perAlpha: Readonly<Record<'HOTA' | 'DetA' | 'AssA' | 'DetRe' | 'DetPr' | 'AssRe' | 'AssPr' | 'LocA' | 'OWTA' | 'HOTA_TP' | 'HOTA_FN' | 'HOTA_FP', readonly number[]>>;
  readonly 'HOTA(0)': number;
  readonly 'LocA(0)': number;
  readonly 'HOTALocA(0)': number;
}

function zeros(): HotaCounts {
  const z = (): Float64Array => new Float64Array(A);
  return { tp: z(), fn: z(), fp: z(), assASum: z(), assReSum: z(), assPrSum: z(), locSum: z() };
}

const scores = new ScoreBuffer();
let denseBuf = new Float64Array(0);
let rowToCol = new Int32Array(64);

/** -score_mat as a dense matrix (for the rare frames the sparse path cannot decide). */
function negatedDense(s: ScoreBuffer): Float64Array {
  const n = s.rows * s.cols;
  if (denseBuf.length < n) denseBuf = new Float64Array(Math.max(n, denseBuf.length * 2));
  const m = denseBuf.subarray(0, n);
  m.fill(-0);
  for (let e = 0; e < s.count; e++) m[s.row[e]! * s.cols + s.col[e]!] = -s.w[e]!;
  return m;
}

/** The α thresholds as compared: similarity >= alpha - eps. */
const THRESHOLDS = Float64Array.from(HOTA_ALPHAS, (a) => a - EPS);

/** HOTA.eval_sequence: raw per-α counts of one sequence. */
export function evalSequence(d: EvalData): HotaCounts {
  const res = zeros();
  if (d.numTrackerDets === 0) {
    res.fn.fill(d.numGtDets);
    return res;
  }
  if (d.numGtDets === 0) {
    res.fp.fill(d.numTrackerDets);
    return res;
  }
  const { gtStart, trStart, simStart, simCol, simVal, simPair, gtIds, trIds, numPairs: P } = d;
  // First pass: global alignment score between ids from IoU normalised by row and column sums.
  const pmc = new Float64Array(P);
  const gtCount = new Float64Array(d.numGtIds);
  const trCount = new Float64Array(d.numTrackerIds);
  let colSum = new Float64Array(64);
  let denseRow = new Float64Array(64);
  for (let t = 0; t < d.numTimesteps; t++) {
    const g0 = gtStart[t]!, g1 = gtStart[t + 1]!, t0 = trStart[t]!, nt = trStart[t + 1]! - t0;
    if (colSum.length < nt) colSum = new Float64Array(nt * 2);
    if (denseRow.length < nt) denseRow = new Float64Array(nt * 2);
    colSum.fill(0, 0, nt);
    // similarity.sum(0): plain sums down the columns, in GT order — except that numpy sums a single
    // column (a contiguous reduction) pairwise, which matters from three non-zero entries on.
    if (nt === 1 && g1 - g0 >= 8 && simStart[g1]! - simStart[g0]! >= 3) {
      if (denseRow.length < g1 - g0) denseRow = new Float64Array((g1 - g0) * 2);
      denseRow.fill(0, 0, g1 - g0);
      for (let g = g0; g < g1; g++) for (let e = simStart[g]!; e < simStart[g + 1]!; e++) denseRow[g - g0] = simVal[e]!;
      colSum[0] = pairwiseSum(denseRow, 0, g1 - g0);
    } else for (let e = simStart[g0]!; e < simStart[g1]!; e++) colSum[simCol[e]!] = colSum[simCol[e]!]! + simVal[e]!;
    for (let g = g0; g < g1; g++) {
      // similarity.sum(1): numpy sums a row pairwise, zeros included, so place the entries in a dense row.
      const e0 = simStart[g]!, e1 = simStart[g + 1]!;
      // Up to two non-zero entries every grouping gives the same sum; beyond, numpy's grouping matters.
      let rowSum = -0.0;
      if (nt < 8 || e1 - e0 < 3) for (let e = e0; e < e1; e++) rowSum += simVal[e]!;
      else {
        denseRow.fill(0, 0, nt);
        for (let e = e0; e < e1; e++) denseRow[simCol[e]!] = simVal[e]!;
        rowSum = pairwiseSum(denseRow, 0, nt);
      }
      for (let e = e0; e < e1; e++) {
        const sv = simVal[e]!;
        const denom = colSum[simCol[e]!]! + rowSum - sv; // sim.sum(0) + sim.sum(1) - sim
        if (denom > 0 + EPS) pmc[simPair[e]!] = pmc[simPair[e]!]! + sv / denom;
      }
      gtCount[gtIds[g]!]!++;
    }
    for (let k = t0; k < t0 + nt; k++) trCount[trIds[k]!]!++;
  }
  const align = new Float64Array(P);
  for (let p = 0; p < P; p++) align[p] = pmc[p]! / (gtCount[d.pairGt[p]!]! + trCount[d.pairTr[p]!]! - pmc[p]!);

  // Second pass: one Hungarian step per timestep, then every α. A match passes a prefix of the rising
  // thresholds; per id pair we count matches by the length of that prefix (reduced to counts per α later).
  const passHist = new Int32Array((A + 1) * P);
  const frameLoc = new Float64Array(A);
  const frameTp = new Int32Array(A);
  const { tp, fn, fp, locSum } = res;
  for (let t = 0; t < d.numTimesteps; t++) {
    const g0 = gtStart[t]!, ng = gtStart[t + 1]! - g0, nt = trStart[t + 1]! - trStart[t]!;
    if (ng === 0 || nt === 0) {
      for (let k = 0; k < A; k++) {
        fp[k] = fp[k]! + nt;
        fn[k] = fn[k]! + ng;
      }
      continue;
    }
    // score_mat = global alignment × IoU; the Hungarian step maximises it.
    scores.reset(ng, nt);
    for (let a = 0; a < ng; a++) {
      for (let e = simStart[g0 + a]!; e < simStart[g0 + a + 1]!; e++) {
        const w = align[simPair[e]!]! * simVal[e]!;
        if (w > 0) scores.push(a, simCol[e]!, w);
      }
    }
    if (rowToCol.length < ng) rowToCol = new Int32Array(ng * 2);
    positiveAssignment(scores, () => negatedDense(scores), rowToCol);
    frameLoc.fill(0);
    frameTp.fill(0);
    for (let a = 0; a < ng; a++) {
      const b = rowToCol[a]!;
      if (b < 0) continue;
      let sv = 0;
      let pair = -1;
      for (let e = simStart[g0 + a]!; e < simStart[g0 + a + 1]!; e++) {
        if (simCol[e] === b) {
          sv = simVal[e]!;
          pair = simPair[e]!;
        }
      }
      // similarity[match] >= alpha - eps; LocA sums per α in GT order, as TrackEval's per-frame sum().
      let k = 0;
      while (k < A && sv >= THRESHOLDS[k]!) k++;
      if (k === 0) continue;
      passHist[pair * (A + 1) + k]!++;
      frameTp[k - 1]!++; // suffix-summed below: a match passing k thresholds counts for α_0 .. α_{k-1}
      for (let j = 0; j < k; j++) frameLoc[j] = frameLoc[j]! + sv;
    }
    for (let k = A - 2; k >= 0; k--) frameTp[k] = frameTp[k]! + frameTp[k + 1]!;
    for (let k = 0; k < A; k++) {
      const n = frameTp[k]!;
      tp[k] = tp[k]! + n;
      fn[k] = fn[k]! + (ng - n);
      fp[k] = fp[k]! + (nt - n);
      locSum[k] = locSum[k]! + frameLoc[k]!;
    }
  }
  // Association scores per α: sums over id pairs of matches × (Jaccard, recall, precision of the pair).
  const sa = res.assASum, sr = res.assReSum, sp = res.assPrSum;
  for (let p = 0; p < P; p++) {
    const h = p * (A + 1);
    const gc = gtCount[d.pairGt[p]!]!;
    const tc = trCount[d.pairTr[p]!]!;
    let mc = 0;
    for (let k = A - 1; k >= 0; k--) {
      mc += passHist[h + k + 1]!; // matches that passed threshold k
      if (mc === 0) continue;
      sa[k] = sa[k]! + mc * (mc / Math.max(1, gc + tc - mc));
      sr[k] = sr[k]! + mc * (mc / Math.max(1, gc));
      sp[k] = sp[k]! + mc * (mc / Math.max(1, tc));
    }
  }
  return res;
}

/** HOTA.combine_sequences: element-wise sums. */
export function combine(all: readonly HotaCounts[]): HotaCounts {
  const out = zeros();
  for (const c of all) {
    for (const key of Object.keys(out) as (keyof HotaCounts)[]) {
      const o = out[key];
      const x = c[key];
      for (let k = 0; k < A; k++) o[k] = o[k]! + x[k]!;
    }
  }
  return out;
}

/** HOTA._compute_final_fields (plus AssA/AssRe/AssPr/LocA from their sums). */
export function finalize(c: HotaCounts): HotaFields {
  const arr = (f: (k: number) => number): number[] => Array.from({ length: A }, (_, k) => f(k));
  const tp = [...c.tp], fn = [...c.fn], fp = [...c.fp];
  const assA = arr((k) => c.assASum[k]! / Math.max(1, tp[k]!));
  const detRe = arr((k) => tp[k]! / Math.max(1, tp[k]! + fn[k]!));
  const detA = arr((k) => tp[k]! / Math.max(1, tp[k]! + fn[k]! + fp[k]!));
  const hota = arr((k) => Math.sqrt(detA[k]! * assA[k]!));
  const locA = arr((k) => Math.max(1e-10, c.locSum[k]!) / Math.max(1e-10, tp[k]!));
  return {
    perAlpha: {
      HOTA: hota,
      DetA: detA,
      AssA: assA,
      DetRe: detRe,
      DetPr: arr((k) => tp[k]! / Math.max(1, tp[k]! + fp[k]!)),
      AssRe: arr((k) => c.assReSum[k]! / Math.max(1, tp[k]!)),
      AssPr: arr((k) => c.assPrSum[k]! / Math.max(1, tp[k]!)),
      LocA: locA,
      OWTA: arr((k) => Math.sqrt(detRe[k]! * assA[k]!)),
      HOTA_TP: tp,
      HOTA_FN: fn,
      HOTA_FP: fp,
    },
    'HOTA(0)': hota[0]!,
    'LocA(0)': locA[0]!,
    'HOTALocA(0)': hota[0]! * locA[0]!,
  };
}
