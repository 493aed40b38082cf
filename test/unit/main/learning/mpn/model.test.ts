// The MPN in tfjs (METHODS.md §2.4, §2.6): M3 (class-balanced BCE) and M5 (wiring with deterministic
// weights) against mpn_ref.out.txt, finite-difference gradients per parameter block on wasm, and the wasm
// gradient (customGrad gather/scatter) against the cpu backend. useTfBackend checks every test for leaks.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { buildGraph, DEFAULT_GRAPH_OPTIONS, type MpnGraph } from '../../../../../src-shared/mpn/graph';
import { edgeLabels, graphGtIds } from '../../../../../src-shared/mpn/labels';
import { mpnLoss, posWeight } from '../../../../../src-main/learning/mpn/loss';
import { defaultArch, disposeGraphTensors, type GraphOps, graphTensors, initMpnValues, type MpnArch, mpnForward, mpnParamSpecs } from '../../../../../src-main/learning/mpn/model';
import { gatherRows, indexTensor, segmentSum } from '../../../../../src-main/learning/mpn/segment';
import { expectClose, maxAbsDiff } from '../../../../helpers/close';
import { detLinear, mpnToy } from '../../../../helpers/mpnToy';
import { useTfBackend } from '../../../../helpers/tf';

useTfBackend('wasm');

const toy = mpnToy();
const graph = buildGraph(toy.nodes, toy.features, Int32Array.from({ length: 5 }, (_, i) => i), { ...DEFAULT_GRAPH_OPTIONS, fps: toy.fps });
const labels = edgeLabels(graph, graphGtIds(graph, toy.nodes.gtId));
// mpn_ref.py: node input [frame, id, w/10, h/100].
const X = Float32Array.from(Array.from({ length: 5 }, (_, i) => [toy.nodes.frame[i]!, toy.nodes.gtId[i]!, toy.nodes.tlwh[4 * i + 2]! / 10, toy.nodes.tlwh[4 * i + 3]! / 100]).flat());
const M5_ARCH: MpnArch = { nodeInputDim: 4, nodeEncoder: [8, 4], edgeEncoder: [6, 4], edgeUpdate: [6, 4], message: [5, 4], classifier: [3, 1], steps: 2, classSteps: 1 };
/** tfjs's own gather and unsortedSegmentSum with their stock gradients (UnsortedSegmentSum: cpu only). */
const STOCK_OPS: GraphOps = {
  gather: (x, idx) => tf.gather(x, tf.reshape(idx, [-1])),
  segmentSum: (x, idx, n) => tf.unsortedSegmentSum(x, tf.reshape(idx, [-1]) as tf.Tensor1D, n),
};
const SEEDS: Record<string, number> = { nodeEnc: 100, edgeEnc: 200, edgeUpd: 300, msgFut: 400, msgPast: 500, nodeUpd: 600, cls: 700 };

/** mpn_ref.py's deterministic weights by parameter name (seed of the block + layer index). */
function m5Values(a: MpnArch): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  for (const s of mpnParamSpecs(a)) {
    const [block, layer, kind] = s.name.split('/') as [string, string, string];
    if (kind !== 'kernel') continue;
    const w = detLinear(s.shape[0], s.shape[1]!, SEEDS[block]! + Number(layer));
    out.set(s.name, w.kernel);
    out.set(`${block}/${layer}/bias`, w.bias);
  }
  return out;
}

function withParams<T>(a: MpnArch, values: Map<string, Float32Array>, f: (p: Record<string, tf.Tensor>) => T): T {
  const p: Record<string, tf.Tensor> = {};
  for (const s of mpnParamSpecs(a)) p[s.name] = tf.tensor(values.get(s.name)!, [...s.shape]);
  try {
    return f(p);
  } finally {
    tf.dispose(Object.values(p));
  }
}

function forwardLogits(a: MpnArch, values: Map<string, Float32Array>, g: MpnGraph, x: Float32Array): Float32Array[] {
  const t = graphTensors(g.n, x, a.nodeInputDim, g.edgeAttr, g.src, g.dst);
  try {
    return withParams(a, values, (p) => {
      const out = tf.tidy(() => mpnForward(p, a, t).logits);
      try {
        return out.map((l) => l.dataSync() as Float32Array);
      } finally {
        tf.dispose(out);
      }
    });
  } finally {
    disposeGraphTensors(t);
  }
}

/** A linear probe of every classified step and the final node embeddings: O(1) gradients everywhere, so float32 differences resolve them. */
function probe(out: { logits: tf.Tensor1D[]; nodes: tf.Tensor2D }): tf.Scalar {
  const w = (n: number, k: number): tf.Tensor => tf.tensor(Float32Array.from({ length: n }, (_, i) => Math.sin(0.7 * i + k)));
  const parts = out.logits.map((l, k) => tf.sum(tf.mul(l, w(l.size, k))));
  parts.push(tf.sum(tf.mul(out.nodes, tf.reshape(w(out.nodes.size, 9), out.nodes.shape))));
  return tf.addN(parts) as tf.Scalar;
}

