// Small dense linear algebra on row-major Float64Arrays, for the 4×4 systems of the Kalman updates.
// LAPACK's order of operations is followed where it is cheap to (partial pivoting on the largest
// magnitude, first one on ties, as idamax; scaling by the reciprocal pivot, as dgetf2/dpotf2 do),
// so results agree with numpy/scipy to the last bits in almost every case.

/** Inverse of the n×n matrix `a` (row-major) by LU with partial pivoting, as numpy.linalg.inv (LAPACK dgesv on the identity). */
export function invert(a: Float64Array, n: number, out = new Float64Array(n * n)): Float64Array {
  const lu = Float64Array.from(a.subarray(0, n * n));
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]!;
        lu[k * n + j] = lu[p * n + j]!;
        lu[p * n + j] = t;
      }
      const t = perm[k]!;
      perm[k] = perm[p]!;
      perm[p] = t;
    }
    const r = 1 / lu[k * n + k]!;
    for (let i = k + 1; i < n; i++) {
      const l = lu[i * n + k]! * r;
      lu[i * n + k] = l;
      for (let j = k + 1; j < n; j++) lu[i * n + j] = lu[i * n + j]! - l * lu[k * n + j]!;
    }
  }
  // Solve L U x = P e_c for every column c.
  const col = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    for (let i = 0; i < n; i++) col[i] = perm[i] === c ? 1 : 0;
    for (let i = 1; i < n; i++) {
      let s = col[i]!;
      for (let k = 0; k < i; k++) s -= lu[i * n + k]! * col[k]!;
      col[i] = s;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = col[i]!;
      for (let k = i + 1; k < n; k++) s -= lu[i * n + k]! * col[k]!;
      col[i] = s / lu[i * n + i]!;
    }
    for (let i = 0; i < n; i++) out[i * n + c] = col[i]!;
  }
  return out;
}

/**
 * `invert` for 4×4 without allocation (the Kalman update's S): same pivoting and operation order.
 * `lu` (16) and `out` (16) are caller scratch.
 */
export function invert4(a: Float64Array, lu: Float64Array, out: Float64Array): Float64Array {
  for (let k = 0; k < 16; k++) lu[k] = a[k]!;
  let p0 = 0, p1 = 1, p2 = 2, p3 = 3;
  for (let k = 0; k < 4; k++) {
    let p = k;
    let best = Math.abs(lu[k * 4 + k]!);
    for (let i = k + 1; i < 4; i++) {
      const v = Math.abs(lu[i * 4 + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (p !== k) {
      for (let j = 0; j < 4; j++) {
        const t = lu[k * 4 + j]!;
        lu[k * 4 + j] = lu[p * 4 + j]!;
        lu[p * 4 + j] = t;
      }
      const perm = [p0, p1, p2, p3];
      const t = perm[k]!;
      perm[k] = perm[p]!;
      perm[p] = t;
      [p0, p1, p2, p3] = perm as [number, number, number, number];
    }
    const r = 1 / lu[k * 4 + k]!;
    for (let i = k + 1; i < 4; i++) {
      const l = lu[i * 4 + k]! * r;
      lu[i * 4 + k] = l;
      for (let j = k + 1; j < 4; j++) lu[i * 4 + j] = lu[i * 4 + j]! - l * lu[k * 4 + j]!;
    }
  }
  for (let c = 0; c < 4; c++) {
    let x0 = p0 === c ? 1 : 0;
    let x1 = p1 === c ? 1 : 0;
    let x2 = p2 === c ? 1 : 0;
    let x3 = p3 === c ? 1 : 0;
    x1 = x1 - lu[4]! * x0;
    x2 = x2 - lu[8]! * x0 - lu[9]! * x1;
    x3 = x3 - lu[12]! * x0 - lu[13]! * x1 - lu[14]! * x2;
    x3 = x3 / lu[15]!;
    x2 = (x2 - lu[11]! * x3) / lu[10]!;
    x1 = (x1 - lu[6]! * x2 - lu[7]! * x3) / lu[5]!;
    x0 = (x0 - lu[1]! * x1 - lu[2]! * x2 - lu[3]! * x3) / lu[0]!;
    out[c] = x0;
    out[4 + c] = x1;
    out[8 + c] = x2;
    out[12 + c] = x3;
  }
  return out;
}

/** Lower Cholesky factor L (row-major, upper part zero) of the symmetric positive-definite n×n `a` (scipy cho_factor, lower=True). */
export function cholesky(a: Float64Array, n: number, out = new Float64Array(n * n)): Float64Array {
  out.fill(0, 0, n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= out[j * n + k]! * out[j * n + k]!;
    if (!(d > 0)) throw new Error('cholesky: matrix is not positive definite');
    const ljj = Math.sqrt(d);
    out[j * n + j] = ljj;
    const r = 1 / ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= out[i * n + k]! * out[j * n + k]!;
      out[i * n + j] = s * r;
    }
  }
  return out;
}

/** Solves (L Lᵀ) X = B in place for the n×m right-hand side `b` (row-major), L from `cholesky` (scipy cho_solve). */
export function choSolve(l: Float64Array, n: number, b: Float64Array, m: number): Float64Array {
  for (let c = 0; c < m; c++) {
    for (let i = 0; i < n; i++) {
      let s = b[i * m + c]!;
      for (let k = 0; k < i; k++) s -= l[i * n + k]! * b[k * m + c]!;
      b[i * m + c] = s / l[i * n + i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = b[i * m + c]!;
      for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * b[k * m + c]!;
      b[i * m + c] = s / l[i * n + i]!;
    }
  }
  return b;
}
