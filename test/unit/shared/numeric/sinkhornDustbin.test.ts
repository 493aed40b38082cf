// Log-domain Sinkhorn with a dustbin: METHODS.md §1.9 U1, U3, U9 (gradients), U10, marginals, and the
// hand-written adjoint against float64 central finite differences on random problems.
import { describe, expect, it } from 'vitest';
import { sinkhornDustbin } from '../../../../src-shared/numeric/sinkhornDustbin';
import { mulberry32 } from '../../../helpers/rng';
import { expectClose } from '../../../helpers/close';

describe('sinkhornDustbin', () => {
  it('U1: S = [[5,0],[0,5]], z = 1, 200 iterations', () => {
    const { plan } = sinkhornDustbin([5, 0, 0, 5], 2, 2, 1, 200);
    expectClose(Array.from(plan).slice(0, 8), [0.834185, 0.005621, 0.160194, 0.005621, 0.834185, 0.160194, 0.160194, 0.160194], 1e-6);
    expect(plan[0]! + plan[1]! + plan[2]!).toBeCloseTo(1, 12);
    expect(plan[6]! + plan[7]! + plan[8]!).toBeCloseTo(2, 6); // dustbin row sums to M
    expect(plan[2]! + plan[5]! + plan[8]!).toBeCloseTo(2, 6); // dustbin column sums to N
  });

  it('U3: S = [[4],[0]], z = 1 (object 2 exits)', () => {
    const { plan } = sinkhornDustbin([4, 0], 2, 1, 1, 200);
    expectClose(Array.from(plan).slice(0, 5), [0.784291, 0.215709, 0.062435, 0.937565, 0.153274], 1e-6);
  });

  it('U10: closed forms for N = 0 and M = 0, with zero derivative', () => {
    const a = sinkhornDustbin([], 0, 2, 1);
    expect(Array.from(a.plan)).toEqual([1, 1, 0]);
    const b = sinkhornDustbin([], 2, 0, 1);
    expect(Array.from(b.plan)).toEqual([1, 1, 0]);
    expect(b.backward([1, 1, 1]).zBar).toBe(0);
  });

  it('50 iterations give marginal error < 1e-6 for a random 30 × 40 problem', () => {
    const r = mulberry32(5);
    const [N, M] = [30, 40];
    const s = Array.from({ length: N * M }, () => r() * 20 - 10);
    const { plan } = sinkhornDustbin(s, N, M, 5, 50);
    for (let i = 0; i < N; i++) {
      let row = 0;
      for (let j = 0; j <= M; j++) row += plan[i * (M + 1) + j]!;
      expect(Math.abs(row - 1)).toBeLessThan(1e-6);
    }
    for (let j = 0; j < M; j++) {
      let col = 0;
      for (let i = 0; i <= N; i++) col += plan[i * (M + 1) + j]!;
      expect(Math.abs(col - 1)).toBeLessThan(1e-6);
    }
  });

  it('U9: ∂L_flow/∂S and ∂L_flow/∂z of the correct-ids flow term', () => {
    const r = sinkhornDustbin([5, 0, 0, 5], 2, 2, 1, 200);
    // L_flow = 1 − mean_i F[i,i] − mean_j F[j,j]: dL/dF = −1/2 − 1/2 on each diagonal entry.
    const bar = [-1, 0, 0, 0, -1, 0, 0, 0, 0];
    const g = r.backward(bar);
    expectClose(g.logitsBar, [-0.071952, 0.005136, 0.005136, -0.071952], 1e-6);
    expect(g.zBar).toBeCloseTo(0.133632, 6);
  });

  it('the adjoint equals float64 central differences of the unrolled iterations', () => {
    const r = mulberry32(11);
    for (const [N, M, iters] of [[3, 4, 50], [5, 2, 20], [1, 1, 7]] as const) {
      const s = Array.from({ length: N * M }, () => r() * 8 - 4);
      const z = r() * 4;
      const bar = Array.from({ length: (N + 1) * (M + 1) }, () => r() * 2 - 1);
      const f = (ss: number[], zz: number): number => sinkhornDustbin(ss, N, M, zz, iters).plan.reduce((a, p, k) => a + p * bar[k]!, 0);
      const g = sinkhornDustbin(s, N, M, z, iters).backward(bar);
      const h = 1e-6;
      for (let k = 0; k < N * M; k++) {
        const sp = s.slice();
        const sm = s.slice();
        sp[k]! += h;
        sm[k]! -= h;
        expect(Math.abs((f(sp, z) - f(sm, z)) / (2 * h) - g.logitsBar[k]!)).toBeLessThan(1e-7);
      }
      expect(Math.abs((f(s, z + h) - f(s, z - h)) / (2 * h) - g.zBar)).toBeLessThan(1e-7);
    }
  });
});