/** Loss (BCE of §2.6, or the probe when `y` is null) and gradients w.r.t. every parameter on the current backend. */
function lossAndGrads(a: MpnArch, values: Map<string, Float32Array>, g: MpnGraph, x: Float32Array, y: Float32Array | null, ops?: GraphOps): { loss: number; grads: Map<string, Float32Array> } {
  const t = graphTensors(g.n, x, a.nodeInputDim, g.edgeAttr, g.src, g.dst);
  const names = mpnParamSpecs(a).map((s) => s.name);
  try {
    return withParams(a, values, (p) => {
      const f = (...ts: tf.Tensor[]): tf.Scalar => {
        const out = mpnForward(Object.fromEntries(names.map((k, i) => [k, ts[i]!])), a, t, false, ops);
        return y ? mpnLoss(out.logits, y) : probe(out);
      };
      const { value, grads } = tf.valueAndGrads(f)(names.map((k) => p[k]!));
      const out = { loss: value.dataSync()[0]!, grads: new Map(names.map((k, i) => [k, grads[i]!.dataSync() as Float32Array])) };
      tf.dispose([value, ...grads]);
      return out;
    });
  } finally {
    disposeGraphTensors(t);
  }
}

describe('MPN loss and forward (§2.10)', () => {
  it('M3: pos_weight and weighted BCE of one step over both directed copies', () => {
    const l = [2, -1, -2, 0.5, -3, -1.5, 1, 0];
    expect(posWeight(labels)).toBeCloseTo(1.666667, 6);
    const v = tf.tidy(() => mpnLoss([tf.tensor1d([...l, ...l])], labels).dataSync()[0]!);
    expect(v).toBeCloseTo(0.715667, 6);
    // Summed over classified steps (§2.6): two identical steps give twice the value.
    const two = tf.tidy(() => mpnLoss([tf.tensor1d([...l, ...l]), tf.tensor1d([...l, ...l])], labels).dataSync()[0]!);
    expect(two).toBeCloseTo(2 * 0.715667, 5);
  });

  it('M5: deterministic tiny MPN logits of the 16 directed edges', () => {
    const out = forwardLogits(M5_ARCH, m5Values(M5_ARCH), graph, X);
    expect(out).toHaveLength(1);
    const ref = [0.048127, 0.044631, 0.027645, 0.055285, 0.055285, 0.045503, 0.056358, 0.027645, 0.044217, 0.040838, 0.027645, 0.048891, 0.045906, 0.040838, 0.062625, 0.027645];
    expectClose(out[0]!, ref, 1e-5);
    // Two steps classified: the last equals the one-step output.
    const both = forwardLogits({ ...M5_ARCH, classSteps: 2 }, m5Values(M5_ARCH), graph, X);
    expect(both).toHaveLength(2);
    expectClose(both[1]!, ref, 1e-5);
  });

  it('the default architecture has ≈0.29 M parameters for 2048-d features (§2.4)', () => {
    const n = mpnParamSpecs(defaultArch(2048)).reduce((s, p) => s + p.shape.reduce((a, b) => a * b, 1), 0);
    expect(n).toBeGreaterThan(280_000);
    expect(n).toBeLessThan(300_000);
  });
});

