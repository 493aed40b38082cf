// UniTrack (METHODS.md §1.9): U1–U10 against unitrack_ref.py (tolerance 1e-5; U9 1e-4), the adjoint
// against float64 finite differences, and the tfjs op's gradient against float32 finite differences.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { sinkhornDustbinOp } from '../../../../../src-main/learning/sinkhorn';
import { DEFAULT_UNITRACK_OPTIONS, unitrackFromLogits, unitrackLoss } from '../../../../../src-main/learning/losses/unitrack';
import { DEFAULT_UNITRACK_CORE, type UnitrackWindow, pairMotion, qualityFactor, spatialTerm, temporalTerm, unitrackCore } from '../../../../../src-main/learning/losses/unitrackCore';
import { lambdaFromSigmas, sigmaSpatialFrame, sigmaTrack } from '../../../../../src-main/learning/losses/unitrackLambda';
import { expectClose } from '../../../../helpers/close';
import { mulberry32 } from '../../../../helpers/rng';
import { useTfBackend } from '../../../../helpers/tf';

useTfBackend('wasm');

const ITER200 = { ...DEFAULT_UNITRACK_CORE, iters: 200, eta: 1 };

/** Logits nAll × nAll with the given block at (rowsA, rowsB). */
function logitsWith(nAll: number, rowsA: number[], rowsB: number[], block: number[]): Float64Array {
  const l = new Float64Array(nAll * nAll);
  rowsA.forEach((a, i) => rowsB.forEach((b, j) => (l[a * nAll + b] = block[i * rowsB.length + j]!)));
  return l;
}

/** A window whose frames are consecutive row ranges. */
function window(boxes: number[][], ids: number[][], diag: number, counts = { fp: 0, p: 0, fn: 0, gt: 0 }, dt?: number[]): UnitrackWindow {
  let next = 0;
  const frames = boxes.map((b, t) => ({ rows: ids[t]!.map(() => next++), boxesXyxy: b, gtIds: ids[t]! }));
  const p = counts.p || next;
  return { frames, diag, counts: { ...counts, p, gt: counts.gt || p }, ...(dt ? { dt } : {}) };
}

const BOX2 = [0, 0, 10, 20, 100, 0, 110, 20];

