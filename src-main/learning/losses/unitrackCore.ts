// UniTrack window loss (METHODS.md §1.5, paper-faithful reading) on a logit matrix, in float64 with a
// hand-written adjoint. All flows, targets and λ's of a training step are evaluated here in one call;
// losses/unitrack.ts wraps it as a single tfjs op so the loss adds almost nothing to the CNN step.
import { type SinkhornResult, sinkhornDustbin } from '../../../src-shared/numeric/sinkhornDustbin';
import { DEFAULT_LAMBDA_OPTIONS, type LambdaOptions, emaLambda, windowLambda } from './unitrackLambda';

/** One frame of a window: its rows in the logit matrix, boxes (xyxy px) and GT ids (−1 = FP). */
export interface UnitrackFrame {
  readonly rows: ArrayLike<number>;
  readonly boxesXyxy: ArrayLike<number>;
  readonly gtIds: ArrayLike<number>;
}

/** A window of W consecutive sampled frames (§1.4). */
export interface UnitrackWindow {
  readonly frames: readonly UnitrackFrame[];
  /** dt[t] = gap between frames t and t+1 in sampled steps; default all 1. */
  readonly dt?: readonly number[];
  /** Image diagonal in px. */
  readonly diag: number;
  /** Window totals for the quality factor q (A3): FP, P (detections), FN, GT (boxes). */
  readonly counts: { readonly fp: number; readonly p: number; readonly fn: number; readonly gt: number };
  /** Optional stop-gradient motion logits per transition, N_t × N_{t+1} row-major. */
  readonly motionLogits?: readonly (ArrayLike<number> | null | undefined)[];
}

/** Hyper-parameters of §1.7 that act inside the core (τ is applied by the caller). */
export interface UnitrackCoreOptions extends LambdaOptions {
  readonly iters: number;
  readonly alpha: number;
  readonly eta: number;
  /** Bypass the Laplacian λ (ablation "fixed λ"; the U8 test). */
  readonly fixedLambda?: readonly [number, number];
}

/** §1.7 defaults. */
export const DEFAULT_UNITRACK_CORE: UnitrackCoreOptions = { ...DEFAULT_LAMBDA_OPTIONS, iters: 50, alpha: 0.9, eta: 0.01 };

/** Mean over contributing windows of each term, plus diagnostics. */
export interface UnitrackValues {
  readonly total: number;
  readonly flow: number;
  readonly spatial: number;
  readonly temporal: number;
  readonly q: number;
  readonly lambdaS: number;
  readonly lambdaT: number;
  readonly sigmaS: number | null;
  readonly sigmaT: number | null;
  readonly edges: number;
  readonly windows: number;
}

/** Forward values, the λ̄ after this call, and the adjoint w.r.t. the logits and the dustbin logit. */
export interface UnitrackCoreResult {
  readonly values: UnitrackValues;
  readonly lambdaState: [number, number];
  /** dy = upstream gradients of [total, flow, spatial, temporal]; logitsBar is n×n like the input. */
  backward(dy: readonly [number, number, number, number]): { logitsBar: Float64Array; zBar: number };
}

/** Quality factor q = exp(max(−20, −α·FP/max(P,1) − α·FN/max(GT,1))) (A3, a constant). */
export function qualityFactor(fp: number, p: number, fn: number, gt: number, alpha = 0.9): number {
  return Math.exp(Math.max(-20, (-alpha * fp) / Math.max(p, 1) - (alpha * fn) / Math.max(gt, 1)));
}

/** Pairwise motion between two frames: velocity v_ij = (c̃_j − c̃_i)/dt per axis and d_ij = ‖v_ij‖ (A4). */
export interface PairMotion {
  readonly n: number;
  readonly m: number;
  readonly vx: Float64Array;
  readonly vy: Float64Array;
  readonly dist: Float64Array;
}

