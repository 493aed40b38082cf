// UniTrack on MPN edge outputs (METHODS.md §1.10): flows f_e = ½(σ(ℓ_ij) + σ(ℓ_ji)) on the undirected edges
// of each clip graph, a per-node flow term with soft conservation, the spatial term and the path-form
// temporal term over k → i → j (top-3 per side, stop-gradient selection), weighted by q, the Laplacian λ̄
// (§1.5.6 graphs on the clip's detections, reused from losses/unitrackLambda.ts) and log(|E|+1). Evaluated
// in float64 with a hand-written adjoint and wrapped as one tfjs op on f, like losses/unitrack.ts.
import * as tf from '@tensorflow/tfjs';
import { qualityFactor } from '../losses/unitrackCore';
import { DEFAULT_LAMBDA_OPTIONS, type LambdaFrame, type LambdaOptions, emaLambda, windowLambda } from '../losses/unitrackLambda';

/** One clip graph of a batch as the loss sees it. */
export interface UtGraph {
  /** First undirected edge of this graph in the batch's edge list. */
  readonly edgeOffset: number;
  readonly n: number;
  readonly src: Int32Array;
  readonly dst: Int32Array;
  /** Label of each forward copy (dst is src's active future node) and reversed copy (src is dst's active past node). */
  readonly yOut: Float32Array;
  readonly yIn: Float32Array;
  /** Box centres (px) and times in sampled steps per node. */
  readonly cx: Float64Array;
  readonly cy: Float64Array;
  readonly t: Float64Array;
  readonly diag: number;
  /** Clip totals for q (§1.3 A3). */
  readonly counts: { readonly fp: number; readonly p: number; readonly fn: number; readonly gt: number };
  /** Sampled frames of the clip for the λ graphs, with gaps dt in sampled steps. */
  readonly frames: readonly LambdaFrame[];
  readonly dt: readonly number[];
}

/** §1.10 / §1.7 constants. */
export interface MpnUnitrackOptions extends LambdaOptions {
  readonly alpha: number;
  readonly eta: number;
  /** Weight μ_c of the soft conservation penalty. */
  readonly muC: number;
  /** Paths k → i → j span at most W − 1 sampled steps. */
  readonly window: number;
  /** Edges kept per side of a node for the temporal term. */
  readonly topK: number;
  /** Bypass the Laplacian λ (ablation "fixed λ"). */
  readonly fixedLambda?: readonly [number, number];
}

/** Defaults: α 0.9, η 0.01, μ_c 1, W 5, top-3, κ_s 1, κ_t 0.5, ε 1e-3, proximity graph. */
export const DEFAULT_MPN_UNITRACK: MpnUnitrackOptions = { ...DEFAULT_LAMBDA_OPTIONS, alpha: 0.9, eta: 0.01, muC: 1, window: 5, topK: 3 };

/** Window means of the terms and diagnostics. */
export interface MpnUtValues {
  readonly total: number;
  readonly flow: number;
  readonly spatial: number;
  readonly temporal: number;
  readonly conservation: number;
  readonly lambdaS: number;
  readonly lambdaT: number;
  readonly graphs: number;
}

interface PerGraph {
  g: UtGraph;
  E: number;
  logE: number;
  q: number;
  lam: [number, number];
  dFlow: Float64Array; // ∂L_flow/∂f_e (q and μ_c included)
  dist: Float64Array;
  paths: number[]; // triples (edge in, edge out, coefficient ‖Δv‖²/Δt̄)
}

function topBy(f: Float64Array, off: number, edges: number[], k: number): number[] {
  return edges.length <= k ? edges : [...edges].sort((a, b) => f[off + b]! - f[off + a]! || a - b).slice(0, k);
}

