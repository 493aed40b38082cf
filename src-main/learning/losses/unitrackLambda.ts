// UniTrack's adaptive term weights λ_s, λ_t from algebraic connectivity (METHODS.md §1.5.6), computed
// in plain float64 JS: they are stop-gradient constants for the tape (§0.3-1), so tfjs never sees them.
import { laplacianLambda2 } from '../../../src-shared/numeric/jacobiEigen';

/** Which within-frame graph feeds σ_s: 'proximity' (default) or 'separation' (1 − A, ablation O3). */
export type SpatialGraph = 'proximity' | 'separation';

/** Constants of §1.5.6. */
export interface LambdaOptions {
  readonly kappaS: number;
  readonly kappaT: number;
  readonly eps: number;
  readonly spatialGraph: SpatialGraph;
}

/** §1.7 defaults: κ_s = 1, κ_t = 0.5, ε = 1e-3, proximity graph. */
export const DEFAULT_LAMBDA_OPTIONS: LambdaOptions = { kappaS: 1, kappaT: 0.5, eps: 1e-3, spatialGraph: 'proximity' };

/** A frame as the λ computation sees it: boxes xyxy (4 per detection) and GT ids (−1 = FP). */
export interface LambdaFrame {
  readonly boxesXyxy: ArrayLike<number>;
  readonly gtIds: ArrayLike<number>;
}

/** λ of one window and the σ's they came from (null where a graph was undefined). */
export interface WindowLambda {
  readonly lambdaS: number;
  readonly lambdaT: number;
  readonly sigmaS: number | null;
  readonly sigmaT: number | null;
}

const cx = (b: ArrayLike<number>, i: number): number => (b[4 * i]! + b[4 * i + 2]!) / 2;
const cy = (b: ArrayLike<number>, i: number): number => (b[4 * i + 1]! + b[4 * i + 3]!) / 2;
const ht = (b: ArrayLike<number>, i: number): number => b[4 * i + 3]! - b[4 * i + 1]!;

/**
 * σ̂_s of one frame: λ2 of the Gaussian proximity graph (bandwidth κ_s·mean height) divided by n, the
 * λ2 of the unit-weight complete graph, so σ̂ ∈ (0, 1]. 'separation' uses 1 − A off the diagonal.
 */
export function sigmaSpatialFrame(boxesXyxy: ArrayLike<number>, n: number, kappaS = 1, graph: SpatialGraph = 'proximity'): number {
  const adj = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = i + 1; k < n; k++) {
      const d2 = (cx(boxesXyxy, i) - cx(boxesXyxy, k)) ** 2 + (cy(boxesXyxy, i) - cy(boxesXyxy, k)) ** 2;
      const hb = (ht(boxesXyxy, i) + ht(boxesXyxy, k)) / 2;
      const a = Math.exp(-d2 / (2 * (kappaS * hb) ** 2));
      adj[i * n + k] = adj[k * n + i] = graph === 'proximity' ? a : 1 - a;
    }
  }
  return laplacianLambda2(adj, n) / n;
}

/**
 * σ̂_t of one identity's path graph over its m ≥ 2 observations (centres, heights, times), edge weight
 * exp(−‖Δc‖² / (Δt² · 2(κ_t·h̄)²)), divided by the unit path's λ2 = 2(1 − cos(π/m)).
 */
export function sigmaTrack(centres: readonly (readonly [number, number])[], heights: readonly number[], times: readonly number[], kappaT = 0.5): number {
  const m = centres.length;
  const adj = new Float64Array(m * m);
  for (let u = 0; u + 1 < m; u++) {
    const hb = (heights[u]! + heights[u + 1]!) / 2;
    const dt = times[u + 1]! - times[u]!;
    const d2 = (centres[u + 1]![0] - centres[u]![0]) ** 2 + (centres[u + 1]![1] - centres[u]![1]) ** 2;
    adj[u * m + u + 1] = adj[(u + 1) * m + u] = Math.exp(-d2 / (dt * dt * 2 * (kappaT * hb) ** 2));
  }
  return laplacianLambda2(adj, m) / (2 * (1 - Math.cos(Math.PI / m)));
}

/**
 * λ_s = σ_t/(σ_s+σ_t), λ_t = σ_s/(σ_s+σ_t) for one window (§1.5.6, the paper's inverse-σ2 rule).
 * `dt[t]` is the gap between frames t and t+1 (default 1); FP detections (gtId −1) are left out of
 * the temporal graphs. One σ undefined → copy the other; both → (0.5, 0.5).
 */
export function windowLambda(frames: readonly LambdaFrame[], dt: readonly number[] | undefined, opts: LambdaOptions = DEFAULT_LAMBDA_OPTIONS): WindowLambda {
  const ss: number[] = [];
  const tracks = new Map<number, { c: [number, number][]; h: number[]; t: number[] }>();
  let time = 0;
  frames.forEach((f, t) => {
    if (t > 0) time += dt?.[t - 1] ?? 1;
    const n = f.gtIds.length;
    if (n >= 2) ss.push(Math.max(sigmaSpatialFrame(f.boxesXyxy, n, opts.kappaS, opts.spatialGraph), opts.eps));
    for (let i = 0; i < n; i++) {
      const g = f.gtIds[i]!;
      if (g < 0) continue;
      let tr = tracks.get(g);
      if (!tr) tracks.set(g, (tr = { c: [], h: [], t: [] }));
      tr.c.push([cx(f.boxesXyxy, i), cy(f.boxesXyxy, i)]);
      tr.h.push(ht(f.boxesXyxy, i));
      tr.t.push(time);
    }
  });
  const st: number[] = [];
  for (const tr of tracks.values()) if (tr.c.length >= 2) st.push(Math.max(sigmaTrack(tr.c, tr.h, tr.t, opts.kappaT), opts.eps));
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  if (!ss.length && !st.length) return { lambdaS: 0.5, lambdaT: 0.5, sigmaS: null, sigmaT: null };
  const sp = ss.length ? mean(ss) : mean(st);
  const tp = st.length ? mean(st) : sp;
  const [lambdaS, lambdaT] = lambdaFromSigmas(sp, tp);
  return { lambdaS, lambdaT, sigmaS: sp, sigmaT: tp };
}

/** The paper's rule λ_s = σ_s⁻¹/(σ_s⁻¹ + σ_t⁻¹) = σ_t/(σ_s + σ_t), λ_t = σ_s/(σ_s + σ_t). */
export function lambdaFromSigmas(sigmaS: number, sigmaT: number): [number, number] {
  return [sigmaT / (sigmaS + sigmaT), sigmaS / (sigmaS + sigmaT)];
}

/** EMA of the λ's (A7): λ̄ ← (1 − η)·λ̄ + η·λ_step; λ̄₀ = (0.5, 0.5); η = 1 recomputes every step. */
export function emaLambda(prev: readonly [number, number], step: readonly [number, number], eta: number): [number, number] {
  return [(1 - eta) * prev[0] + eta * step[0], (1 - eta) * prev[1] + eta * step[1]];
}
