// A BatchMatMul gradient without transpose flags. wasm's BatchMatMul runs XNNPACK only for plain
// products; with transposeA or transposeB it falls back to a loop ~10× slower (E×16 by E×80 weight
// gradient: 22 ms flagged vs 2 ms as transpose + matmul), and tfjs's stock gradient always uses a flag.
// The MPN's edge MLPs spend most of their backward pass there (METHODS.md §2.4: 12 steps over 2E edges).
import * as tf from '@tensorflow/tfjs';

/** Swaps the last two axes (any rank ≥ 2). */
function swapLast(x: tf.Tensor): tf.Tensor {
  const perm = Array.from({ length: x.rank }, (_, i) => i);
  [perm[x.rank - 2], perm[x.rank - 1]] = [perm[x.rank - 1]!, perm[x.rank - 2]!];
  return tf.transpose(x, perm);
}

/** matMul(x, y, tX, tY) as a plain product of explicitly transposed operands. */
function product(x: tf.Tensor, y: tf.Tensor, tX: boolean, tY: boolean): tf.Tensor {
  return tf.matMul(tX ? swapLast(x) : x, tY ? swapLast(y) : y);
}

let registered = false;

/**
 * Replaces tfjs's BatchMatMul gradient (global, keyed by kernel name) with the same formulas evaluated
 * as transpose + plain matmul. Idempotent; identical results on every backend, faster on wasm.
 */
export function registerFastMatMulGradient(): void {
  if (registered) return;
  registered = true;
  tf.registerGradient({
    kernelName: 'BatchMatMul',
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved, attrs) => {
      const [a, b] = saved as [tf.Tensor, tf.Tensor];
      const { transposeA, transposeB } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
      const g = dy as tf.Tensor;
      if (!transposeA && !transposeB) return { a: () => product(g, b, false, true), b: () => product(a, g, true, false) };
      if (!transposeA && transposeB) return { a: () => product(g, b, false, false), b: () => product(g, a, true, false) };
      if (transposeA && !transposeB) return { a: () => product(b, g, false, true), b: () => product(a, g, false, false) };
      return { a: () => product(b, g, true, true), b: () => product(g, a, true, true) };
    },
  });
}