/** Flow, conservation, spatial and temporal values of one graph and what the adjoint needs. */
function graphTerms(f: Float64Array, g: UtGraph, opts: MpnUnitrackOptions): { pg: Omit<PerGraph, 'lam' | 'logE' | 'q'>; flow: number; cons: number; spatial: number; temporal: number; q: number } {
  const { n, src, dst, edgeOffset: o } = g;
  const E = src.length;
  const sOut = new Float64Array(n);
  const sIn = new Float64Array(n);
  const posOut = new Uint8Array(n);
  const posIn = new Uint8Array(n);
  const outs: number[][] = Array.from({ length: n }, () => []);
  const ins: number[][] = Array.from({ length: n }, () => []);
  let rhoOut = 0;
  let rhoIn = 0;
  for (let e = 0; e < E; e++) {
    const fe = f[o + e]!;
    sOut[src[e]!]! += fe;
    sIn[dst[e]!]! += fe;
    rhoOut += g.yOut[e]! * fe;
    rhoIn += g.yIn[e]! * fe;
    if (g.yOut[e]) posOut[src[e]!] = 1;
    if (g.yIn[e]) posIn[dst[e]!] = 1;
    outs[src[e]!]!.push(e);
    ins[dst[e]!]!.push(e);
  }
  let cons = 0;
  for (let i = 0; i < n; i++) {
    if (!posOut[i]) rhoOut += Math.max(0, 1 - sOut[i]!);
    if (!posIn[i]) rhoIn += Math.max(0, 1 - sIn[i]!);
    cons += Math.max(0, sOut[i]! - 1) ** 2 + Math.max(0, sIn[i]! - 1) ** 2;
  }
  const q = qualityFactor(g.counts.fp, g.counts.p, g.counts.fn, g.counts.gt, opts.alpha);
  const flow = q * (1 - rhoOut / n - rhoIn / n) + (opts.muC * cons) / n;
  const dFlow = new Float64Array(E);
  const dist = new Float64Array(E);
  let spatial = 0;
  for (let e = 0; e < E; e++) {
    const i = src[e]!;
    const j = dst[e]!;
    const dOut = g.yOut[e]! - (posOut[i] || sOut[i]! >= 1 ? 0 : 1);
    const dIn = g.yIn[e]! - (posIn[j] || sIn[j]! >= 1 ? 0 : 1);
    dFlow[e] = (-q * (dOut + dIn) + 2 * opts.muC * (Math.max(0, sOut[i]! - 1) + Math.max(0, sIn[j]! - 1))) / n;
    dist[e] = Math.hypot(g.cx[j]! - g.cx[i]!, g.cy[j]! - g.cy[i]!) / (g.diag * (g.t[j]! - g.t[i]!));
    spatial += f[o + e]! * dist[e]!;
  }
  // Paths k → i → j, top-K edges per side by flow (a stop-gradient choice), span ≤ W − 1 sampled steps.
  const paths: number[] = [];
  let temporal = 0;
  for (let i = 0; i < n; i++) {
    if (!ins[i]!.length || !outs[i]!.length) continue;
    for (const a of topBy(f, o, ins[i]!, opts.topK)) {
      const k = src[a]!;
      const dtA = g.t[i]! - g.t[k]!;
      const vax = (g.cx[i]! - g.cx[k]!) / (g.diag * dtA);
      const vay = (g.cy[i]! - g.cy[k]!) / (g.diag * dtA);
      for (const b of topBy(f, o, outs[i]!, opts.topK)) {
        const j = dst[b]!;
        if (g.t[j]! - g.t[k]! > opts.window - 1) continue;
        const dtB = g.t[j]! - g.t[i]!;
        const vbx = (g.cx[j]! - g.cx[i]!) / (g.diag * dtB);
        const vby = (g.cy[j]! - g.cy[i]!) / (g.diag * dtB);
        const c = ((vbx - vax) ** 2 + (vby - vay) ** 2) / ((dtA + dtB) / 2);
        paths.push(a, b, c);
        temporal += f[o + a]! * f[o + b]! * c;
      }
    }
  }
  return { pg: { g, E, dFlow, dist, paths }, flow, cons: cons / n, spatial: spatial / n, temporal: temporal / n, q };
}

/**
 * §1.10 loss of a batch of clip graphs on flows `f` (all undirected edges of the batch), from λ̄ state
 * `lambdaState`. Returns the window means, the new λ̄ and the adjoint w.r.t. f for upstream
 * gradients dy of [total, flow, spatial, temporal].
 */
