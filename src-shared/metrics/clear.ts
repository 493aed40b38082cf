// CLEAR MOT (Bernardin & Stiefelhagen 2008; ../shared/METHODS.md), ported from TrackEval
// trackeval/metrics/clear.py (CLEAR.eval_sequence, combine_sequences, _compute_final_fields). Per
// timestep one Hungarian step on 1000·[tracker id continues this GT's match of the previous timestep] +
// IoU, pairs below IoU 0.5 scored 0; an ID switch is a matched GT whose last-ever tracker id differs.
// Quirks kept on purpose: timesteps without GT or without tracker boxes are skipped entirely (they do not
// reset "matched in the previous timestep"), and empty sequences return TrackEval's initial values.
import { positiveAssignment, ScoreBuffer } from '../assignment/positive';
import { EPS, type EvalData } from './evalData';

/** Raw CLEAR counts (sums over sequences). */
export interface ClearCounts {
  readonly CLR_TP: number;
  readonly CLR_FN: number;
  readonly CLR_FP: number;
  readonly IDSW: number;
  readonly MT: number;
  readonly PT: number;
  readonly ML: number;
  readonly Frag: number;
  readonly CLR_Frames: number;
  readonly MOTP_sum: number;
  /** Set when TrackEval returned early (no GT or no tracker boxes): its fields stay at their initial values. */
  readonly early?: boolean;
}

/** CLEAR's fields with TrackEval's names (fractions, not percentages). */
export interface ClearFields extends ClearCounts {
  readonly MOTA: number;
  readonly MOTP: number;
  readonly MODA: number;
  readonly CLR_Re: number;
  readonly CLR_Pr: number;
  readonly MTR: number;
  readonly PTR: number;
  readonly MLR: number;
  readonly sMOTA: number;
  readonly CLR_F1: number;
  readonly FP_per_frame: number;
  readonly MOTAL: number;
}

/** What the matching did, for the ID-switch analysis: per GT det, the matched tracker det or -1. */
export interface ClearMatchLog {
  readonly trackerDetOfGtDet: Int32Array;
}

const THRESHOLD = 0.5;
const scores = new ScoreBuffer();
let denseBuf = new Float64Array(0);
let rowToCol = new Int32Array(64);

/** CLEAR.eval_sequence; pass `log` to also get the per-detection matching. */
export function evalSequence(d: EvalData, log?: ClearMatchLog): ClearCounts {
  if (log) log.trackerDetOfGtDet.fill(-1);
  if (d.numTrackerDets === 0) return { CLR_TP: 0, CLR_FN: d.numGtDets, CLR_FP: 0, IDSW: 0, MT: 0, PT: 0, ML: d.numGtIds, Frag: 0, CLR_Frames: 0, MOTP_sum: 0, early: true };
  if (d.numGtDets === 0) return { CLR_TP: 0, CLR_FN: 0, CLR_FP: d.numTrackerDets, IDSW: 0, MT: 0, PT: 0, ML: 0, Frag: 0, CLR_Frames: 0, MOTP_sum: 0, early: true };
  const gtIdCount = new Float64Array(d.numGtIds);
  const gtMatchedCount = new Float64Array(d.numGtIds);
  const gtFragCount = new Float64Array(d.numGtIds);
  // -1 stands for TrackEval's NaN. prevTrackerId: last-ever matched id (for IDSW). The id of the previous
  // timestep (for matching and Frag) is prevTimestepTrackerId[g], valid when matchedIn[g] is the last
  // timestep that went through matching (TrackEval resets it to NaN there, skipping empty timesteps).
  const prevTrackerId = new Int32Array(d.numGtIds).fill(-1);
  const prevTimestepTrackerId = new Int32Array(d.numGtIds).fill(-1);
  const matchedIn = new Int32Array(d.numGtIds).fill(-1);
  let lastMatched = -2;
  const { gtStart, trStart, simStart, simCol, simVal, gtIds, trIds } = d;
  let tp = 0, fn = 0, fp = 0, idsw = 0, motpSum = 0;
  for (let t = 0; t < d.numTimesteps; t++) {
    const g0 = gtStart[t]!, ng = gtStart[t + 1]! - g0, t0 = trStart[t]!, nt = trStart[t + 1]! - t0;
    if (ng === 0) {
      fp += nt;
      continue;
    }
    if (nt === 0) {
      fn += ng;
      for (let a = 0; a < ng; a++) gtIdCount[gtIds[g0 + a]!]!++;
      continue;
    }
    // score_mat = 1000·[same id as this GT's match in the previous timestep] + IoU, 0 where IoU < 0.5.
    scores.reset(ng, nt);
    for (let a = 0; a < ng; a++) {
      const g = gtIds[g0 + a]!;
      const prev = matchedIn[g] === lastMatched ? prevTimestepTrackerId[g]! : -1;
      for (let e = simStart[g0 + a]!; e < simStart[g0 + a + 1]!; e++) {
        const sv = simVal[e]!;
        if (sv < THRESHOLD - EPS) continue;
        const b = simCol[e]!;
        scores.push(a, b, (trIds[t0 + b] === prev ? 1000 : 0) + sv);
      }
    }
    if (rowToCol.length < ng) rowToCol = new Int32Array(ng * 2);
    positiveAssignment(scores, () => negatedDense(scores), rowToCol);
    // Matched pairs in ascending GT order (scipy returns rows sorted), as TrackEval iterates them.
    let n = 0;
    let frameMotp = 0;
    for (let a = 0; a < ng; a++) {
      const g = gtIds[g0 + a]!;
      gtIdCount[g]!++;
      const b = rowToCol[a]!;
      if (b < 0) continue;
      let sv = 0;
      for (let e = simStart[g0 + a]!; e < simStart[g0 + a + 1]!; e++) if (simCol[e] === b) sv = simVal[e]!;
      frameMotp += sv;
      n++;
      const tid = trIds[t0 + b]!;
      if (prevTrackerId[g] !== -1 && prevTrackerId[g] !== tid) idsw++;
      // Frag: counts timesteps where the GT becomes tracked after not being tracked in the previous one.
      if (matchedIn[g] !== lastMatched) gtFragCount[g]!++;
      gtMatchedCount[g]!++;
      prevTrackerId[g] = tid;
      prevTimestepTrackerId[g] = tid;
      matchedIn[g] = t;
      if (log) log.trackerDetOfGtDet[g0 + a] = t0 + b;
    }
    lastMatched = t;
    tp += n;
    fn += ng - n;
    fp += nt - n;
    if (n > 0) motpSum += frameMotp;
  }
  let mt = 0, ptPlusMt = 0, frag = 0;
  for (let g = 0; g < d.numGtIds; g++) {
    if (gtIdCount[g]! > 0) {
      const ratio = gtMatchedCount[g]! / gtIdCount[g]!;
      if (ratio > 0.8) mt++;
      if (ratio >= 0.2) ptPlusMt++;
    }
    if (gtFragCount[g]! > 0) frag += gtFragCount[g]! - 1;
  }
  return { CLR_TP: tp, CLR_FN: fn, CLR_FP: fp, IDSW: idsw, MT: mt, PT: ptPlusMt - mt, ML: d.numGtIds - ptPlusMt, Frag: frag, CLR_Frames: d.numTimesteps, MOTP_sum: motpSum };
}