describe('MPN gradients', () => {
  const arch: MpnArch = { ...M5_ARCH, steps: 3, classSteps: 2 };
  const values = initMpnValues(mpnParamSpecs(arch), 11);
  let seed = 3;
  const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;

  it('gatherRows and segmentSum: central differences on wasm and tfjs stock gradients on cpu', async () => {
    const n = 7;
    const m = 23;
    const idx = Int32Array.from({ length: m }, () => Math.floor(rnd() * n));
    const x0 = Float32Array.from({ length: n * 3 }, () => rnd() - 0.5);
    const e0 = Float32Array.from({ length: m * 3 }, () => rnd() - 0.5);
    // Quadratic probes: central differences are exact up to float32 rounding.
    const wG = tf.tensor2d(Float32Array.from({ length: m * 3 }, (_, i) => Math.sin(i)), [m, 3]);
    const wS = tf.tensor2d(Float32Array.from({ length: n * 3 }, (_, i) => Math.cos(i)), [n, 3]);
    const ix = indexTensor(idx);
    const flat = tf.tensor1d(idx, 'int32');
    try {
      const fG = (x: tf.Tensor): tf.Scalar => tf.sum(tf.mul(wG, tf.square(gatherRows(x as tf.Tensor2D, ix))));
      const fS = (x: tf.Tensor): tf.Scalar => tf.sum(tf.mul(wS, tf.square(segmentSum(x as tf.Tensor2D, ix, n))));
      const check = (f: (x: tf.Tensor) => tf.Scalar, v: Float32Array, rows: number): Float32Array => {
        const g = tf.tidy(() => tf.grad(f)(tf.tensor2d(v, [rows, 3])).dataSync() as Float32Array);
        const at = (u: Float32Array): number => tf.tidy(() => f(tf.tensor2d(u, [rows, 3])).dataSync()[0]!);
        for (let i = 0; i < v.length; i++) {
          const h = 1e-2;
          const up = Float32Array.from(v);
          const dn = Float32Array.from(v);
          up[i]! += h;
          dn[i]! -= h;
          expect(Math.abs((at(up) - at(dn)) / (2 * h) - g[i]!), `entry ${i}`).toBeLessThan(2e-4);
        }
        return g;
      };
      const gG = check(fG, x0, n);
      const gS = check(fS, e0, m);
      await tf.setBackend('cpu');
      try {
        const stockG = tf.tidy(() => tf.grad((x: tf.Tensor) => tf.sum(tf.mul(wG, tf.square(tf.gather(x, flat)))))(tf.tensor2d(x0, [n, 3])).dataSync());
        const stockS = tf.tidy(() => tf.grad((x: tf.Tensor) => tf.sum(tf.mul(wS, tf.square(tf.unsortedSegmentSum(x, flat, n)))))(tf.tensor2d(e0, [m, 3])).dataSync());
        expect(maxAbsDiff(gG, stockG)).toBeLessThan(1e-5);
        expect(maxAbsDiff(gS, stockS)).toBeLessThan(1e-5);
      } finally {
        await tf.setBackend('wasm');
      }
    } finally {
      tf.dispose([wG, wS, ix, flat]);
    }
  });

  it('whole-model gradients on wasm equal the cpu backend with tfjs stock gather / unsortedSegmentSum', async () => {
    const n = 60;
    const nodes = { count: n, frame: Int32Array.from({ length: n }, (_, i) => 1 + Math.floor(i / 6)), tlwh: Float64Array.from({ length: 4 * n }, (_, q) => (q % 4 < 2 ? rnd() * 400 : 40 + rnd() * 60)), score: new Float64Array(n) };
    const feats = { dim: 4, values: Float32Array.from({ length: 4 * n }, () => rnd()) };
    const gtId = Int32Array.from({ length: n }, (_, i) => (rnd() < 0.2 ? -1 : i % 6));
    const g = buildGraph(nodes, feats, Int32Array.from({ length: n }, (_, i) => i), { ...DEFAULT_GRAPH_OPTIONS, k: 8, fps: 10 });
    const y = edgeLabels(g, gtId);
    expect(g.edgeCount).toBeGreaterThan(50);
    const wasm = lossAndGrads(arch, values, g, feats.values, y);
    await tf.setBackend('cpu');
    let cpu: typeof wasm;
    try {
      cpu = lossAndGrads(arch, values, g, feats.values, y, STOCK_OPS);
    } finally {
      await tf.setBackend('wasm');
    }
    expect(Math.abs(wasm.loss - cpu.loss)).toBeLessThan(1e-5);
    for (const [k, gw] of wasm.grads) {
      const gc = cpu.grads.get(k)!;
      const scale = Math.max(1e-3, ...Array.from(gc, Math.abs));
      expect(maxAbsDiff(gw, gc) / scale, k).toBeLessThan(1e-3);
    }
  });

  it('whole-model gradients match central differences on single coordinates away from ReLU kinks', () => {
    const vals = m5Values(arch);
    const base = lossAndGrads(arch, vals, graph, X, null);
    const h = 2e-3;
    let checked = 0;
    for (const s of mpnParamSpecs(arch)) {
      const v = vals.get(s.name)!;
      for (const i of [0, Math.floor(v.length / 2), v.length - 1]) {
        const at = (d: number): number => {
          const m = new Map(vals);
          m.set(s.name, Float32Array.from(v, (x, q) => (q === i ? x + d : x)));
          return lossAndGrads(arch, m, graph, X, null).loss;
        };
        const [up, mid, dn] = [at(h), base.loss, at(-h)];
        // A ReLU switching inside [−h, h] shows as disagreeing one-sided slopes: skip that coordinate.
        if (Math.abs(up - mid - (mid - dn)) > 5e-6) continue;
        checked++;
        const an = base.grads.get(s.name)![i]!;
        expect(Math.abs((up - dn) / (2 * h) - an), `${s.name}[${i}]`).toBeLessThanOrEqual(2e-3 * Math.max(1, Math.abs(an)));
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});
