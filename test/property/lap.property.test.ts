// The LAP solvers against brute force on every small shape (≤ 6×6, wide and tall, ties, maximize,
// forbidden pairs). Brute force enumerates every injective row->column map, so the optimum is certain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignWithCostLimit, linearSumAssignment, type Assignment } from '../../src-shared/assignment/lap';
import { assignPartial } from '../../src-shared/assignment/partial';

/** Every partial matching of rows to columns (each pair allowed or not), as rowToCol arrays. */
function* matchings(rows: number, cols: number, row = 0, used = 0, acc: number[] = []): Generator<number[]> {
  if (row === rows) {
    yield acc.slice();
    return;
  }
  acc.push(-1);
  yield* matchings(rows, cols, row + 1, used, acc);
  acc.pop();
  for (let j = 0; j < cols; j++) {
    if (used & (1 << j)) continue;
    acc.push(j);
    yield* matchings(rows, cols, row + 1, used | (1 << j), acc);
    acc.pop();
  }
}

const pairs = (a: readonly number[]): number => a.filter((j) => j >= 0).length;
const sum = (c: Float64Array, cols: number, a: readonly number[]): number =>
  a.reduce((s, j, i) => (j >= 0 ? s + c[i * cols + j]! : s), 0);

/** A consistent one-to-one assignment: rowToCol and colToRow mirror each other. */
function expectConsistent(a: Assignment, rows: number, cols: number): void {
  expect(a.rowToCol.length).toBe(rows);
  expect(a.colToRow.length).toBe(cols);
  a.rowToCol.forEach((j, i) => {
    if (j >= 0) expect(a.colToRow[j]).toBe(i);
  });
  a.colToRow.forEach((i, j) => {
    if (i >= 0) expect(a.rowToCol[i]).toBe(j);
  });
}

/** A rows×cols matrix of small integers (many ties) or of doubles. */
const matrix = (maxSide = 6) =>
  fc
    .record({ rows: fc.integer({ min: 1, max: maxSide }), cols: fc.integer({ min: 1, max: maxSide }), ties: fc.boolean() })
    .chain(({ rows, cols, ties }) =>
      fc.record({
        rows: fc.constant(rows),
        cols: fc.constant(cols),
        cost: fc
          .array(ties ? fc.integer({ min: 0, max: 3 }) : fc.double({ min: -100, max: 100, noNaN: true }), {
            minLength: rows * cols,
            maxLength: rows * cols,
          })
          .map((a) => Float64Array.from(a)),
      }),
    );

describe('linearSumAssignment vs brute force', () => {
  it('finds a full assignment of minimum (or maximum) total cost', () => {
    fc.assert(
      fc.property(matrix(), fc.boolean(), ({ rows, cols, cost }, maximize) => {
        const a = linearSumAssignment(cost, rows, cols, maximize);
        expectConsistent(a, rows, cols);
        const full = Math.min(rows, cols);
        expect(pairs([...a.rowToCol])).toBe(full);
        let best = maximize ? -Infinity : Infinity;
        for (const mm of matchings(rows, cols)) {
          if (pairs(mm) !== full) continue;
          const s = sum(cost, cols, mm);
          best = maximize ? Math.max(best, s) : Math.min(best, s);
        }
        expect(sum(cost, cols, [...a.rowToCol])).toBeCloseTo(best, 9);
      }),
      { numRuns: 400 },
    );
  });
});

describe('assignWithCostLimit vs brute force', () => {
  it('minimizes matched cost + limit/2 per unmatched row and column', () => {
    fc.assert(
      fc.property(matrix(5), fc.integer({ min: 1, max: 8 }), ({ rows, cols, cost }, limit) => {
        const a = assignWithCostLimit(cost, rows, cols, limit);
        expectConsistent(a, rows, cols);
        const value = (mm: readonly number[]): number => sum(cost, cols, mm) + (rows + cols - 2 * pairs(mm)) * (limit / 2);
        let best = Infinity;
        for (const mm of matchings(rows, cols)) best = Math.min(best, value(mm));
        expect(value([...a.rowToCol])).toBeCloseTo(best, 9);
      }),
      { numRuns: 300 },
    );
  });
});

describe('assignPartial vs brute force', () => {
  it('finds the most pairs among allowed ones, then the least cost', () => {
    fc.assert(
      fc.property(
        matrix(5).chain((x) =>
          fc.record({ x: fc.constant(x), forbid: fc.array(fc.boolean(), { minLength: x.rows * x.cols, maxLength: x.rows * x.cols }) }),
        ),
        ({ x: { rows, cols, cost }, forbid }) => {
          const c = cost.map((v, k) => (forbid[k] ? Infinity : v));
          const a = assignPartial(c, rows, cols);
          expectConsistent(a, rows, cols);
          a.rowToCol.forEach((j, i) => {
            if (j >= 0) expect(c[i * cols + j]).not.toBe(Infinity);
          });
          let bestPairs = 0;
          let bestCost = 0;
          for (const mm of matchings(rows, cols)) {
            if (mm.some((j, i) => j >= 0 && c[i * cols + j] === Infinity)) continue;
            const p = pairs(mm);
            const s = sum(c, cols, mm);
            if (p > bestPairs || (p === bestPairs && s < bestCost)) [bestPairs, bestCost] = [p, s];
          }
          expect(pairs([...a.rowToCol])).toBe(bestPairs);
          expect(sum(c, cols, [...a.rowToCol])).toBeCloseTo(bestCost, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});