/** -score_mat as a dense matrix (for the rare frames the sparse path cannot decide). */
function negatedDense(s: ScoreBuffer): Float64Array {
  const n = s.rows * s.cols;
  if (denseBuf.length < n) denseBuf = new Float64Array(Math.max(n, denseBuf.length * 2));
  const m = denseBuf.subarray(0, n);
  m.fill(-0);
  for (let e = 0; e < s.count; e++) m[s.row[e]! * s.cols + s.col[e]!] = -s.w[e]!;
  return m;
}

/** CLEAR.combine_sequences: sums of the summed fields. */
export function combine(all: readonly ClearCounts[]): ClearCounts {
  const keys = ['CLR_TP', 'CLR_FN', 'CLR_FP', 'IDSW', 'MT', 'PT', 'ML', 'Frag', 'CLR_Frames', 'MOTP_sum'] as const;
  const out: Record<(typeof keys)[number], number> = { CLR_TP: 0, CLR_FN: 0, CLR_FP: 0, IDSW: 0, MT: 0, PT: 0, ML: 0, Frag: 0, CLR_Frames: 0, MOTP_sum: 0 };
  for (const c of all) for (const k of keys) out[k] += c[k];
  return out;
}

/** CLEAR._compute_final_fields (or TrackEval's initial values after an early return). */
export function finalize(c: ClearCounts): ClearFields {
  if (c.early) {
    return { ...c, MOTA: 0, MOTP: 0, MODA: 0, CLR_Re: 0, CLR_Pr: 0, MTR: 0, PTR: 0, MLR: 1, sMOTA: 0, CLR_F1: 0, FP_per_frame: 0, MOTAL: 0 };
  }
  const gtIds = c.MT + c.ML + c.PT;
  const gtDets = Math.max(1, c.CLR_TP + c.CLR_FN);
  const safeLogIdsw = c.IDSW > 0 ? Math.log10(c.IDSW) : c.IDSW;
  return {
    ...c,
    MTR: c.MT / Math.max(1, gtIds),
    MLR: c.ML / Math.max(1, gtIds),
    PTR: c.PT / Math.max(1, gtIds),
    CLR_Re: c.CLR_TP / gtDets,
    CLR_Pr: c.CLR_TP / Math.max(1, c.CLR_TP + c.CLR_FP),
    MODA: (c.CLR_TP - c.CLR_FP) / gtDets,
    MOTA: (c.CLR_TP - c.CLR_FP - c.IDSW) / gtDets,
    MOTP: c.MOTP_sum / Math.max(1, c.CLR_TP),
    sMOTA: (c.MOTP_sum - c.CLR_FP - c.IDSW) / gtDets,
    CLR_F1: c.CLR_TP / Math.max(1, c.CLR_TP + 0.5 * c.CLR_FN + 0.5 * c.CLR_FP),
    FP_per_frame: c.CLR_FP / Math.max(1, c.CLR_Frames),
    MOTAL: (c.CLR_TP - c.CLR_FP - safeLogIdsw) / gtDets,
  };
}
