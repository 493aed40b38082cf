// Cyclic Jacobi against closed forms: path and complete graphs, a random symmetric matrix's trace and
// determinant-free invariants, and the 2-node closed form of METHODS.md §0.3-5.
import { describe, expect, it } from 'vitest';
import { laplacianLambda2, symmetricEigenvalues } from '../../../../src-shared/numeric/jacobiEigen';
import { mulberry32 } from '../../../helpers/rng';

describe('symmetricEigenvalues', () => {
  it('finds 2 ± √3 and 3 for a tridiagonal 3×3 matrix (numpy eigvalsh)', () => {
    const ev = symmetricEigenvalues([2, 1, 0, 1, 3, 1, 0, 1, 4], 3);
    expect(ev[0]).toBeCloseTo(3 - Math.sqrt(3), 12);
    expect(ev[1]).toBeCloseTo(3, 12);
    expect(ev[2]).toBeCloseTo(3 + Math.sqrt(3), 12);
  });

  it('keeps trace and Frobenius norm of a random 30×30 symmetric matrix', () => {
    const r = mulberry32(3);
    const n = 30;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = r() * 2 - 1;
    const ev = symmetricEigenvalues(a, n);
    let trace = 0;
    let fro = 0;
    for (let i = 0; i < n; i++) trace += a[i * n + i]!;
    for (const x of a) fro += x * x;
    expect(ev.reduce((s, x) => s + x, 0)).toBeCloseTo(trace, 9);
    expect(ev.reduce((s, x) => s + x * x, 0)).toBeCloseTo(fro, 9);
    for (let i = 1; i < n; i++) expect(ev[i]).toBeGreaterThanOrEqual(ev[i - 1]!);
  });
});

describe('laplacianLambda2', () => {
  it('U7: the unit path P5 has λ2 = 2(1 − cos π/5) = 0.381966', () => {
    const a = new Float64Array(25);
    for (let i = 0; i < 4; i++) a[i * 5 + i + 1] = a[(i + 1) * 5 + i] = 1;
    expect(laplacianLambda2(a, 5)).toBeCloseTo(0.381966, 6);
    expect(Math.abs(laplacianLambda2(a, 5) - 2 * (1 - Math.cos(Math.PI / 5)))).toBeLessThan(1e-12);
  });

  it('the unit complete graph K_n has λ2 = n; two nodes use the closed form 2·a12', () => {
    for (const n of [3, 7, 20]) {
      const a = new Float64Array(n * n).fill(1);
      expect(laplacianLambda2(a, n)).toBeCloseTo(n, 10);
    }
    expect(laplacianLambda2([0, 0.3, 0.3, 0], 2)).toBe(0.6);
    expect(laplacianLambda2([0], 1)).toBe(0);
  });

  it('is 0 for a disconnected graph', () => {
    const a = new Float64Array(16);
    a[1] = a[4] = 1; // 0–1
    a[2 * 4 + 3] = a[3 * 4 + 2] = 1; // 2–3
    expect(Math.abs(laplacianLambda2(a, 4))).toBeLessThan(1e-12);
  });
});