export function mpnUnitrackCore(
  f: Float64Array,
  graphs: readonly UtGraph[],
  lambdaState: readonly [number, number],
  opts: MpnUnitrackOptions = DEFAULT_MPN_UNITRACK,
): { values: MpnUtValues; lambdaState: [number, number]; backward: (dy: readonly number[]) => Float64Array } {
  let lam: [number, number] = [lambdaState[0], lambdaState[1]];
  const per: PerGraph[] = [];
  const sum = { total: 0, flow: 0, spatial: 0, temporal: 0, cons: 0 };
  for (const g of graphs) {
    if (g.n === 0 || g.counts.p <= 0) continue; // windows with P = 0 are skipped (§1.6)
    const r = graphTerms(f, g, opts);
    if (opts.fixedLambda) lam = [opts.fixedLambda[0], opts.fixedLambda[1]];
    else {
      const wl = windowLambda(g.frames, g.dt, opts);
      lam = emaLambda(lam, [wl.lambdaS, wl.lambdaT], opts.eta);
    }
    const logE = Math.log(r.pg.E + 1); // |E| = undirected edges after pruning (§1.10)
    sum.total += logE * (r.flow + lam[0] * r.spatial + lam[1] * r.temporal);
    sum.flow += r.flow;
    sum.spatial += r.spatial;
    sum.temporal += r.temporal;
    sum.cons += r.cons;
    per.push({ ...r.pg, logE, q: r.q, lam: [lam[0], lam[1]] });
  }
  const nG = per.length;
  const mean = (x: number): number => (nG ? x / nG : 0);
  const values: MpnUtValues = { total: mean(sum.total), flow: mean(sum.flow), spatial: mean(sum.spatial), temporal: mean(sum.temporal), conservation: mean(sum.cons), lambdaS: lam[0], lambdaT: lam[1], graphs: nG };
  const backward = (dy: readonly number[]): Float64Array => {
    const fBar = new Float64Array(f.length);
    for (const { g, E, logE, lam: l, dFlow, dist, paths } of per) {
      const o = g.edgeOffset;
      const cf = (dy[0]! * logE + dy[1]!) / nG;
      const cs = (dy[0]! * logE * l[0] + dy[2]!) / nG / g.n;
      const ct = (dy[0]! * logE * l[1] + dy[3]!) / nG / g.n;
      for (let e = 0; e < E; e++) fBar[o + e]! += cf * dFlow[e]! + cs * dist[e]!;
      for (let p = 0; p < paths.length; p += 3) {
        const [a, b, c] = [paths[p]!, paths[p + 1]!, paths[p + 2]!];
        fBar[o + a]! += ct * c * f[o + b]!;
        fBar[o + b]! += ct * c * f[o + a]!;
      }
    }
    return fBar;
  };
  return { values, lambdaState: lam, backward };
}

/** §1.10 flows of the last step's logits [2E] (forward copies then reversed): f = ½(σ(ℓ_ij) + σ(ℓ_ji)). */
export function edgeFlows(logits: tf.Tensor1D): tf.Tensor1D {
  const E = logits.shape[0] / 2;
  return tf.tidy(() => tf.mul(tf.add(tf.sigmoid(tf.slice(logits, [0], [E])), tf.sigmoid(tf.slice(logits, [E], [E]))), 0.5) as tf.Tensor1D);
}

/** The loss as a tfjs op on the flows: [total, flow, spatial, temporal] (differentiable), values and λ̄. */
export function mpnUnitrackLoss(flows: tf.Tensor1D, graphs: readonly UtGraph[], lambdaState: readonly [number, number], opts: MpnUnitrackOptions = DEFAULT_MPN_UNITRACK): { terms: tf.Tensor1D; values: MpnUtValues; lambdaState: [number, number] } {
  let out: { values: MpnUtValues; lambdaState: [number, number] } | undefined;
  const op = tf.customGrad((...inputs) => {
    const [x] = inputs as [tf.Tensor1D];
    const r = mpnUnitrackCore(Float64Array.from(x.dataSync()), graphs, lambdaState, opts);
    out = r;
    const v = r.values;
    return {
      value: tf.tensor1d([v.total, v.flow, v.spatial, v.temporal]),
      gradFunc: (dy: tf.Tensor) => tf.tensor1d(Float32Array.from(r.backward(Array.from(dy.dataSync())))),
    };
  });
  const terms = op(flows) as tf.Tensor1D;
  return { terms, values: out!.values, lambdaState: out!.lambdaState };
}
