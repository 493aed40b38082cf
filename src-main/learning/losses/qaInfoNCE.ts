// FDTA identity adapter loss (METHODS.md §3.2): quality-aware InfoNCE over a clip's pool of crops,
// one positive against all negatives, harmonic-mean quality weights, τ = 0.1, code form ×τ.
import * as tf from '@tensorflow/tfjs';

/** Hyper-parameters of §3.2. */
export interface QaInfoNceOptions {
  readonly tau: number;
  /** Crops with quality below this are removed from the pool (IoU filter; the code uses 0.5). */
  readonly qMin: number;
  /** true: the code form (leading factor τ); false: the paper's Eq. 8. */
  readonly tauScale: boolean;
}

/** §3.2 defaults: τ = 0.1, q ≥ 0.5, code form. */
export const DEFAULT_QA_INFONCE_OPTIONS: QaInfoNceOptions = { tau: 0.1, qMin: 0.5, tauScale: true };

const MASK = 1e9; // "mask … with −1e9, not −Inf" (§3.2 numerics)

/**
 * L_IA = τ·(1/|A⁺|)·Σ_a (1/|P(a)|)·Σ_{p∈P(a)} ω_ap·ℓ_ap with ℓ_ap = −s_ap/τ + log(e^{s_ap/τ} + Σ_{m∈N(a)} e^{s_am/τ})
 * and ω_ap = 2·q_a·q_p/(q_a + q_p). `z` [n, D] is normalised here; rows with id < 0 or q < qMin are
 * out of the pool. Returns 0 when no anchor has a positive.
 */
export function qaInfoNCE(z: tf.Tensor2D, ids: ArrayLike<number>, quality: ArrayLike<number>, opts: QaInfoNceOptions = DEFAULT_QA_INFONCE_OPTIONS): tf.Scalar {
  const n = z.shape[0];
  const inPool = (a: number): boolean => ids[a]! >= 0 && quality[a]! >= opts.qMin;
  const negMask = new Float32Array(n * n);
  const weight = new Float32Array(n * n);
  const anchorsPos: number[][] = [];
  for (let a = 0; a < n; a++) {
    if (!inPool(a)) continue;
    const P: number[] = [];
    for (let b = 0; b < n; b++) {
      if (b === a || !inPool(b)) continue;
      if (ids[b] === ids[a]) P.push(b);
      else negMask[a * n + b] = 1;
    }
    if (P.length) anchorsPos.push([a, ...P]);
  }
  if (!anchorsPos.length) return tf.scalar(0);
  for (const [a, ...P] of anchorsPos) {
    for (const p of P) {
      const w = (2 * quality[a!]! * quality[p]!) / (quality[a!]! + quality[p]!);
      // The weight does not enter the normalisation: divide by |P(a)| and |A⁺| only.
      weight[a! * n + p] = w / (P.length * anchorsPos.length);
    }
  }
  return tf.tidy(() => {
    const zn = tf.div(z, tf.maximum(tf.norm(z, 'euclidean', 1, true), 1e-12));
    const logits = tf.div(tf.matMul(zn, zn, false, true), opts.tau);
    // log Σ_{m∈N(a)} e^{s_am/τ} per anchor (≈ −1e9 when a has no negative, then ℓ_ap → 0).
    const negLse = tf.logSumExp(tf.sub(logits, tf.mul(tf.sub(1, tf.tensor2d(negMask, [n, n])), MASK)), 1, true);
    // ℓ_ap = log(1 + e^{negLse_a − s_ap/τ}) = softplus(negLse_a − s_ap/τ): the one-positive denominator.
    const ell = tf.softplus(tf.sub(negLse, logits));
    const loss = tf.sum(tf.mul(ell, tf.tensor2d(weight, [n, n])));
    return (opts.tauScale ? tf.mul(loss, opts.tau) : loss) as tf.Scalar;
  });
}

/** Anchors with at least one positive in a pool (|A⁺|): 0 means the loss would be skipped. */
export function iaAnchorCount(ids: ArrayLike<number>, quality: ArrayLike<number>, qMin = 0.5): number {
  const seen = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0 && quality[i]! >= qMin) seen.set(ids[i]!, (seen.get(ids[i]!) ?? 0) + 1);
  let n = 0;
  for (const c of seen.values()) if (c >= 2) n += c;
  return n;
}
