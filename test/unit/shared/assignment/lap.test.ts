// Hand-checked cases for the scipy port and the lapjv rebuild; the exhaustive checks are in
// test/property/lap.property.test.ts (brute force) and test/integration/lap.scipy.test.ts (scipy itself).
import { describe, expect, it } from 'vitest';
import { assignWithCostLimit, linearSumAssignment } from '../../../../src-shared/assignment/lap';
import { assignPartial } from '../../../../src-shared/assignment/partial';

const m = (rows: number[][]): Float64Array => Float64Array.from(rows.flat());

describe('linearSumAssignment', () => {
  it('solves the scipy docstring example: [[4,1,3],[2,0,5],[3,2,2]] -> cols [1,0,2], cost 1+2+2 = 5', () => {
    const a = linearSumAssignment(m([[4, 1, 3], [2, 0, 5], [3, 2, 2]]), 3, 3);
    expect([...a.rowToCol]).toEqual([1, 0, 2]);
    expect([...a.colToRow]).toEqual([1, 0, 2]);
  });

  it('gives the identity on a constant matrix (scipy #11602: columns scanned in reverse)', () => {
    const a = linearSumAssignment(new Float64Array(16).fill(7), 4, 4);
    expect([...a.rowToCol]).toEqual([0, 1, 2, 3]);
  });

  it('assigns every row of a wide matrix and every column of a tall one', () => {
    // Wide 2x3: row 0 best at col 2 (0), row 1 best at col 0 (1): total 1.
    const wide = linearSumAssignment(m([[5, 5, 0], [1, 9, 9]]), 2, 3);
    expect([...wide.rowToCol]).toEqual([2, 0]);
    expect([...wide.colToRow]).toEqual([1, -1, 0]);
    // The transpose (tall 3x2) gives the same pairs: scipy solves tall matrices transposed.
    const tall = linearSumAssignment(m([[5, 1], [5, 9], [0, 9]]), 3, 2);
    expect([...tall.rowToCol]).toEqual([1, -1, 0]);
    expect([...tall.colToRow]).toEqual([2, 0]);
  });

  it('maximizes: [[1,2],[3,1]] -> max is 2+3 = 5 via cols [1,0]', () => {
    expect([...linearSumAssignment(m([[1, 2], [3, 1]]), 2, 2, true).rowToCol]).toEqual([1, 0]);
    expect([...linearSumAssignment(m([[1, 2], [3, 1]]), 2, 2).rowToCol]).toEqual([0, 1]);
  });

  it('treats +Infinity as a large cost while a finite assignment exists', () => {
    // Row 0 can only take col 1, so row 1 takes col 0.
    expect([...linearSumAssignment(m([[Infinity, 3], [1, 2]]), 2, 2).rowToCol]).toEqual([1, 0]);
  });

  it('throws like scipy on NaN, -Infinity, +Infinity when maximizing, and infeasible matrices', () => {
    expect(() => linearSumAssignment(m([[NaN, 1], [1, 1]]), 2, 2)).toThrow(/invalid numeric entries/);
    expect(() => linearSumAssignment(m([[-Infinity, 1], [1, 1]]), 2, 2)).toThrow(/invalid numeric entries/);
    expect(() => linearSumAssignment(m([[Infinity, 1], [1, 1]]), 2, 2, true)).toThrow(/invalid numeric entries/);
    expect(() => linearSumAssignment(m([[Infinity, Infinity], [1, 1]]), 2, 2)).toThrow(/infeasible/);
  });

  it('returns empty assignments for empty matrices', () => {
    const a = linearSumAssignment(new Float64Array(0), 0, 3);
    expect(a.rowToCol.length).toBe(0);
    expect([...a.colToRow]).toEqual([-1, -1, -1]);
  });
});

describe('assignWithCostLimit (lapjv extend_cost + cost_limit)', () => {
  it('leaves pairs at or above the limit unassigned', () => {
    // limit 0.8: dummy cost 0.4 per side, so a pair costs less than leaving both free only below 0.8.
    // Row 0-col 0 (0.2) is taken; row 1's only options are 0.9 (col 1) or 0.85 (col 0): both above 0.8.
    const a = assignWithCostLimit(m([[0.2, 0.9], [0.85, 0.9]]), 2, 2, 0.8);
    expect([...a.rowToCol]).toEqual([0, -1]);
    expect([...a.colToRow]).toEqual([0, -1]);
  });

  it('prefers two cheap pairs over one very cheap one when the sum is lower', () => {
    // Options: {0-0: 0.1, 1-1: 0.7} = 0.8 vs {0-1: 0.3, 1-0: 0.3} = 0.6: the second wins.
    const a = assignWithCostLimit(m([[0.1, 0.3], [0.3, 0.7]]), 2, 2, 1);
    expect([...a.rowToCol]).toEqual([1, 0]);
  });

  it('handles empty sides', () => {
    expect([...assignWithCostLimit(new Float64Array(0), 0, 2, 1).colToRow]).toEqual([-1, -1]);
    expect([...assignWithCostLimit(new Float64Array(0), 2, 0, 1).rowToCol]).toEqual([-1, -1]);
  });
});

describe('assignPartial (forbidden pairs)', () => {
  it('leaves a row unassigned when it has no allowed column', () => {
    const a = assignPartial(m([[Infinity, Infinity], [1, 2]]), 2, 2);
    expect([...a.rowToCol]).toEqual([-1, 0]);
  });

  it('maximizes the number of pairs before minimizing the cost', () => {
    // Cheapest single pair is 0-0 (0), but {0-1 (5), 1-0 (5)} has two pairs: cardinality wins.
    const a = assignPartial(m([[0, 5], [5, Infinity]]), 2, 2);
    expect([...a.rowToCol]).toEqual([1, 0]);
  });

  it('picks the cheaper row when only one of two can be matched', () => {
    // Rows 0 and 1 both want col 0 only: costs 5 and 1, so row 1 gets it.
    const a = assignPartial(m([[5, Infinity], [1, Infinity]]), 2, 2);
    expect([...a.rowToCol]).toEqual([-1, 0]);
  });

  it('handles negative costs and throws on NaN', () => {
    expect([...assignPartial(m([[-3, -1], [-2, -5]]), 2, 2).rowToCol]).toEqual([0, 1]);
    expect(() => assignPartial(m([[NaN]]), 1, 1)).toThrow(/invalid/);
  });
});
