// UniTrack on MPN edge flows (METHODS.md §1.10): a hand-checked 3-node clip, the exact adjoint against
// float64 central differences, perfect flows giving the minimum, and the tfjs op (flows from logits).
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MPN_UNITRACK, edgeFlows, mpnUnitrackCore, mpnUnitrackLoss, type UtGraph } from '../../../../../src-main/learning/mpn/unitrackEdges';
import { useTfBackend } from '../../../../helpers/tf';

useTfBackend('wasm');

/**
 * One identity observed at t = 0, 1, 2 (centres x = 100, 110, 130, y = 100; diag 100); edges (0,1), (0,2),
 * (1,2) with labels 1, 0, 1 on both copies, no FP/FN (q = 1), λ fixed at (0.5, 0.5).
 */
function chain(): UtGraph {
  const box = (x: number): [number, number, number, number] => [x - 10, 50, x + 10, 150];
  return {
    edgeOffset: 0,
    n: 3,
    src: Int32Array.of(0, 0, 1),
    dst: Int32Array.of(1, 2, 2),
    yOut: Float32Array.of(1, 0, 1),
    yIn: Float32Array.of(1, 0, 1),
    cx: Float64Array.of(100, 110, 130),
    cy: Float64Array.of(100, 100, 100),
    t: Float64Array.of(0, 1, 2),
    diag: 100,
    counts: { fp: 0, p: 3, fn: 0, gt: 3 },
    frames: [100, 110, 130].map((x) => ({ boxesXyxy: Float64Array.from(box(x)), gtIds: Int32Array.of(1) })),
    dt: [1, 1],
  };
}
const FIXED = { ...DEFAULT_MPN_UNITRACK, fixedLambda: [0.5, 0.5] as const };

describe('UniTrack on MPN edges (§1.10)', () => {
  it('hand-checked values', () => {
    // f = [0.8, 0.3, 0.6]. Out sums: node0 1.1, node1 0.6, node2 0 (no positive → relu(1 − 0) = 1);
    // ρ_out = 0.8 + 0.6 + 1 = 2.4, ρ_in = 1 (node0) + 0.8 + 0.6 = 2.4 → 1 − 0.8 − 0.8 = −0.6;
    // conservation relu(1.1 − 1)² = 0.01 over 3 nodes → flow = −0.6 + 0.01/3 = −0.5966667.
    // Spatial: d = 0.1, 0.15 (30 px over 2 steps), 0.2 → (0.08 + 0.045 + 0.12)/3 = 0.0816667.
    // Temporal: path 0→1→2, velocities 0.1 then 0.2, ‖Δv‖² = 0.01, Δt̄ = 1 → 0.8·0.6·0.01/3 = 0.0016.
    // Total = log(3 + 1)·(−0.5966667 + 0.5·0.0816667 + 0.5·0.0016) = −0.7694396.
    const r = mpnUnitrackCore(Float64Array.of(0.8, 0.3, 0.6), [chain()], [0.5, 0.5], FIXED);
    expect(r.values.flow).toBeCloseTo(-0.5966667, 6);
    expect(r.values.spatial).toBeCloseTo(0.0816667, 6);
    expect(r.values.temporal).toBeCloseTo(0.0016, 9);
    expect(r.values.conservation).toBeCloseTo(0.01 / 3, 9);
    expect(r.values.total).toBeCloseTo(-0.7694396, 6);
  });

  it('the adjoint equals float64 central differences (Laplacian λ and q ≠ 1 included)', () => {
    const g = { ...chain(), counts: { fp: 1, p: 3, fn: 1, gt: 3 } };
    // A second graph in the batch at edge offset 3 with a false positive node.
    const g2: UtGraph = { ...chain(), edgeOffset: 3, yOut: Float32Array.of(0, 0, 0), yIn: Float32Array.of(0, 0, 0), cx: Float64Array.of(100, 160, 120) };
    const f = Float64Array.of(0.8, 0.3, 0.6, 0.2, 0.7, 0.9);
    const dy = [1, 0.3, -0.2, 0.7];
    const value = (x: Float64Array): number => {
      const v = mpnUnitrackCore(x, [g, g2], [0.4, 0.6]).values;
      return dy[0]! * v.total + dy[1]! * v.flow + dy[2]! * v.spatial + dy[3]! * v.temporal;
    };
    const bar = mpnUnitrackCore(f, [g, g2], [0.4, 0.6]).backward(dy);
    for (let e = 0; e < f.length; e++) {
      const h = 1e-6;
      const up = Float64Array.from(f);
      const dn = Float64Array.from(f);
      up[e]! += h;
      dn[e]! -= h;
      expect(Math.abs((value(up) - value(dn)) / (2 * h) - bar[e]!), `edge ${e}`).toBeLessThan(1e-7);
    }
  });

  it('GT flows give the minimum flow term −q and no conservation penalty; swapped flows cost more', () => {
    const good = mpnUnitrackCore(Float64Array.of(1, 0, 1), [chain()], [0.5, 0.5], FIXED).values;
    const bad = mpnUnitrackCore(Float64Array.of(0, 1, 0), [chain()], [0.5, 0.5], FIXED).values;
    expect(good.flow).toBeCloseTo(-1, 12);
    expect(good.conservation).toBe(0);
    expect(bad.flow).toBeGreaterThan(good.flow + 1);
    expect(bad.total).toBeGreaterThan(good.total);
  });

  it('as a tfjs op on flows from logits: gradient reaches the logits and matches the core', () => {
    const logits = [2, -1, 0.5, 1.5, -0.5, 0.3]; // forward copies of 3 edges, then reversed copies
    const sig = (x: number): number => 1 / (1 + Math.exp(-x));
    const f = Float64Array.from([0, 1, 2], (e) => (sig(logits[e]!) + sig(logits[3 + e]!)) / 2);
    const core = mpnUnitrackCore(f, [chain()], [0.5, 0.5]);
    const fBar = core.backward([1, 0, 0, 0]);
    const grad = tf.tidy(() => {
      const g = tf.grad((l: tf.Tensor) => {
        const r = mpnUnitrackLoss(edgeFlows(l as tf.Tensor1D), [chain()], [0.5, 0.5]);
        expect(r.values.total).toBeCloseTo(core.values.total, 6);
        expect(r.lambdaState[0]).toBeCloseTo(core.lambdaState[0], 12);
        return tf.reshape(tf.slice(r.terms, [0], [1]), []) as tf.Scalar;
      })(tf.tensor1d(logits));
      return g.dataSync();
    });
    for (let e = 0; e < 3; e++) {
      expect(grad[e]).toBeCloseTo(0.5 * sig(logits[e]!) * (1 - sig(logits[e]!)) * fBar[e]!, 6);
      expect(grad[3 + e]).toBeCloseTo(0.5 * sig(logits[3 + e]!) * (1 - sig(logits[3 + e]!)) * fBar[e]!, 6);
    }
  });
});
