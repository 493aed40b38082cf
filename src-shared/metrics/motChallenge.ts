// TrackEval's MotChallenge2DBox (trackeval/datasets/mot_challenge_2d_box.py, commit 12c8791): how a GT
// file and a tracker file become the per-timestep data the metrics read. `_load_raw_file` keeps rows in
// file order per timestep, takes int() of ids, classes (column 8) and the GT "zero_marked" flag (column 7);
// `get_raw_seq_data` computes box IoUs between all raw GT and tracker boxes; `get_preprocessed_seq_data`
//   1. matches tracker boxes to all GT boxes with a Hungarian step on IoU >= 0.5 and removes the tracker
//      boxes matched to distractor classes (2 person_on_vehicle, 7 static_person, 8 distractor,
//      12 reflection; MOT20 also 6 non_mot_vehicle) — not for MOT15, not with preprocessing off;
//   2. keeps GT boxes with int(conf) != 0 and (preprocessing on, not MOT15) class 1 (pedestrian);
//   3. relabels GT and tracker ids to 0..n-1 in ascending order.
import { positiveAssignment, ScoreBuffer } from '../assignment/positive';
import type { MotTable } from '../formats/motTable';
import { EPS, type EvalData } from './evalData';
import { byFrame, duplicateId, pick, relabel } from './frameIndex';
import { FrameIou } from './frameIou';

/** The MOTChallenge benchmarks TrackEval knows; MOT15 and MOT20 preprocess differently. */
export type Benchmark = 'MOT15' | 'MOT16' | 'MOT17' | 'MOT20';

/** How to preprocess (TrackEval config BENCHMARK and DO_PREPROC). */
export interface MotChallengeOptions {
  readonly benchmark: Benchmark;
  readonly doPreproc: boolean;
  readonly seqLength: number;
  /** GT columns 8-9 are class and visibility (MOT16/17/20); default: when the GT file has 9 columns. */
  readonly gtHasClassVisibility?: boolean;
}

/** A reason TrackEval refuses a sequence, with the file and line it comes from when known. */
export interface MotChallengeError {
  readonly which: 'gt' | 'tracker';
  readonly line: number;
  readonly message: string;
}

/** distractor[class] = 1 for the classes removed with their matched tracker boxes (index 0..13). */
const DISTRACTORS = Uint8Array.from({ length: 14 }, (_, c) => ([2, 7, 8, 12].includes(c) ? 1 : 0));
const DISTRACTORS_MOT20 = Uint8Array.from({ length: 14 }, (_, c) => ([2, 6, 7, 8, 12].includes(c) ? 1 : 0));
const PEDESTRIAN = 1;

