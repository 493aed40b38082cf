// Baseline loss: label-smoothed identity cross-entropy and batch-hard triplet, hand-checked values and
// finite-difference gradients.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { batchHardTriplet, identityCrossEntropy } from '../../../../../src-main/learning/losses/baseline';
import { mulberry32 } from '../../../../helpers/rng';
import { useTfBackend } from '../../../../helpers/tf';

useTfBackend('wasm');

const num = (f: () => tf.Tensor): number => tf.tidy(() => f().dataSync()[0]!);

describe('identity cross-entropy', () => {
  it('equals −Σ target·log softmax with target (1 − ε)·onehot + ε/K, over labelled rows only', () => {
    // Row 0: logits [2, 0, 0], label 0; row 1 unlabelled (FP); row 2: logits [0, 1, 0], label 2.
    const lse0 = Math.log(Math.exp(2) + 2);
    const lse2 = Math.log(2 + Math.exp(1));
    const ce = (lp: number[], y: number): number => -lp.reduce((s, v, c) => s + (c === y ? 0.9 + 0.1 / 3 : 0.1 / 3) * v, 0);
    const want = (ce([2 - lse0, -lse0, -lse0], 0) + ce([-lse2, 1 - lse2, -lse2], 2)) / 2;
    const got = num(() => identityCrossEntropy(tf.tensor2d([[2, 0, 0], [5, 5, 5], [0, 1, 0]]), [0, -1, 2], 0.1));
    expect(got).toBeCloseTo(want, 6);
    expect(num(() => identityCrossEntropy(tf.tensor2d([[1, 2]]), [-1]))).toBe(0);
  });
});

describe('batch-hard triplet', () => {
  it('takes the farthest positive and the nearest negative per anchor', () => {
    // Unit vectors at angles 0°, 60° (id 1) and 90°, 180° (id 2); distances 2·sin(Δ/2).
    const ang = [0, 60, 90, 180].map((d) => (d * Math.PI) / 180);
    const emb = ang.map((a) => [Math.cos(a), Math.sin(a)]);
    const d = (a: number, b: number): number => 2 * Math.sin(Math.abs(ang[a]! - ang[b]!) / 2);
    const m = 0.3;
    const per = [
      Math.max(0, m + d(0, 1) - Math.min(d(0, 2), d(0, 3))),
      Math.max(0, m + d(1, 0) - Math.min(d(1, 2), d(1, 3))),
      Math.max(0, m + d(2, 3) - Math.min(d(2, 0), d(2, 1))),
      Math.max(0, m + d(3, 2) - Math.min(d(3, 0), d(3, 1))),
    ];
    const got = num(() => batchHardTriplet(tf.tensor2d(emb), [1, 1, 2, 2], m));
    expect(got).toBeCloseTo(per.reduce((a, b) => a + b) / 4, 5);
    expect(num(() => batchHardTriplet(tf.tensor2d([[1, 0], [0, 1]]), [1, 2]))).toBe(0); // no positives
  });

  it('has the gradient of central finite differences', () => {
    const r = mulberry32(9);
    const n = 8;
    const D = 4;
    const ids = [0, 0, 1, 1, 2, 2, 0, -1];
    const e = Float32Array.from({ length: n * D }, () => r() * 2 - 1);
    const f = (x: tf.Tensor): tf.Scalar => {
      const u = tf.div(x, tf.norm(x, 'euclidean', 1, true)) as tf.Tensor2D;
      const logits = tf.matMul(x, tf.tensor2d(Float32Array.from({ length: D * 3 }, (_, i) => Math.sin(i + 1)), [D, 3])) as tf.Tensor2D;
      return tf.add(batchHardTriplet(u, ids, 1.5), identityCrossEntropy(logits, ids, 0.1)) as tf.Scalar;
    };
    const x = tf.tensor2d(e, [n, D]);
    const g = tf.grad(f)(x);
    try {
      const grad = g.dataSync();
      const h = 1e-3;
      for (let k = 0; k < n * D; k++) {
        const p = e.slice();
        const m = e.slice();
        p[k]! += h;
        m[k]! -= h;
        const fd = tf.tidy(() => (f(tf.tensor2d(p, [n, D])).dataSync()[0]! - f(tf.tensor2d(m, [n, D])).dataSync()[0]!) / (2 * h));
        expect(Math.abs(fd - grad[k]!), `entry ${k}`).toBeLessThan(2e-3 + 1e-2 * Math.abs(fd));
      }
    } finally {
      tf.dispose([x, g]);
    }
  });
});
