// The flag-free BatchMatMul gradient equals tfjs's stock one for every transpose combination and for
// batched products (stock values taken before the registration replaces it in this file's process).
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { registerFastMatMulGradient } from '../../../../src-main/learning/matMulGrad';
import { maxAbsDiff } from '../../../helpers/close';
import { useTfBackend } from '../../../helpers/tf';

useTfBackend('wasm');

const CASES = [
  { a: [5, 3], b: [3, 4], tA: false, tB: false },
  { a: [5, 3], b: [4, 3], tA: false, tB: true },
  { a: [3, 5], b: [3, 4], tA: true, tB: false },
  { a: [3, 5], b: [4, 3], tA: true, tB: true },
  { a: [2, 5, 3], b: [2, 3, 4], tA: false, tB: false },
  { a: [2, 3, 5], b: [2, 4, 3], tA: true, tB: true },
] as const;

function grads(c: (typeof CASES)[number]): Float32Array[] {
  const fill = (shape: readonly number[], k: number): tf.Tensor => tf.tensor(Float32Array.from({ length: shape.reduce((x, y) => x * y, 1) }, (_, i) => Math.sin(0.37 * i + k)), [...shape]);
  return tf.tidy(() => {
    const a = fill(c.a, 1);
    const b = fill(c.b, 2);
    const f = (x: tf.Tensor, y: tf.Tensor): tf.Scalar => {
      const out = tf.matMul(x, y, c.tA, c.tB);
      return tf.sum(tf.mul(out, fill(out.shape, 3)));
    };
    return tf.grads(f)([a, b]);
  }).map((g) => {
    const v = g.dataSync() as Float32Array;
    g.dispose();
    return v;
  });
}

describe('registerFastMatMulGradient', () => {
  it('gives the stock gradients for all transpose flags and batched products', () => {
    const stock = CASES.map(grads);
    registerFastMatMulGradient();
    registerFastMatMulGradient(); // idempotent
    CASES.forEach((c, i) => {
      const fast = grads(c);
      expect(maxAbsDiff(fast[0]!, stock[i]![0]!), `da ${JSON.stringify(c)}`).toBeLessThan(1e-5);
      expect(maxAbsDiff(fast[1]!, stock[i]![1]!), `db ${JSON.stringify(c)}`).toBeLessThan(1e-5);
    });
  });
});
