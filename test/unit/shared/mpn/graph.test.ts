// METHODS.md §2.10 M1/M2 on the toy clip (expected values from spec/ref/mpn_ref.out.txt), plus pruning,
// frame-gap and labelling edge cases.
import { describe, expect, it } from 'vitest';
import { buildGraph, DEFAULT_GRAPH_OPTIONS } from '../../../../src-shared/mpn/graph';
import { edgeLabels, graphGtIds } from '../../../../src-shared/mpn/labels';
import { mulberry32 } from '../../../../src-shared/util/random';
import { expectClose } from '../../../helpers/close';
import { mpnToy } from '../../../helpers/mpnToy';

const toy = mpnToy();
const all = Int32Array.from({ length: toy.nodes.count }, (_, i) => i);
const opts = { ...DEFAULT_GRAPH_OPTIONS, fps: toy.fps };

describe('MPN graph (§2.2–2.3)', () => {
  it('M1: undirected edges and their features', () => {
    const g = buildGraph(toy.nodes, toy.features, all, opts);
    expect(Array.from(g.src)).toEqual([0, 0, 0, 1, 1, 1, 2, 2]);
    expect(Array.from(g.dst)).toEqual([2, 3, 4, 2, 3, 4, 3, 4]);
    // mpn_ref.out.txt "M1 edge feats", row by row.
    const ref = [
      [0.033333, 0.1, 0, 0, 0, 0.141421],
      [0.066667, 0.20297, 0.039604, 0.019803, 0.024693, 0.282843],
      [0.066667, 2.028846, 0.173077, 0.076961, 0.04879, 1.272792],
      [0.033333, -1.819048, -0.190476, -0.09531, -0.04879, 1.272792],
      [0.066667, -1.70283, -0.150943, -0.075508, -0.024098, 1.131371],
      [0.066667, 0.091743, -0.018349, -0.018349, 0, 0.141421],
      [0.033333, 0.10396, 0.039604, 0.019803, 0.024693, 0.141421],
      [0.033333, 1.932692, 0.173077, 0.076961, 0.04879, 1.131371],
    ].flat();
    expectClose(g.edgeAttr, ref, 1e-5);
  });

  it('M2: labels, with the gap of id 8 bridged and (0,3) negative', () => {
    const g = buildGraph(toy.nodes, toy.features, all, opts);
    const y = edgeLabels(g, graphGtIds(g, toy.nodes.gtId));
    expect(Array.from(y)).toEqual([1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 1, 1, 0]);
  });

  it('reciprocal KNN equals a brute-force reading of §2.2 (ties: lower index first)', () => {
    const rng = mulberry32(5);
    for (const k of [1, 3, 10]) {
      // 40 nodes over 6 frames; integer features so that equal distances (ties) occur.
      const n = 40;
      const frame = Int32Array.from({ length: n }, (_, i) => 1 + Math.floor((i * 6) / n));
      const nodes = { count: n, frame, tlwh: Float64Array.from({ length: 4 * n }, (_, q) => (q % 4 < 2 ? rng() * 500 : 50 + rng() * 50)), score: new Float64Array(n) };
      const features = { dim: 3, values: Float32Array.from({ length: 3 * n }, () => Math.floor(rng() * 4)) };
      const g = buildGraph(nodes, features, Int32Array.from({ length: n }, (_, i) => i), { ...opts, k });
      const d = (i: number, j: number): number => Math.hypot(...[0, 1, 2].map((q) => features.values[3 * i + q]! - features.values[3 * j + q]!));
      const nearest = (i: number): Set<number> =>
        new Set(
          Array.from({ length: n }, (_, j) => j)
            .filter((j) => frame[j] !== frame[i])
            .sort((a, b) => d(i, a) - d(i, b) || a - b)
            .slice(0, k),
        );
      const knn = Array.from({ length: n }, (_, i) => nearest(i));
      const want: string[] = [];
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (knn[i]!.has(j) && knn[j]!.has(i)) want.push(`${i}-${j}`);
      expect(Array.from(g.src, (s, e) => `${s}-${g.dst[e]}`)).toEqual(want);
    }
  });

  it('maxFrameGap removes long edges; position pruning works without features', () => {
    const g = buildGraph(toy.nodes, undefined, all, { ...opts, maxFrameGap: 1, knn: 'appearance' });
    expect(Array.from(g.src)).toEqual([0, 1, 2, 2]);
    expect(Array.from(g.dst)).toEqual([2, 2, 3, 4]);
    expect(Array.from({ length: g.edgeCount }, (_, e) => g.edgeAttr[6 * e + 5])).toEqual([0, 0, 0, 0]);
    const p = buildGraph(toy.nodes, undefined, all, { ...opts, k: 1, knn: 'position' });
    // Feet displacement / mean height: 2's nearest is 0 (0.100) not 3 (0.111), so only 0↔2 and 1↔4 are mutual.
    expect(Array.from(p.src)).toEqual([0, 1]);
    expect(Array.from(p.dst)).toEqual([2, 4]);
  });

  it('rejects nodes that are not sorted by frame', () => {
    expect(() => buildGraph(toy.nodes, toy.features, Int32Array.of(2, 0), opts)).toThrow(/sorted by frame/);
  });
});
