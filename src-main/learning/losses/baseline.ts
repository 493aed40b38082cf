// Baseline ReID loss (METHODS.md §6.1, row (a)): identity cross-entropy with label smoothing 0.1 on a
// classifier head (discarded after training) plus batch-hard triplet with margin 0.3 [ours: the
// standard ReID recipe]. Only crops with an identity (gtId ≥ 0) take part (§6.2-2).
import * as tf from '@tensorflow/tfjs';

/** Hyper-parameters of the baseline loss. */
export interface BaselineOptions {
  readonly labelSmoothing: number;
  readonly margin: number;
}

/** §6.1 defaults: label smoothing 0.1, triplet margin 0.3. */
export const DEFAULT_BASELINE_OPTIONS: BaselineOptions = { labelSmoothing: 0.1, margin: 0.3 };

// Masked maxima/minima need a finite offset far outside the range of distances (≤ 2 on the unit
// sphere); 1e4 keeps float32 exact enough and never produces −Infinity (METHODS.md §0.3-2).
const MASK = 1e4;

/**
 * Mean label-smoothed cross-entropy over rows with label ≥ 0: target (1 − ε)·onehot + ε/K.
 * Returns 0 when no row is labelled.
 */
export function identityCrossEntropy(logits: tf.Tensor2D, labels: ArrayLike<number>, smoothing = 0.1): tf.Scalar {
  const [n, k] = logits.shape;
  const target = new Float32Array(n * k);
  let count = 0;
  for (let r = 0; r < n; r++) {
    const y = labels[r]!;
    if (y < 0) continue;
    if (y >= k) throw new Error(`identityCrossEntropy: label ${y} outside the ${k} classes`);
    count++;
    for (let c = 0; c < k; c++) target[r * k + c] = smoothing / k;
    target[r * k + y] = target[r * k + y]! + 1 - smoothing;
  }
  if (count === 0) return tf.scalar(0);
  return tf.tidy(() => {
    const logp = tf.sub(logits, tf.logSumExp(logits, 1, true));
    return tf.div(tf.neg(tf.sum(tf.mul(logp, tf.tensor2d(target, [n, k])))), count) as tf.Scalar;
  });
}

/**
 * Batch-hard triplet loss (Hermans et al.) on L2-normalised embeddings: for every anchor with a
 * positive and a negative, relu(margin + max_p d(a,p) − min_n d(a,n)) with Euclidean d; mean over
 * those anchors, 0 when there are none. Rows with id < 0 are ignored.
 */
export function batchHardTriplet(emb: tf.Tensor2D, ids: ArrayLike<number>, margin = 0.3): tf.Scalar {
  const n = emb.shape[0];
  const pos = new Float32Array(n * n);
  const neg = new Float32Array(n * n);
  const valid = new Float32Array(n);
  let anchors = 0;
  for (let a = 0; a < n; a++) {
    if (ids[a]! < 0) continue;
    let hasP = false;
    let hasN = false;
    for (let b = 0; b < n; b++) {
      if (b === a || ids[b]! < 0) continue;
      if (ids[b] === ids[a]) {
        pos[a * n + b] = 1;
        hasP = true;
      } else {
        neg[a * n + b] = 1;
        hasN = true;
      }
    }
    if (hasP && hasN) {
      valid[a] = 1;
      anchors++;
    }
  }
  if (anchors === 0) return tf.scalar(0);
  return tf.tidy(() => {
    // ‖a − b‖² = 2 − 2·cos on the unit sphere; the floor keeps sqrt's gradient finite (§0.3-6).
    const d = tf.sqrt(tf.maximum(tf.sub(2, tf.mul(2, tf.matMul(emb, emb, false, true))), 1e-12));
    const P = tf.tensor2d(pos, [n, n]);
    const N = tf.tensor2d(neg, [n, n]);
    const hardPos = tf.max(tf.sub(tf.mul(d, P), tf.mul(tf.sub(1, P), MASK)), 1);
    const hardNeg = tf.min(tf.add(d, tf.mul(tf.sub(1, N), MASK)), 1);
    const per = tf.relu(tf.add(tf.sub(hardPos, hardNeg), margin));
    return tf.div(tf.sum(tf.mul(per, tf.tensor1d(valid))), anchors) as tf.Scalar;
  });
}