describe('UniTrack U1–U10', () => {
  it('U1 / U3 / U10 through the tfjs Sinkhorn op', () => {
    const s1 = tf.tensor2d([[5, 0], [0, 5]]);
    const s3 = tf.tensor2d([[4], [0]]);
    const s10 = tf.zeros([0, 2]) as tf.Tensor2D;
    const z = tf.scalar(1);
    const [f1, f3, f10] = [sinkhornDustbinOp(s1, z, 200), sinkhornDustbinOp(s3, z, 200), sinkhornDustbinOp(s10, z)];
    try {
      expectClose(Array.from(f1.dataSync()).slice(0, 8), [0.834185, 0.005621, 0.160194, 0.005621, 0.834185, 0.160194, 0.160194, 0.160194], 1e-5);
      expectClose(Array.from(f3.dataSync()).slice(0, 5), [0.784291, 0.215709, 0.062435, 0.937565, 0.153274], 1e-5);
      expect(Array.from(f10.dataSync())).toEqual([1, 1, 0]);
    } finally {
      tf.dispose([s1, s3, s10, z, f1, f3, f10]);
    }
  });

  it('U2: L_flow,t = −0.668370 for ids [1,2]→[1,2] and +0.988759 for [1,2]→[2,1]', () => {
    const l = logitsWith(4, [0, 1], [2, 3], [5, 0, 0, 5]);
    for (const [idsB, want] of [[[1, 2], -0.66837], [[2, 1], 0.988759]] as const) {
      const w = window([BOX2, BOX2], [[1, 2], [...idsB]], 200);
      expect(unitrackCore(l, 4, 1, [w], [0.5, 0.5], ITER200).values.flow).toBeCloseTo(want, 5);
    }
  });

  it('U3: birth/death target, L_flow,t = −0.645218', () => {
    const l = logitsWith(3, [0, 1], [2], [4, 0]);
    const w = window([BOX2, [0, 0, 10, 20]], [[1, 2], [1]], 200);
    expect(Math.abs(unitrackCore(l, 3, 1, [w], [0.5, 0.5], ITER200).values.flow + 0.645218)).toBeLessThan(1e-5);
  });

  it('U4: q = 0.557106 for FP=1, P=4, FN=2, GT=5; 1 without errors', () => {
    expect(Math.abs(qualityFactor(1, 4, 2, 5, 0.9) - 0.557106)).toBeLessThan(1e-6);
    expect(qualityFactor(0, 4, 0, 4)).toBe(1);
    expect(qualityFactor(1000, 1, 1000, 1)).toBe(Math.exp(-20)); // the −20 clamp
  });

  it('U5: spatial term with hard flows is 0 correct, 0.5 swapped (diag 200)', () => {
    const mo = pairMotion(BOX2, 2, BOX2, 2, 200);
    expect(spatialTerm([1, 0, 0, 0, 1, 0, 0, 0, 0], mo)).toBe(0);
    expect(Math.abs(spatialTerm([0, 1, 0, 1, 0, 0, 0, 0, 0], mo) - 0.5)).toBeLessThan(1e-12);
  });

  it('U6: temporal term ≈ 0 at constant velocity, 0.04 for a jump (diag 100, hard flows)', () => {
    const hard = [1, 0, 0, 0];
    const run = (last: number): number =>
      temporalTerm(hard, pairMotion([0, 0, 10, 20], 1, [10, 0, 20, 20], 1, 100), hard, pairMotion([10, 0, 20, 20], 1, [last, 0, last + 10, 20], 1, 100), 1);
    expect(run(20)).toBeLessThanOrEqual(1e-30);
    expect(Math.abs(run(40) - 0.04)).toBeLessThan(1e-12);
  });

  it('U7: λ2 of P5, σ̂_s of two boxes, σ̂_t of a 3-observation track, λ from σ', () => {
    expect(Math.abs(sigmaSpatialFrame([0, 0, 50, 100, 100, 0, 150, 100], 2) - Math.exp(-0.5))).toBeLessThan(1e-12);
    expect(Math.abs(sigmaTrack([[0, 0], [25, 0], [50, 0]], [100, 100, 100], [0, 1, 2]) - Math.exp(-0.125))).toBeLessThan(1e-12);
    expect(Math.abs(sigmaTrack([[0, 0], [25, 0], [50, 0]], [100, 100, 100], [0, 1, 2]) - 0.882497)).toBeLessThan(1e-6);
    const [ls, lt] = lambdaFromSigmas(0.1, 0.3);
    expect(ls).toBeCloseTo(0.75, 12);
    expect(lt).toBeCloseTo(0.25, 12);
    // 'separation' (1 − A): two boxes 100 px apart, h = 100 → λ2/n = 1 − e^{−0.5}.
    expect(sigmaSpatialFrame([0, 0, 50, 100, 100, 0, 150, 100], 2, 1, 'separation')).toBeCloseTo(1 - Math.exp(-0.5), 12);
  });

  const U8_BOXES = [
    [100, 100, 150, 200, 300, 100, 350, 200],
    [110, 100, 160, 200, 290, 100, 340, 200],
    [120, 100, 170, 200, 280, 100, 330, 200],
  ];
  const U8_IDS = [[1, 2], [1, 2], [1, 2]];
  function u8(swapMiddle: boolean, counts = { fp: 0, p: 6, fn: 0, gt: 6 }, fixed?: [number, number]) {
    const mid = swapMiddle ? [0, 1, 1, 0] : [1, 0, 0, 1];
    const emb = tf.tensor2d([1, 0, 0, 1, ...mid, 1, 0, 0, 1], [6, 2]);
    const z = tf.scalar(1);
    const out = unitrackLoss(emb, z, [window(U8_BOXES, U8_IDS, 500, counts)], [0.5, 0.5], { ...DEFAULT_UNITRACK_OPTIONS, iters: 200, eta: 1, ...(fixed ? { fixedLambda: fixed } : {}) });
    const terms = Array.from(out.terms.dataSync());
    tf.dispose([emb, z, out.terms]);
    return { ...out.values, terms };
  }

  it('U8: full window (W=3, two people, one-hot embeddings)', () => {
    const v = u8(false);
    expect(Math.abs(v.flow + 0.968976)).toBeLessThan(1e-5);
    expect(v.q).toBe(1);
    expect(Math.abs(v.spatial - 0.0197059)).toBeLessThan(1e-6);
    expect(Math.abs(v.temporal - 1.15473e-5)).toBeLessThan(1e-9);
    expect(Math.abs(v.sigmaS! - 0.203757)).toBeLessThan(1e-5);
    expect(Math.abs(v.sigmaT! - 0.980199)).toBeLessThan(1e-5);
    expect(Math.abs(v.lambdaS - 0.827901)).toBeLessThan(1e-5);
    expect(Math.abs(v.lambdaT - 0.172099)).toBeLessThan(1e-5);
    expect(v.edges).toBe(8);
    expect(Math.abs(v.total + 2.093207)).toBeLessThan(1e-5);
    expectClose(v.terms, [-2.093207, -0.968976, 0.0197059, 1.15473e-5], 1e-5); // the float32 op output
    expect(Math.abs(u8(false, undefined, [0.5, 0.5]).total + 2.107396)).toBeLessThan(1e-5);
    const q = u8(false, { fp: 1, p: 6, fn: 2, gt: 7 });
    expect(Math.abs(q.q - 0.665549)).toBeLessThan(1e-6);
    expect(Math.abs(q.total + 1.381142)).toBeLessThan(1e-5);
  });

  it('U8b: swapped middle embeddings cost more (perfect input gives the lower loss)', () => {
    const v = u8(true);
    expect(Math.abs(v.flow - 0.999911)).toBeLessThan(1e-5);
    expect(Math.abs(v.spatial - 0.354417)).toBeLessThan(1e-5);
    expect(Math.abs(v.temporal - 0.502453)).toBeLessThan(1e-5);
    expect(Math.abs(v.total - 3.03174)).toBeLessThan(1e-5);
    expect(v.total).toBeGreaterThan(u8(false).total);
  });

  it('U9: tf.grad of L_flow w.r.t. the logits and z (tolerance 1e-4)', () => {
    const w = window([BOX2, BOX2], [[1, 2], [1, 2]], 200);
    const l = tf.tensor2d(Float32Array.from(logitsWith(4, [0, 1], [2, 3], [5, 0, 0, 5])), [4, 4]);
    const z = tf.scalar(1);
    const [gl, gz] = tf.grads((a: tf.Tensor, b: tf.Tensor) => {
      const out = unitrackFromLogits(a as tf.Tensor2D, b as tf.Scalar, [w], [0.5, 0.5], ITER200);
      return tf.slice(out.terms, [1], [1]).sum();
    })([l, z]);
    try {
      const g = gl!.dataSync();
      expectClose([g[2]!, g[3]!, g[6]!, g[7]!], [-0.071952, 0.005136, 0.005136, -0.071952], 1e-4);
      expect(Math.abs(gz!.dataSync()[0]! - 0.133632)).toBeLessThan(1e-4);
    } finally {
      tf.dispose([l, z, gl!, gz!]);
    }
  });

  it('U10: empty frames keep only the non-empty half of the flow term and no spatial/temporal cost', () => {
    const w = window([[], BOX2, []], [[], [1, 2], []], 200, { fp: 0, p: 2, fn: 0, gt: 2 });
    const v = unitrackCore(new Float64Array(4), 2, 1, [w], [0.5, 0.5], ITER200).values;
    expect(v.flow).toBeCloseTo(-0.5, 12); // each transition: births (or deaths) all take the dustbin: 1/2 − 1
    expect(v.spatial).toBe(0);
    expect(v.temporal).toBe(0);
    expect(v.edges).toBe(0);
    expect(v.total).toBe(0); // log(|E| + 1) = 0
  });
});

