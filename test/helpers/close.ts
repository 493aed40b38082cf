// Numeric comparisons for tests that report the worst entry instead of the first.
import { expect } from 'vitest';

/** Largest absolute difference between two arrays. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

/** Asserts |a − b| ≤ tol elementwise, reporting the worst index. */
export function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): void {
  expect(a.length).toBe(b.length);
  let worst = 0;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (Number.isNaN(d)) throw new Error(`NaN at ${i}: ${a[i]} vs ${b[i]}`);
    if (d > m) {
      m = d;
      worst = i;
    }
  }
  expect(m, `worst at ${worst}: ${a[worst]} vs ${b[worst]}`).toBeLessThanOrEqual(tol);
}
