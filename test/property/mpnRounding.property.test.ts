// MPN exact rounding (METHODS.md §2.8 step 5) on random graphs: never more than one active in-edge or
// out-edge per node, only edges with p > 0.5 active, and the total weight Σ(2p − 1) equals the best
// feasible subset found by brute force (so the bipartite-matching reformulation is the LP optimum).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowViolations, roundEdges } from '../../src-shared/mpn/rounding';

/** Random DAG-like edge lists: src < dst over n nodes, unique pairs, probabilities with exact 0.5 ties. */
const graphs = fc
  .integer({ min: 2, max: 7 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.uniqueArray(
        fc.tuple(fc.integer({ min: 0, max: n - 2 }), fc.integer({ min: 1, max: n - 1 })).filter(([a, b]) => a < b),
        { maxLength: 12, selector: ([a, b]) => `${a}-${b}` },
      ),
    }),
  )
  .chain(({ n, edges }) => fc.record({ n: fc.constant(n), edges: fc.constant(edges), p: fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(0.5)), { minLength: edges.length, maxLength: edges.length }) }));

function bestFeasible(n: number, src: number[], dst: number[], p: number[]): number {
  let best = 0;
  for (let mask = 0; mask < 1 << p.length; mask++) {
    const out = new Uint8Array(n);
    const inn = new Uint8Array(n);
    let ok = true;
    let w = 0;
    for (let e = 0; e < p.length && ok; e++) {
      if (!(mask & (1 << e))) continue;
      if (!(p[e]! > 0.5) || out[src[e]!] || inn[dst[e]!]) ok = false;
      out[src[e]!] = 1;
      inn[dst[e]!] = 1;
      w += 2 * p[e]! - 1;
    }
    if (ok) best = Math.max(best, w);
  }
  return best;
}

describe('MPN exact rounding', () => {
  it('keeps flow constraints, activates only p > 0.5 and reaches the optimum', () => {
    fc.assert(
      fc.property(graphs, ({ n, edges, p }) => {
        const src = edges.map((e) => e[0]);
        const dst = edges.map((e) => e[1]);
        const active = roundEdges(n, src, dst, p);
        expect(flowViolations(n, src, dst, active)).toBe(0);
        for (let e = 0; e < p.length; e++) if (active[e]) expect(p[e]).toBeGreaterThan(0.5);
        const got = p.reduce((s, x, e) => s + (active[e] ? 2 * x - 1 : 0), 0);
        expect(got).toBeCloseTo(bestFeasible(n, src, dst, p), 9);
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});