describe('UniTrack gradients and state', () => {
  // W = 5 with an FP, a birth, an exit, an empty frame, uneven gaps and motion logits.
  const r = mulberry32(17);
  const box = (x: number): number[] => [x, 50, x + 20, 110];
  const W5 = window(
    [[...box(10), ...box(80), ...box(200)], [...box(14), ...box(86)], [...box(18), ...box(90), ...box(150)], [], [...box(30), ...box(98)]],
    [[1, 2, -1], [1, 2], [1, 2, 3], [], [1, 3]],
    640,
    { fp: 1, p: 10, fn: 2, gt: 11 },
    [1, 2, 1, 1],
  );
  const nAll = 10;
  const motion = W5.frames.slice(0, -1).map((f, t) => Array.from({ length: f.rows.length * W5.frames[t + 1]!.rows.length }, () => r() - 0.5));
  const W5m: UnitrackWindow = { ...W5, motionLogits: motion };
  const logits = Float64Array.from({ length: nAll * nAll }, () => r() * 16 - 8);

  it('the core adjoint equals float64 central differences for every output, logit and z', () => {
    const opts = { ...DEFAULT_UNITRACK_CORE, iters: 30, eta: 0.3 };
    const dy: [number, number, number, number] = [0.7, -0.3, 1.3, 50];
    const f = (l: Float64Array, z: number): number => {
      const v = unitrackCore(l, nAll, z, [W5m, W5], [0.4, 0.6], opts).values;
      return dy[0] * v.total + dy[1] * v.flow + dy[2] * v.spatial + dy[3] * v.temporal;
    };
    const z = 2.5;
    const g = unitrackCore(logits, nAll, z, [W5m, W5], [0.4, 0.6], opts).backward(dy);
    const h = 1e-6;
    let checked = 0;
    for (let k = 0; k < nAll * nAll; k++) {
      const lp = logits.slice();
      const lm = logits.slice();
      lp[k]! += h;
      lm[k]! -= h;
      const fd = (f(lp, z) - f(lm, z)) / (2 * h);
      expect(Math.abs(fd - g.logitsBar[k]!), `logit ${k}`).toBeLessThan(1e-7 + 1e-6 * Math.abs(fd));
      if (fd !== 0) checked++;
    }
    expect(checked).toBe(12); // exactly the 3·2 + 2·3 logits of non-empty transitions matter
    expect(Math.abs((f(logits, z + h) - f(logits, z - h)) / (2 * h) - g.zBar)).toBeLessThan(1e-7);
  });

  it('the tfjs op gradient w.r.t. embeddings matches float32 finite differences', () => {
    const D = 6;
    const e = Float32Array.from({ length: nAll * D }, () => r() * 2 - 1);
    const loss = (x: tf.Tensor2D): tf.Scalar => {
      const out = unitrackLoss(tf.div(x, tf.norm(x, 'euclidean', 1, true)) as tf.Tensor2D, tf.scalar(3), [W5m], [0.5, 0.5], { ...DEFAULT_UNITRACK_OPTIONS, tau: 0.5 });
      return tf.sum(tf.mul(out.terms, tf.tensor1d([1, 0.5, 2, 100]))) as tf.Scalar;
    };
    const x = tf.tensor2d(e, [nAll, D]);
    const g = tf.grad((t: tf.Tensor) => loss(t as tf.Tensor2D))(x);
    try {
      const grad = g.dataSync();
      const h = 1e-2;
      for (const k of [0, 7, 13, 22, 31, 44, 58]) {
        const p = e.slice();
        const m = e.slice();
        p[k]! += h;
        m[k]! -= h;
        const fd = tf.tidy(() => (loss(tf.tensor2d(p, [nAll, D])).dataSync()[0]! - loss(tf.tensor2d(m, [nAll, D])).dataSync()[0]!) / (2 * h));
        expect(Math.abs(fd - grad[k]!), `entry ${k}: fd ${fd} vs ${grad[k]}`).toBeLessThan(2e-3 + 2e-2 * Math.abs(fd));
      }
    } finally {
      tf.dispose([x, g]);
    }
  });

  it('λ̄ follows the EMA with η and windows with P = 0 are skipped', () => {
    const empty: UnitrackWindow = { frames: [{ rows: [], boxesXyxy: [], gtIds: [] }, { rows: [], boxesXyxy: [], gtIds: [] }], diag: 1, counts: { fp: 0, p: 0, fn: 0, gt: 0 } };
    const one = unitrackCore(logits, nAll, 1, [W5], [0.5, 0.5], { ...DEFAULT_UNITRACK_CORE, eta: 1 });
    const ema = unitrackCore(logits, nAll, 1, [empty, W5], [0.5, 0.5], DEFAULT_UNITRACK_CORE);
    expect(ema.values.windows).toBe(1);
    expect(ema.lambdaState[0]).toBeCloseTo(0.99 * 0.5 + 0.01 * one.lambdaState[0], 12);
    expect(ema.lambdaState[0] + ema.lambdaState[1]).toBeCloseTo(1, 12);
  });

  it("spatialGraph 'separation' gives crowded frames more spatial weight than 'proximity'", () => {
    const crowded = window([[...box(10), ...box(20), ...box(30)], [...box(12), ...box(22), ...box(32)]], [[1, 2, 3], [1, 2, 3]], 640);
    const prox = unitrackCore(logits, nAll, 1, [crowded], [0.5, 0.5], { ...DEFAULT_UNITRACK_CORE, eta: 1 }).lambdaState[0];
    const sep = unitrackCore(logits, nAll, 1, [crowded], [0.5, 0.5], { ...DEFAULT_UNITRACK_CORE, eta: 1, spatialGraph: 'separation' }).lambdaState[0];
    expect(sep).toBeGreaterThan(prox);
  });
});