/** Centres of boxes A (n) and B (m), divided by the image diagonal, and their velocities over gap dt. */
export function pairMotion(boxesA: ArrayLike<number>, n: number, boxesB: ArrayLike<number>, m: number, diag: number, dt = 1): PairMotion {
  const vx = new Float64Array(n * m);
  const vy = new Float64Array(n * m);
  const dist = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      vx[i * m + j] = ((boxesB[4 * j]! + boxesB[4 * j + 2]!) / 2 / diag - (boxesA[4 * i]! + boxesA[4 * i + 2]!) / 2 / diag) / dt;
      vy[i * m + j] = ((boxesB[4 * j + 1]! + boxesB[4 * j + 3]!) / 2 / diag - (boxesA[4 * i + 1]! + boxesA[4 * i + 3]!) / 2 / diag) / dt;
      dist[i * m + j] = Math.hypot(vx[i * m + j]!, vy[i * m + j]!);
    }
  }
  return { n, m, vx, vy, dist };
}

/** §1.5.4 per transition: (1/N)·Σ_{i<N, j<M} d_ij·F[i,j] with ω ≡ 1 (0 when a frame is empty). */
export function spatialTerm(plan: ArrayLike<number>, mo: PairMotion): number {
  if (mo.n === 0 || mo.m === 0) return 0;
  let s = 0;
  for (let i = 0; i < mo.n; i++) for (let j = 0; j < mo.m; j++) s += mo.dist[i * mo.m + j]! * plan[i * (mo.m + 1) + j]!;
  return s / mo.n;
}

/**
 * §1.5.5 at one interior frame: (1/N_t)·Σ_{k,i,j} F_{t−1}[k,i]·F_t[i,j]·‖v_ij − v_ki‖²/Δt̄, evaluated exactly in
 * O(KN + NM) as Σ_i inM·outA2 + outM·inB2 − 2·inVec·outVec. With `bars`, adds `scale`·∂/∂F into them.
 */
export function temporalTerm(planPrev: ArrayLike<number>, prev: PairMotion, planNext: ArrayLike<number>, next: PairMotion, dtBar: number, bars?: { prev: Float64Array; next: Float64Array; scale: number }): number {
  const [K, N, M] = [prev.n, prev.m, next.m];
  if (K === 0 || N === 0 || M === 0) return 0;
  const [Cp, Cn] = [N + 1, M + 1];
  let total = 0;
  for (let i = 0; i < N; i++) {
    let inM = 0, inB2 = 0, inX = 0, inY = 0;
    for (let k = 0; k < K; k++) {
      const f = planPrev[k * Cp + i]!;
      const bx = prev.vx[k * N + i]!, by = prev.vy[k * N + i]!;
      inM += f;
      inB2 += f * (bx * bx + by * by);
      inX += f * bx;
      inY += f * by;
    }
    let outM = 0, outA2 = 0, outX = 0, outY = 0;
    for (let j = 0; j < M; j++) {
      const f = planNext[i * Cn + j]!;
      const vx = next.vx[i * M + j]!, vy = next.vy[i * M + j]!;
      outM += f;
      outA2 += f * (vx * vx + vy * vy);
      outX += f * vx;
      outY += f * vy;
    }
    total += inM * outA2 + outM * inB2 - 2 * (inX * outX + inY * outY);
    if (bars) {
      const c = bars.scale / (N * dtBar);
      for (let k = 0; k < K; k++) {
        const bx = prev.vx[k * N + i]!, by = prev.vy[k * N + i]!;
        bars.prev[k * Cp + i] = bars.prev[k * Cp + i]! + c * (outA2 + outM * (bx * bx + by * by) - 2 * (bx * outX + by * outY));
      }
      for (let j = 0; j < M; j++) {
        const vx = next.vx[i * M + j]!, vy = next.vy[i * M + j]!;
        bars.next[i * Cn + j] = bars.next[i * Cn + j]! + c * (inM * (vx * vx + vy * vy) + inB2 - 2 * (vx * inX + vy * inY));
      }
    }
  }
  return total / (N * dtBar);
}

interface Transition {
  n: number;
  m: number;
  rowsA: ArrayLike<number>;
  rowsB: ArrayLike<number>;
  sk: SinkhornResult;
  yRow: Int32Array; // target column of each real row (m = exit)
  yCol: Int32Array; // target row of each real column (n = birth)
  motion: PairMotion;
  flow: number;
  spatial: number;
  planBar: Float64Array;
}

