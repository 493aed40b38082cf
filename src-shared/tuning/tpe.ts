// The Tree-structured Parzen Estimator (Bergstra et al., NeurIPS 2011), univariate as in Optuna's
// TPESampler defaults (optuna/samplers/_tpe/sampler.py and parzen_estimator.py): finished trials are
// split by the quantile gamma(n) = min(ceil(0.1 n), 25) into good (l) and bad (g); each parameter gets
// a Parzen estimator per group (truncated Gaussians at the observations plus a prior, bandwidths by
// Optuna's "magic clip" neighbour rule; categorical: smoothed counts), 24 candidates are drawn from l
// and the one with the largest log l(x) - log g(x) is taken.
import type { Rng } from './rng';
import { fromInternal, internalRange, sampleUniform, toInternal, type ParamDef, type ParamValue, type Params, type SearchSpace } from './space';

/** TPE settings (Optuna's defaults). */
export interface TpeOptions {
  /** Random trials before TPE starts (n_startup_trials 10). */
  readonly startupTrials: number;
  /** Candidates drawn from l(x) per parameter (n_ei_candidates 24). */
  readonly eiCandidates: number;
  /** Weight of the prior component (prior_weight 1.0). */
  readonly priorWeight: number;
}

/** Optuna's defaults. */
export const TPE_DEFAULTS: TpeOptions = { startupTrials: 10, eiCandidates: 24, priorWeight: 1 };

/** A finished trial as the sampler sees it: params and a score where higher is better. */
export interface Observation {
  readonly params: Params;
  readonly score: number;
}

/** Optuna `default_gamma`: the number of good trials. */
export function gamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

/** Optuna `default_weights`: ramped weights for old observations when there are more than 25. */
function weights(n: number): number[] {
  if (n < 25) return Array.from({ length: n }, () => 1);
  const ramp = Array.from({ length: n - 25 }, (_, i) => (n - 25 === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (n - 26)));
  return [...ramp, ...Array.from({ length: 25 }, () => 1)];
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

function erf(x: number): number {
  // Numerical Recipes' Chebyshev approximation of erfc (fractional error below 1.2e-7).
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const y = 1 - t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? y : -y;
}

function normCdf(x: number): number {
  return 0.5 * (1 + erf(x / Math.SQRT2));
}

/** A mixture of Gaussians truncated to [lo, hi]. */
interface Mixture {
  readonly mus: number[];
  readonly sigmas: number[];
  readonly ws: number[];
}

/** Optuna's univariate Parzen estimator for a numeric parameter (observations in internal coordinates). */
function numericMixture(obs: number[], obsWeights: number[], lo: number, hi: number, priorWeight: number): Mixture {
  const prior = 0.5 * (lo + hi);
  const mus = [...obs, prior];
  const ws = [...obsWeights, priorWeight];
  // Magic clip bandwidths: distance to the farther neighbour among the sorted means (with the bounds).
  const order = mus.map((m, i) => [m, i] as const).sort((a, b) => a[0] - b[0]);
  const sigmas = new Array<number>(mus.length);
  for (let k = 0; k < order.length; k++) {
    const left = k === 0 ? lo : order[k - 1]![0];
    const right = k === order.length - 1 ? hi : order[k + 1]![0];
    sigmas[order[k]![1]] = Math.max(order[k]![0] - left, right - order[k]![0]);
  }
  const maxSigma = hi - lo;
  const minSigma = (hi - lo) / Math.min(100, 1 + mus.length);
  for (let i = 0; i < sigmas.length; i++) sigmas[i] = Math.min(maxSigma, Math.max(minSigma, sigmas[i]!));
  sigmas[mus.length - 1] = hi - lo; // the prior is wide
  const total = ws.reduce((a, b) => a + b, 0);
  return { mus, sigmas, ws: ws.map((w) => w / total) };
}

function sampleMixture(m: Mixture, lo: number, hi: number, rng: Rng): number {
  let u = rng.next();
  let k = 0;
  while (k < m.ws.length - 1 && u >= m.ws[k]!) u -= m.ws[k++]!;
  for (let tries = 0; tries < 100; tries++) {
    const x = m.mus[k]! + m.sigmas[k]! * rng.normal();
    if (x >= lo && x <= hi) return x;
  }
  return Math.min(hi, Math.max(lo, m.mus[k]!));
}

function logPdf(m: Mixture, x: number, lo: number, hi: number): number {
  let best = -Infinity;
  const terms: number[] = [];
  for (let k = 0; k < m.mus.length; k++) {
    const mu = m.mus[k]!;
    const s = m.sigmas[k]!;
    const z = (x - mu) / s;
    const mass = Math.max(1e-300, normCdf((hi - mu) / s) - normCdf((lo - mu) / s));
    const t = Math.log(m.ws[k]!) - 0.5 * z * z - LOG_SQRT_2PI - Math.log(s) - Math.log(mass);
    terms.push(t);
    best = Math.max(best, t);
  }
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - best);
  return best + Math.log(sum);
}

