// DeepMOT soft proxies (METHODS.md §4.9): D1, D1', D2, D3 against deepmot_ref.py (1e-5), the
// Sinkhorn substitute's gradient against finite differences, and the clip simulation.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { boxDistanceMatrix, deepmotFrame, softAssignSinkhorn, softAssignSoftmax } from '../../../../../src-main/learning/losses/deepmot';
import { deepmotClipLoss } from '../../../../../src-main/learning/losses/deepmotClip';
import { expectClose } from '../../../../helpers/close';
import { mulberry32 } from '../../../../helpers/rng';
import { useTfBackend } from '../../../../helpers/tf';

useTfBackend('wasm');

const A = [[0.9, 0.1], [0.2, 0.8], [0.3, 0.1]];
const D = [[0.1, 0.7], [0.6, 0.2], [0.5, 0.9]];
const HYP = [10, 11, 12];
const GT = [1, 2];

function frame(s: number, prev: Map<number, number>) {
  const [a, d] = [tf.tensor2d(A), tf.tensor2d(D)];
  const sa = softAssignSoftmax(a, s, 0.5);
  const r = deepmotFrame(sa, d, HYP, GT, prev, { gamma: 1, lambda: 5, newMissedCountsAsIDS: true });
  try {
    const one = (t: tf.Tensor): number => t.dataSync()[0]!;
    return { cr: sa.cr.dataSync(), cc: sa.cc.dataSync(), fp: one(r.fp), fn: one(r.fn), ids: one(r.ids), loss: one(r.loss), motp: r.motpDist, prev: r.prev };
  } finally {
    tf.dispose([a, d, sa.cr, sa.cc, r.fp, r.fn, r.ids, r.loss]);
  }
}

describe('DeepMOT proxies', () => {
  it('D1: s = 10, empty memory', () => {
    const r = frame(10, new Map());
    expectClose(r.cr, [0.98169, 0.000329, 0.01798, 0.002356, 0.95033, 0.047314, 0.11731, 0.015876, 0.866813], 1e-5);
    expectClose(r.cc, [0.978755, 0.000867, 0.000893, 0.950922, 0.002426, 0.000867, 0.017927, 0.047344], 1e-5);
    expect(Math.abs(r.fp - 0.932108)).toBeLessThan(1e-5);
    expect(Math.abs(r.fn - 0.06527)).toBeLessThan(1e-5);
    expect(r.ids).toBe(0);
    expect(r.motp).toBeCloseTo(0.15, 6);
    expect(Math.abs(1 - (r.fn + r.fp + r.ids) / 2 - 0.501311)).toBeLessThan(1e-5); // dMOTA
    expect(Math.abs(r.loss - 1.248689)).toBeLessThan(1e-5);
    expect([...r.prev.entries()]).toEqual([[1, 10], [2, 11]]);
  });

  it("D1': s = 100 saturates: hypothesis 12 is clutter", () => {
    const r = frame(100, new Map());
    expect(Math.abs(r.fp - 1)).toBeLessThan(1e-5);
    expect(Math.abs(r.fn)).toBeLessThan(1e-5);
    expect(Math.abs(r.loss - 1.25)).toBeLessThan(1e-5);
  });

  it('D2: memory {1→11, 2→10} makes the current arg-max a swap', () => {
    const r = frame(10, new Map([[1, 11], [2, 10]]));
    expect(Math.abs(r.ids - 1.93297)).toBeLessThan(1e-5);
    expect(Math.abs(1 - (r.fn + r.fp + r.ids) / 2 + 0.465174)).toBeLessThan(1e-5);
    expect(Math.abs(r.loss - 2.215174)).toBeLessThan(1e-5);
    expect([...r.prev.entries()]).toEqual([[1, 10], [2, 11]]);
  });

  it('D3: box distance matrix with the +1-pixel IoU (image 200×100)', () => {
    const d = tf.tidy(() => boxDistanceMatrix(tf.tensor2d([[0, 0, 9, 19], [100, 0, 109, 19]]), tf.tensor2d([[0, 0, 9, 19], [50, 0, 59, 19]]), 200, 100).dataSync());
    expectClose(d, [0.0000025, 0.836539, 0.946561, 0.836539], 1e-5);
  });

  it('the Sinkhorn substitute is a plan with exact marginals and finite-difference gradients', () => {
    const r = mulberry32(2);
    const d0 = Float32Array.from({ length: 12 }, () => r() * 0.6);
    const f = (d: tf.Tensor): tf.Scalar => {
      const sa = softAssignSinkhorn(d as tf.Tensor2D, 0.1, 0.3, 50);
      const out = deepmotFrame(sa, d as tf.Tensor2D, [0, 1, 2], [5, 6, 7, 8], new Map([[5, 1]]), undefined, Int32Array.from([1, 0, 3, 2]));
      return out.loss;
    };
    const x = tf.tensor2d(d0, [3, 4]);
    const g = tf.grad(f)(x);
    try {
      const rows = tf.tidy(() => tf.sum(softAssignSinkhorn(x, 0.1, 0.3).cr, 1).dataSync());
      expectClose(rows, [1, 1, 1], 1e-5);
      const grad = g.dataSync();
      const h = 1e-3;
      for (let k = 0; k < 12; k++) {
        const p = d0.slice();
        const m = d0.slice();
        p[k]! += h;
        m[k]! -= h;
        const fd = tf.tidy(() => (f(tf.tensor2d(p, [3, 4])).dataSync()[0]! - f(tf.tensor2d(m, [3, 4])).dataSync()[0]!) / (2 * h));
        expect(Math.abs(fd - grad[k]!), `entry ${k}`).toBeLessThan(5e-3 + 1e-2 * Math.abs(fd));
      }
    } finally {
      tf.dispose([x, g]);
    }
  });

  it('on a clip, consistent embeddings cost less than embeddings that swap two people', () => {
    // 4 frames × 2 people (+ one FP in frame 2); identities on orthogonal axes.
    const frames = [0, 1, 2, 3].map((t) => ({ rows: t === 2 ? [4, 5, 6] : [2 * t + (t > 2 ? 1 : 0), 2 * t + 1 + (t > 2 ? 1 : 0)], gtIds: t === 2 ? [1, 2, -1] : [1, 2] }));
    const good = [[1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0]];
    const bad = good.map((v, i) => (i === 4 ? [0, 1, 0] : i === 5 ? [1, 0, 0] : v));
    const loss = (e: number[][]): number => tf.tidy(() => deepmotClipLoss(tf.tensor2d(e), frames).loss.dataSync()[0]!);
    const out = tf.tidy(() => {
      const r = deepmotClipLoss(tf.tensor2d(good), frames);
      expect(r.frames).toBe(3);
      return r.loss;
    });
    out.dispose();
    expect(loss(good)).toBeLessThan(loss(bad));
  });
});
