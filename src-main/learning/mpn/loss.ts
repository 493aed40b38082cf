// The MPN loss of METHODS.md §2.6: class-balanced BCE-with-logits, mean over the directed edges of the
// batch, summed over the classified steps. pos_weight is a batch statistic computed in JS (§2.9) and
// enters as a constant; −log σ(x) = softplus(−x), −log(1 − σ(x)) = softplus(x).
import * as tf from '@tensorflow/tfjs';

/** pos_weight = #negatives / #positives over the directed copies (0 without positives). */
export function posWeight(labels: ArrayLike<number>): number {
  let pos = 0;
  for (let i = 0; i < labels.length; i++) pos += labels[i]!;
  return pos > 0 ? (labels.length - pos) / pos : 0;
}

/** mean_e [ −pw·y·log σ(ℓ) − (1 − y)·log(1 − σ(ℓ)) ] of one step's logits [2E]. */
export function weightedBce(logits: tf.Tensor1D, labels: tf.Tensor1D, pw: number): tf.Scalar {
  return tf.tidy(() => {
    const pos = tf.mul(tf.mul(labels, pw), tf.softplus(tf.neg(logits)));
    const neg = tf.mul(tf.sub(1, labels), tf.softplus(logits));
    return tf.mean(tf.add(pos, neg)) as tf.Scalar;
  });
}

/** L_MPN = Σ over the classified steps of `weightedBce` (§2.6). */
export function mpnLoss(stepLogits: readonly tf.Tensor1D[], labels: Float32Array): tf.Scalar {
  const pw = posWeight(labels);
  return tf.tidy(() => {
    const y = tf.tensor1d(labels);
    if (labels.length === 0) return tf.scalar(0);
    return tf.addN(stepLogits.map((l) => weightedBce(l, y, pw))) as tf.Scalar;
  });
}