/** Optuna's categorical estimator: prior weight spread over the choices plus weighted counts. */
function categoricalProbs(d: Extract<ParamDef, { kind: 'categorical' }>, obs: ParamValue[], obsWeights: number[], priorWeight: number): number[] {
  const p = d.choices.map(() => priorWeight / d.choices.length);
  obs.forEach((v, i) => {
    const k = d.choices.indexOf(v);
    if (k >= 0) p[k] = p[k]! + obsWeights[i]!;
  });
  const total = p.reduce((a, b) => a + b, 0);
  return p.map((x) => x / total);
}

/** The next parameters by TPE from the finished observations (random until `startupTrials`). */
export function suggestTpe(space: SearchSpace, history: readonly Observation[], rng: Rng, o: TpeOptions = TPE_DEFAULTS): Params {
  const out: Record<string, ParamValue> = {};
  const valid = history.filter((h) => Number.isFinite(h.score));
  if (valid.length < o.startupTrials) {
    for (const [name, d] of Object.entries(space)) out[name] = sampleUniform(d, rng);
    return out;
  }
  // Best first (stable), the first gamma(n) are "good"; weights follow trial order as in Optuna.
  const ranked = valid.map((h, i) => ({ h, i })).sort((a, b) => b.h.score - a.h.score || a.i - b.i);
  const nGood = gamma(valid.length);
  const goodIdx = new Set(ranked.slice(0, nGood).map((r) => r.i));
  const good = valid.filter((_, i) => goodIdx.has(i));
  const bad = valid.filter((_, i) => !goodIdx.has(i));
  const wGood = weights(good.length);
  const wBad = weights(bad.length);
  for (const [name, d] of Object.entries(space)) {
    if (d.kind === 'categorical') {
      const l = categoricalProbs(d, good.map((h) => h.params[name]!), wGood, o.priorWeight);
      const g = categoricalProbs(d, bad.map((h) => h.params[name]!), wBad, o.priorWeight);
      let bestK = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < o.eiCandidates; c++) {
        let u = rng.next();
        let k = 0;
        while (k < l.length - 1 && u >= l[k]!) u -= l[k++]!;
        const score = Math.log(l[k]!) - Math.log(g[k]!);
        if (score > bestScore) {
          bestScore = score;
          bestK = k;
        }
      }
      out[name] = d.choices[bestK]!;
      continue;
    }
    const [lo, hi] = internalRange(d);
    const l = numericMixture(good.map((h) => toInternal(d, h.params[name] as number)), wGood, lo, hi, o.priorWeight);
    const g = numericMixture(bad.map((h) => toInternal(d, h.params[name] as number)), wBad, lo, hi, o.priorWeight);
    let best = lo;
    let bestScore = -Infinity;
    for (let c = 0; c < o.eiCandidates; c++) {
      const x = sampleMixture(l, lo, hi, rng);
      const score = logPdf(l, x, lo, hi) - logPdf(g, x, lo, hi);
      if (score > bestScore) {
        bestScore = score;
        best = x;
      }
    }
    out[name] = fromInternal(d, best);
  }
  return out;
}
