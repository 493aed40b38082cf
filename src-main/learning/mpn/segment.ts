// Gather and scatter for message passing that train on every backend (METHODS.md §2.4, ENVIRONMENT.md):
// tf.gather's gradient needs UnsortedSegmentSum, which wasm lacks, and wasm's GatherV2 is ~30× slower
// than its GatherNd. Each op here is a tf.customGrad whose backward is the other op's forward:
// gather rows ⇄ scatter-add rows (ScatterNd sums duplicate indices on every backend).
import * as tf from '@tensorflow/tfjs';

/** An index vector as the [m, 1] int32 tensor GatherNd and ScatterNd take. */
export function indexTensor(idx: Int32Array): tf.Tensor2D {
  return tf.tensor2d(idx, [idx.length, 1], 'int32');
}

/** out[e] = x[idx[e]] for x [n, d] and idx [m, 1]; gradient scatters back with a sum. */
export function gatherRows(x: tf.Tensor2D, idx: tf.Tensor2D): tf.Tensor2D {
  const n = x.shape[0];
  const op = tf.customGrad((...inputs) => {
    const [xx] = inputs as [tf.Tensor2D];
    return {
      value: tf.gatherND(xx, idx) as tf.Tensor2D,
      gradFunc: (dy: tf.Tensor) => tf.scatterND(idx, dy, [n, dy.shape[1]!]),
    };
  });
  return op(x) as tf.Tensor2D;
}

/** out[i] = Σ_{e: idx[e] = i} x[e] for x [m, d], n output rows; gradient gathers. */
export function segmentSum(x: tf.Tensor2D, idx: tf.Tensor2D, n: number): tf.Tensor2D {
  const op = tf.customGrad((...inputs) => {
    const [xx] = inputs as [tf.Tensor2D];
    return {
      value: tf.scatterND(idx, xx, [n, xx.shape[1]]) as tf.Tensor2D,
      gradFunc: (dy: tf.Tensor) => tf.gatherND(dy, idx),
    };
  });
  return op(x) as tf.Tensor2D;
}