function transition(logits: ArrayLike<number>, nAll: number, w: UnitrackWindow, t: number, z: number, iters: number): Transition {
  const A = w.frames[t]!;
  const B = w.frames[t + 1]!;
  const n = A.rows.length;
  const m = B.rows.length;
  const motionLogit = w.motionLogits?.[t];
  const s = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) s[i * m + j] = logits[A.rows[i]! * nAll + B.rows[j]!]! + (motionLogit ? motionLogit[i * m + j]! : 0);
  const sk = sinkhornDustbin(s, n, m, z, iters);
  const F = sk.plan;
  const C = m + 1;
  // §1.5.2 targets: Y_ij = 1 iff same GT id ≥ 0; rows/columns without a positive target the dustbin.
  const yRow = new Int32Array(n).fill(m);
  const yCol = new Int32Array(m).fill(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (A.gtIds[i]! >= 0 && A.gtIds[i] === B.gtIds[j]) {
        yRow[i] = j;
        yCol[j] = i;
      }
    }
  }
  // §1.5.3: L_flow,t = 1 − mean_i F[i, y(i)] − mean_j F[y(j), j]; each half only when non-empty.
  let flow = 0;
  if (n > 0) {
    let acc = 0;
    for (let i = 0; i < n; i++) acc += F[i * C + yRow[i]!]!;
    flow += 0.5 - acc / n;
  }
  if (m > 0) {
    let acc = 0;
    for (let j = 0; j < m; j++) acc += F[yCol[j]! * C + j]!;
    flow += 0.5 - acc / m;
  }
  const motion = pairMotion(A.boxesXyxy, n, B.boxesXyxy, m, w.diag, w.dt?.[t] ?? 1);
  return { n, m, rowsA: A.rows, rowsB: B.rows, sk, yRow, yCol, motion, flow, spatial: spatialTerm(F, motion), planBar: new Float64Array((n + 1) * C) };
}

const dtBarAt = (w: UnitrackWindow, t: number): number => ((w.dt?.[t - 1] ?? 1) + (w.dt?.[t] ?? 1)) / 2;

/**
 * UniTrack loss of a batch of windows on `logits` (nAll × nAll row-major, = cos(e_a, e_b)/τ), dustbin
 * logit `z`, starting from the λ̄ state `lambdaState` (updated window by window, §1.6).
 * L_w = log(|E|+1)·(q·L_flow + λ̄_s·L_spatial + λ̄_t·L_temporal); the result averages the windows with P > 0.
 */