/** get_preprocessed_seq_data for one sequence: the metrics' input, or why TrackEval would refuse it. */
export function preprocessMotChallenge(gt: MotTable, tr: MotTable, opts: MotChallengeOptions): EvalData | MotChallengeError {
  const T = opts.seqLength;
  const gf = byFrame(gt, T);
  if (typeof gf === 'number') return { which: 'gt', line: gt.line[gf]!, message: `frame ${gt.frame[gf]} is outside 1..${T} (seqLength)` };
  const tf = byFrame(tr, T);
  if (typeof tf === 'number') return { which: 'tracker', line: tr.line[tf]!, message: `frame ${tr.frame[tf]} is outside 1..${T} (seqLength)` };
  const preproc = opts.doPreproc && opts.benchmark !== 'MOT15';
  const distractors = opts.benchmark === 'MOT20' ? DISTRACTORS_MOT20 : DISTRACTORS;
  const hasVis = opts.gtHasClassVisibility ?? gt.columns === 9;
  const trHasClass = tr.columns >= 8;

  const gtStart = new Int32Array(T + 1);
  const trStart = new Int32Array(T + 1);
  const gtRow = new Int32Array(gt.count); // kept GT rows (table indices)
  const trRow = new Int32Array(tr.count);
  let nG = 0;
  let nT = 0;
  // Sparse similarity of kept pairs, built per kept GT det (simStart has one more entry than kept GT).
  const simStart = new Int32Array(gt.count + 1);
  let simCol = new Int32Array(2 * gt.count + 1024);
  let simVal = new Float64Array(simCol.length);
  let nSim = 0;
  let maxFrame = 0;
  for (let t = 0; t < T; t++) maxFrame = Math.max(maxFrame, tf.start[t + 2]! - tf.start[t + 1]!);
  const trLocal = new Int32Array(maxFrame); // tracker box in frame -> kept local index or -1
  const iou = new FrameIou();
  const scores = new ScoreBuffer();
  let dense = new Float64Array(0);
  let rowToCol = new Int32Array(64);

  for (let t = 0; t < T; t++) {
    const g0 = gf.start[t + 1]!;
    const ng = gf.start[t + 2]! - g0;
    const t0 = tf.start[t + 1]!;
    const nt = tf.start[t + 2]! - t0;
    gtStart[t] = nG;
    trStart[t] = nT;
    // "Evaluation is only valid for pedestrian class": tracker column 8 must not exceed 1.
    if (trHasClass) {
      for (let k = t0; k < t0 + nt; k++) {
        const r = tf.rows[k]!;
        if (Math.trunc(tr.c8[r]!) > 1) {
          return { which: 'tracker', line: tr.line[r]!, message: `class ${Math.trunc(tr.c8[r]!)} in column 8: evaluation is only valid for the pedestrian class (1, or -1 when unused)` };
        }
      }
    }
    iou.compute(gt, gf.rows, g0, ng, tr, tf.rows, t0, nt);
    // Step 1: remove tracker boxes matched to distractor GT boxes.
    trLocal.fill(0, 0, nt);
    if (preproc && ng > 0 && nt > 0) {
      let anyDistractor = false;
      for (let a = 0; a < ng; a++) {
        const rg = gf.rows[g0 + a]!;
        const cls = Math.trunc(gt.c8[rg]!);
        if (!(cls >= 1 && cls <= 13)) {
          return { which: 'gt', line: gt.line[rg]!, message: `class ${gt.c8[rg]} in column 8 is not a MOTChallenge class (1-13); evaluate with preprocessing off (--no-preproc) or check the benchmark` };
        }
        if (distractors[cls]) anyDistractor = true;
      }
      // Without a distractor in this timestep the matching cannot remove anything: skip it.
      if (anyDistractor) {
        // matching_scores: IoU, with scores below 0.5 set to 0; Hungarian on -matching_scores.
        scores.reset(ng, nt);
        for (let a = 0; a < ng; a++) {
          for (let e = iou.start[a]!; e < iou.start[a + 1]!; e++) if (!(iou.val[e]! < 0.5 - EPS)) scores.push(a, iou.col[e]!, iou.val[e]!);
        }
        if (rowToCol.length < ng) rowToCol = new Int32Array(ng * 2);
        positiveAssignment(scores, () => {
          if (dense.length < ng * nt) dense = new Float64Array(Math.max(ng * nt, dense.length * 2));
          const m = dense.subarray(0, ng * nt);
          m.fill(-0);
          for (let e = 0; e < scores.count; e++) m[scores.row[e]! * nt + scores.col[e]!] = -scores.w[e]!;
          return m;
        }, rowToCol);
        for (let a = 0; a < ng; a++) {
          const b = rowToCol[a]!;
          if (b >= 0 && distractors[Math.trunc(gt.c8[gf.rows[g0 + a]!]!)]) trLocal[b] = -1;
        }
      }
    }
    let kept = 0;
    for (let b = 0; b < nt; b++) {
      if (trLocal[b] === -1) continue;
      trLocal[b] = kept++;
      trRow[nT++] = tf.rows[t0 + b]!;
    }
    // Step 2: keep GT with int(conf) != 0 (and class pedestrian when preprocessing).
    for (let a = 0; a < ng; a++) {
      const rg = gf.rows[g0 + a]!;
      if (Math.trunc(gt.conf[rg]!) === 0) continue;
      if (preproc && Math.trunc(gt.c8[rg]!) !== PEDESTRIAN) continue;
      gtRow[nG++] = rg;
      const e0 = iou.start[a]!;
      const e1 = iou.start[a + 1]!;
      if (nSim + (e1 - e0) > simCol.length) {
        const c = new Int32Array((nSim + (e1 - e0)) * 2);
        c.set(simCol);
        simCol = c;
        const v = new Float64Array(c.length);
        v.set(simVal);
        simVal = v;
      }
      for (let e = e0; e < e1; e++) {
        const b = trLocal[iou.col[e]!]!;
        if (b < 0) continue;
        simCol[nSim] = b;
        simVal[nSim++] = iou.val[e]!;
      }
      simStart[nG] = nSim;
    }
  }
  gtStart[T] = nG;
  trStart[T] = nT;

  const gtIdsRaw = pick(gt.id, gtRow, nG);
  const trIdsRaw = pick(tr.id, trRow, nT);
  const g = relabel(gtIdsRaw, nG);
  const tk = relabel(trIdsRaw, nT);
  // _check_unique_ids: an id at most once per timestep (the parser checks files; tables made in the app too).
  const dup = duplicateId(g.ids, gtStart, T) ?? -1;
  if (dup >= 0) return { which: 'gt', line: gt.line[gtRow[dup]!]!, message: `id ${gtIdsRaw[dup]} appears twice in frame ${gt.frame[gtRow[dup]!]}` };
  const dupT = duplicateId(tk.ids, trStart, T) ?? -1;
  if (dupT >= 0) return { which: 'tracker', line: tr.line[trRow[dupT]!]!, message: `id ${trIdsRaw[dupT]} appears twice in frame ${tr.frame[trRow[dupT]!]}` };

  // Pairs of (GT id, tracker id) with a non-zero IoU somewhere, indexed once for HOTA and Identity.
  // Each GT id overlaps few tracker ids, so a short list per GT id ([trackerId, pair, ...]) is the index.
  const simPair = new Int32Array(nSim);
  const byGt: number[][] = Array.from({ length: g.names.length }, () => []);
  const pairGt: number[] = [];
  const pairTr: number[] = [];
  for (let t = 0; t < T; t++) {
    const base = trStart[t]!;
    for (let k = gtStart[t]!; k < gtStart[t + 1]!; k++) {
      const gi = g.ids[k]!;
      const list = byGt[gi]!;
      for (let e = simStart[k]!; e < simStart[k + 1]!; e++) {
        const ti = tk.ids[base + simCol[e]!]!;
        let p = -1;
        for (let q = 0; q < list.length; q += 2) {
          if (list[q] === ti) {
            p = list[q + 1]!;
            break;
          }
        }
        if (p === -1) {
          p = pairGt.length;
          list.push(ti, p);
          pairGt.push(gi);
          pairTr.push(ti);
        }
        simPair[e] = p;
      }
    }
  }

  const box = (tab: MotTable, rows: Int32Array, n: number): Float64Array => {
    const out = new Float64Array(4 * n);
    const { x, y, w, h } = tab;
    for (let k = 0; k < n; k++) {
      const r = rows[k]!;
      out[4 * k] = x[r]!;
      out[4 * k + 1] = y[r]!;
      out[4 * k + 2] = w[r]!;
      out[4 * k + 3] = h[r]!;
    }
    return out;
  };
  const gtVisibility = new Float64Array(nG);
  if (hasVis) for (let k = 0; k < nG; k++) gtVisibility[k] = gt.c9[gtRow[k]!]!;
  else gtVisibility.fill(NaN);
  return {
    numTimesteps: T,
    numGtIds: g.names.length,
    numTrackerIds: tk.names.length,
    numGtDets: nG,
    numTrackerDets: nT,
    gtStart,
    gtIds: g.ids,
    gtXywh: box(gt, gtRow, nG),
    gtVisibility,
    gtLine: pick(gt.line, gtRow, nG),
    trStart,
    trIds: tk.ids,
    trXywh: box(tr, trRow, nT),
    trLine: pick(tr.line, trRow, nT),
    simStart: simStart.subarray(0, nG + 1),
    simCol: simCol.subarray(0, nSim),
    simVal: simVal.subarray(0, nSim),
    simPair,
    numPairs: pairGt.length,
    pairGt: Int32Array.from(pairGt),
    pairTr: Int32Array.from(pairTr),
    gtIdNames: g.names,
    trIdNames: tk.names,
  };
}

/** True when `x` is a preprocessing error rather than data. */
export function isMotChallengeError(x: EvalData | MotChallengeError): x is MotChallengeError {
  return 'message' in x;
}
