// FDTA identity-adapter loss (METHODS.md §3.2): F1, F2 against fdta_ref.py (1e-5), the pool filter,
// and the gradient against float32 central finite differences.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QA_INFONCE_OPTIONS, qaInfoNCE } from '../../../../../src-main/learning/losses/qaInfoNCE';
import { mulberry32 } from '../../../../helpers/rng';
import { useTfBackend } from '../../../../helpers/tf';

useTfBackend('wasm');

const value = (z: number[][], ids: number[], q: number[], tauScale = true): number =>
  tf.tidy(() => qaInfoNCE(tf.tensor2d(z), ids, q, { ...DEFAULT_QA_INFONCE_OPTIONS, tauScale }).dataSync()[0]!);

describe('quality-aware InfoNCE', () => {
  const Z1 = [[1, 0], [0.8, 0.6], [0, 1], [-0.6, 0.8]];
  it('F1: code form 0.00513073, paper form 0.0513073, unweighted 0.0637798', () => {
    expect(Math.abs(value(Z1, [1, 1, 2, 2], [0.9, 0.6, 0.8, 1.0]) - 0.00513073)).toBeLessThan(1e-6);
    expect(Math.abs(value(Z1, [1, 1, 2, 2], [0.9, 0.6, 0.8, 1.0], false) - 0.0513073)).toBeLessThan(1e-5);
    expect(Math.abs(value(Z1, [1, 1, 2, 2], [1, 1, 1, 1], false) - 0.0637798)).toBeLessThan(1e-5);
  });

  it('F2: perfectly separated pool gives log(1 + 2e^−10) = 9.0796e−05 (the minimum)', () => {
    const v = value([[1, 0], [1, 0], [0, 1], [0, 1]], [1, 1, 2, 2], [1, 1, 1, 1], false);
    expect(Math.abs(v - Math.log(1 + 2 * Math.exp(-10)))).toBeLessThan(1e-6);
    expect(v).toBeLessThan(value(Z1, [1, 1, 2, 2], [1, 1, 1, 1], false));
  });

  it('leaves crops with q < 0.5 or no identity out of the pool, and is 0 without anchors', () => {
    const base = value(Z1, [1, 1, 2, 2], [0.9, 0.6, 0.8, 1.0]);
    // Extra crops that must not count: a low-quality copy of id 2 and an FP.
    const withJunk = value([...Z1, [0.7, 0.7], [0.9, -0.4]], [1, 1, 2, 2, 2, -1], [0.9, 0.6, 0.8, 1.0, 0.4, 0]);
    expect(withJunk).toBeCloseTo(base, 6);
    expect(value([[1, 0], [0, 1]], [1, 2], [1, 1])).toBe(0);
    expect(value([[1, 0], [0, 1]], [1, 1], [1, 0.3])).toBe(0);
  });

  it('has the gradient of central finite differences (un-normalised input)', () => {
    const r = mulberry32(4);
    const n = 9;
    const D = 5;
    const ids = [0, 1, 2, 0, 1, 2, 0, 1, -1];
    const q = [0.9, 0.7, 0.55, 1, 0.8, 0.6, 0.95, 0.5, 0.9];
    const e = Float32Array.from({ length: n * D }, () => r() * 2 - 1);
    const f = (x: tf.Tensor): tf.Scalar => qaInfoNCE(x as tf.Tensor2D, ids, q, { ...DEFAULT_QA_INFONCE_OPTIONS, tau: 0.5 });
    const x = tf.tensor2d(e, [n, D]);
    const g = tf.grad(f)(x);
    try {
      const grad = g.dataSync();
      const h = 1e-2;
      for (let k = 0; k < n * D; k += 3) {
        const p = e.slice();
        const m = e.slice();
        p[k]! += h;
        m[k]! -= h;
        const fd = tf.tidy(() => (f(tf.tensor2d(p, [n, D])).dataSync()[0]! - f(tf.tensor2d(m, [n, D])).dataSync()[0]!) / (2 * h));
        expect(Math.abs(fd - grad[k]!), `entry ${k}`).toBeLessThan(5e-4 + 1e-2 * Math.abs(fd));
      }
      expect(Math.max(...Array.from(grad.slice(8 * D)).map(Math.abs))).toBe(0); // the FP row gets nothing
    } finally {
      tf.dispose([x, g]);
    }
  });
});