export function unitrackCore(
  logits: ArrayLike<number>,
  nAll: number,
  z: number,
  windows: readonly UnitrackWindow[],
  lambdaState: readonly [number, number],
  opts: UnitrackCoreOptions = DEFAULT_UNITRACK_CORE,
): UnitrackCoreResult {
  let lam: [number, number] = [lambdaState[0], lambdaState[1]];
  const per: { trans: Transition[]; w: UnitrackWindow; logE: number; q: number; lam: [number, number] }[] = [];
  const sum = { total: 0, flow: 0, spatial: 0, temporal: 0, q: 0, edges: 0 };
  const sig = { s: 0, sn: 0, t: 0, tn: 0 };
  for (const w of windows) {
    if (w.counts.p <= 0 || w.frames.length < 2) continue; // §1.6: windows with P = 0 are skipped
    const W = w.frames.length;
    const trans: Transition[] = [];
    for (let t = 0; t + 1 < W; t++) trans.push(transition(logits, nAll, w, t, z, opts.iters));
    const flow = trans.reduce((a, tr) => a + tr.flow, 0) / (W - 1);
    const spatial = trans.reduce((a, tr) => a + tr.spatial, 0) / (W - 1);
    let temporal = 0;
    for (let t = 1; t + 1 < W; t++) temporal += temporalTerm(trans[t - 1]!.sk.plan, trans[t - 1]!.motion, trans[t]!.sk.plan, trans[t]!.motion, dtBarAt(w, t));
    if (W >= 3) temporal /= W - 2;
    const q = qualityFactor(w.counts.fp, w.counts.p, w.counts.fn, w.counts.gt, opts.alpha);
    let step: [number, number];
    if (opts.fixedLambda) step = [opts.fixedLambda[0], opts.fixedLambda[1]];
    else {
      const wl = windowLambda(w.frames, w.dt, opts);
      step = [wl.lambdaS, wl.lambdaT];
      if (wl.sigmaS !== null) {
        sig.s += wl.sigmaS;
        sig.sn++;
      }
      if (wl.sigmaT !== null) {
        sig.t += wl.sigmaT;
        sig.tn++;
      }
    }
    lam = opts.fixedLambda ? step : emaLambda(lam, step, opts.eta);
    const edges = trans.reduce((a, tr) => a + tr.n * tr.m, 0); // |E| = Σ_t N_t·N_{t+1} (A9)
    const logE = Math.log(edges + 1);
    sum.total += logE * (q * flow + lam[0] * spatial + lam[1] * temporal);
    sum.flow += flow;
    sum.spatial += spatial;
    sum.temporal += temporal;
    sum.q += q;
    sum.edges += edges;
    per.push({ trans, w, logE, q, lam: [lam[0], lam[1]] });
  }
  const nW = per.length;
  const mean = (x: number): number => (nW ? x / nW : 0);
  const values: UnitrackValues = {
    total: mean(sum.total),
    flow: mean(sum.flow),
    spatial: mean(sum.spatial),
    temporal: mean(sum.temporal),
    q: mean(sum.q),
    lambdaS: lam[0],
    lambdaT: lam[1],
    sigmaS: sig.sn ? sig.s / sig.sn : null,
    sigmaT: sig.tn ? sig.t / sig.tn : null,
    edges: sum.edges,
    windows: nW,
  };
  const backward = (dy: readonly [number, number, number, number]): { logitsBar: Float64Array; zBar: number } => {
    const logitsBar = new Float64Array(nAll * nAll);
    let zBar = 0;
    for (const { trans, w, logE, q, lam: l } of per) {
      const W = w.frames.length;
      const cf = (dy[0] * logE * q + dy[1]) / nW / (W - 1);
      const cs = (dy[0] * logE * l[0] + dy[2]) / nW / (W - 1);
      const ct = W >= 3 ? (dy[0] * logE * l[1] + dy[3]) / nW / (W - 2) : 0;
      for (const tr of trans) {
        tr.planBar.fill(0);
        const C = tr.m + 1;
        if (tr.n > 0) for (let i = 0; i < tr.n; i++) tr.planBar[i * C + tr.yRow[i]!] = tr.planBar[i * C + tr.yRow[i]!]! - cf / tr.n;
        if (tr.m > 0) for (let j = 0; j < tr.m; j++) tr.planBar[tr.yCol[j]! * C + j] = tr.planBar[tr.yCol[j]! * C + j]! - cf / tr.m;
        if (tr.n > 0 && tr.m > 0) for (let i = 0; i < tr.n; i++) for (let j = 0; j < tr.m; j++) tr.planBar[i * C + j] = tr.planBar[i * C + j]! + (cs * tr.motion.dist[i * tr.m + j]!) / tr.n;
      }
      for (let t = 1; ct !== 0 && t + 1 < W; t++) {
        const [p, q] = [trans[t - 1]!, trans[t]!];
        temporalTerm(p.sk.plan, p.motion, q.sk.plan, q.motion, dtBarAt(w, t), { prev: p.planBar, next: q.planBar, scale: ct });
      }
      for (const tr of trans) {
        const g = tr.sk.backward(tr.planBar);
        zBar += g.zBar;
        for (let i = 0; i < tr.n; i++) for (let j = 0; j < tr.m; j++) logitsBar[tr.rowsA[i]! * nAll + tr.rowsB[j]!] = logitsBar[tr.rowsA[i]! * nAll + tr.rowsB[j]!]! + g.logitsBar[i * tr.m + j]!;
      }
    }
    return { logitsBar, zBar };
  };
  return { values, lambdaState: lam, backward };
}
