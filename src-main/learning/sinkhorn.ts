// Log-domain Sinkhorn with a dustbin as one differentiable tfjs op (METHODS.md §0.3-3). The float64
// core and its exact unrolled adjoint live in src-shared/numeric; this file only bridges tensors.
import * as tf from '@tensorflow/tfjs';
import { sinkhornDustbin } from '../../src-shared/numeric/sinkhornDustbin';

/**
 * Plan F [(N+1), (M+1)] of logits `s` [N, M] with dustbin logit `z`; differentiable w.r.t. both.
 * Reads its inputs synchronously (a small matrix), so it is a sync point on GPU backends.
 */
export function sinkhornDustbinOp(s: tf.Tensor2D, z: tf.Scalar, iters = 50): tf.Tensor2D {
  const [N, M] = s.shape;
  const op = tf.customGrad((...inputs) => {
    const [sIn, zIn] = inputs as [tf.Tensor, tf.Tensor];
    const r = sinkhornDustbin(sIn.dataSync(), N, M, zIn.dataSync()[0]!, iters);
    return {
      value: tf.tensor2d(Float32Array.from(r.plan), [N + 1, M + 1]),
      gradFunc: (dy: tf.Tensor) => {
        const g = r.backward(dy.dataSync());
        return [tf.tensor2d(Float32Array.from(g.logitsBar), [N, M]), tf.scalar(g.zBar)];
      },
    };
  });
  return op(s, z) as tf.Tensor2D;
}
