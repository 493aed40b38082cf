// The LAP port must give scipy's exact assignment (not just an optimal one): TrackEval and the parity
// trackers ran on scipy, and on ties a different optimum changes HOTA, CLEAR and track ids. scipy runs in
// a python3 subprocess on the same seeded matrices (test/fixtures/scipy/lsap.py).
import { describe, expect, it } from 'vitest';
import { linearSumAssignment } from '../../src-shared/assignment/lap';
import { mulberry32 } from '../helpers/rng';
import { hasScipy, scipySolve, type ScipyCase } from '../helpers/scipy';

const SCIPY = hasScipy();

/** Seeded matrices: integer costs 0..3 (many ties), 0/1, doubles, IoU-like sparse scores, with +Infinity. */
function cases(): ScipyCase[] {
  const rnd = mulberry32(20240611);
  const out: ScipyCase[] = [];
  const kinds = ['int03', 'binary', 'double', 'sparse', 'inf', 'constant'] as const;
  for (let k = 0; k < 1500; k++) {
    const kind = kinds[k % kinds.length]!;
    const big = k % 50 === 0;
    const rows = 1 + Math.floor(rnd() * (big ? 60 : 9));
    const cols = 1 + Math.floor(rnd() * (big ? 60 : 9));
    const cost: number[] = [];
    for (let i = 0; i < rows * cols; i++) {
      const r = rnd();
      cost.push(
        kind === 'int03'
          ? Math.floor(r * 4)
          : kind === 'binary'
            ? Math.floor(r * 2)
            : kind === 'double'
              ? (r - 0.5) * 200
              : kind === 'sparse'
                ? r < 0.8
                  ? 0
                  : -Math.round(r * 1000) / 1000
                : kind === 'inf'
                  ? r < 0.3
                    ? Infinity
                    : Math.floor(r * 5)
                  : 2,
      );
    }
    out.push({ rows, cols, maximize: k % 3 === 1 && kind !== 'inf', cost });
  }
  return out;
}

describe('linearSumAssignment vs scipy 1.17', () => {
  it.skipIf(!SCIPY)('gives scipy’s exact assignment on 1,500 seeded matrices, ties included (skipped when python3 with scipy is absent)', () => {
    const cs = cases();
    const answers = scipySolve(cs);
    let compared = 0;
    let infeasible = 0;
    cs.forEach((c, k) => {
      const ans = answers[k]!;
      const run = (): number[] => [...linearSumAssignment(Float64Array.from(c.cost), c.rows, c.cols, c.maximize).rowToCol];
      if ('error' in ans) {
        expect(ans.error, `case ${k}`).toMatch(/infeasible/);
        expect(run, `case ${k}`).toThrow(/infeasible/);
        infeasible++;
      } else {
        expect(run(), `case ${k} (${c.rows}x${c.cols}${c.maximize ? ', maximize' : ''})`).toEqual(ans.rowToCol);
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(1300);
    expect(infeasible).toBeGreaterThan(0);
  });
});
