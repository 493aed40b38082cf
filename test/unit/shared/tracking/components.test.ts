// assignComponents must give the matching of one assignWithCostLimit solve of the whole matrix
// (the scipy port on lap's extended matrix) whenever the optimum is unique: random matrices with
// continuous costs have a unique optimum with probability 1.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignWithCostLimit } from '../../../../src-shared/assignment/lap';
import { assignComponents } from '../../../../src-shared/tracking/components';

describe('assignComponents', () => {
  it('equals the whole-matrix solve on random sparse cost matrices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (rows, cols, seed) => {
        let s = seed;
        const rnd = (): number => ((s = (Math.imul(s, 48271) >>> 0) % 2147483647) / 2147483647);
        // Mostly infeasible pairs (cost 1), some feasible ones in [0, 0.9): clusters of candidates.
        const cost = Float64Array.from({ length: rows * cols }, () => (rnd() < 0.3 ? rnd() * 0.9 : 1));
        const whole = assignWithCostLimit(cost, rows, cols, 0.8);
        const parts = assignComponents(cost, rows, cols, 0.8);
        expect(Array.from(parts.rowToCol)).toEqual(Array.from(whole.rowToCol));
        expect(Array.from(parts.colToRow)).toEqual(Array.from(whole.colToRow));
      }),
      { numRuns: 300 },
    );
  });

  it('matches a lone pair only below the limit', () => {
    expect(Array.from(assignComponents(Float64Array.of(0.5, 1, 1, 0.95), 2, 2, 0.9).rowToCol)).toEqual([0, -1]);
  });
});
