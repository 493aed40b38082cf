// The sparse shortcut must give scipy's answer exactly (positiveAssignment's claim): on random sparse
// score matrices — with ties (repeated values), duplicated rows/columns and near-ties — the pairs it
// returns equal the positive pairs of the dense scipy port on -S. And the WebAssembly and JavaScript
// kernels of the dense port must agree on every input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearSumAssignment, linearSumAssignmentWith } from '../../src-shared/assignment/lap';
import { positiveAssignment, ScoreBuffer } from '../../src-shared/assignment/positive';
import { bestScanKernel, jsScanKernel } from '../../src-shared/assignment/scanKernel';

/** A sparse non-negative matrix: each cell positive with probability `density`, values from a small or continuous set. */
const sparse = fc
  .record({
    rows: fc.integer({ min: 1, max: 9 }),
    cols: fc.integer({ min: 1, max: 9 }),
    density: fc.double({ min: 0.05, max: 0.7, noNaN: true }),
    palette: fc.constantFrom('ties', 'continuous', 'clear-like'),
    seed: fc.integer(),
  })
  .map(({ rows, cols, density, palette, seed }) => {
    let a = seed >>> 0;
    const rnd = (): number => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const s = new Float64Array(rows * cols);
    for (let k = 0; k < s.length; k++) {
      if (rnd() >= density) continue;
      s[k] = palette === 'ties' ? [0.5, 0.6, 0.6, 0.75, 1][Math.floor(rnd() * 5)]! : palette === 'continuous' ? 0.01 + rnd() : (rnd() < 0.3 ? 1000 : 0) + 0.5 + rnd() / 2;
    }
    return { rows, cols, s };
  });

describe('positiveAssignment equals scipy on the positive pairs', () => {
  it('agrees with the dense port on random sparse matrices, ties included', () => {
    fc.assert(
      fc.property(sparse, ({ rows, cols, s }) => {
        const buf = new ScoreBuffer();
        buf.reset(rows, cols);
        for (let k = 0; k < s.length; k++) if (s[k]! > 0) buf.push(Math.floor(k / cols), k % cols, s[k]!);
        const neg = s.map((x) => -x);
        const got = new Int32Array(rows);
        positiveAssignment(buf, () => neg.slice(), got);
        const dense = linearSumAssignment(neg, rows, cols).rowToCol;
        const want = Array.from(dense, (j, i) => (j >= 0 && s[i * cols + j]! > 0 ? j : -1));
        expect([...got]).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the WebAssembly and JavaScript scan kernels', () => {
  it('give identical assignments (same float operations in the same order)', () => {
    const js = jsScanKernel();
    const wasm = bestScanKernel();
    expect(wasm.kind).toBe('wasm'); // Node has WebAssembly
    fc.assert(
      fc.property(sparse, fc.boolean(), ({ rows, cols, s }, maximize) => {
        const a = linearSumAssignmentWith(wasm, s, rows, cols, maximize).rowToCol;
        const b = linearSumAssignmentWith(js, s, rows, cols, maximize).rowToCol;
        expect([...b]).toEqual([...a]);
      }),
      { numRuns: 1000 },
    );
  });
});
