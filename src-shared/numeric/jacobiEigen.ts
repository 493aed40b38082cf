// Eigenvalues of small symmetric matrices by cyclic Jacobi rotations (METHODS.md §0.3-5): tfjs has no
// symmetric eigensolver, and UniTrack's λ weights need only λ2 of graphs with ≤ ~100 nodes.

/**
 * Ascending eigenvalues of the symmetric n×n matrix `a` (row-major; only read, never modified).
 * Stops when the off-diagonal Frobenius norm is ≤ `tol` or after `maxSweeps` sweeps.
 */
export function symmetricEigenvalues(a: ArrayLike<number>, n: number, tol = 1e-12, maxSweeps = 50): Float64Array {
  const m = Float64Array.from(a as ArrayLike<number>);
  if (m.length !== n * n) throw new Error(`symmetricEigenvalues: expected ${n * n} entries, got ${m.length}`);
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q]! ** 2;
    if (Math.sqrt(2 * off) <= tol) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        if (apq === 0) continue;
        const app = m[p * n + p]!;
        const aqq = m[q * n + q]!;
        // The rotation angle that zeroes a_pq, in the numerically stable form (Golub & Van Loan 8.4).
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = m[k * n + p]!;
          const akq = m[k * n + q]!;
          m[k * n + p] = c * akp - s * akq;
          m[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = m[p * n + k]!;
          const aqk = m[q * n + k]!;
          m[p * n + k] = c * apk - s * aqk;
          m[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  const ev = new Float64Array(n);
  for (let i = 0; i < n; i++) ev[i] = m[i * n + i]!;
  return ev.sort();
}

/**
 * Algebraic connectivity λ2 of the unnormalised Laplacian D − A of a symmetric non-negative adjacency
 * `adj` (n×n row-major; the diagonal is ignored). 0 for n < 2; closed form 2·a12 for n = 2.
 */
export function laplacianLambda2(adj: ArrayLike<number>, n: number): number {
  if (n < 2) return 0;
  if (n === 2) return 2 * adj[1]!;
  const lap = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    let deg = 0;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const w = adj[i * n + j]!;
      lap[i * n + j] = -w;
      deg += w;
    }
    lap[i * n + i] = deg;
  }
  return symmetricEigenvalues(lap, n)[1]!;
}
