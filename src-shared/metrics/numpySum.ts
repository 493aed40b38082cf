// numpy's summation order (numpy/core/src/umath/loops_utils.h.src `pairwise_sum`), so sums TrackEval takes
// with np.sum / np.mean come out bit-identical: under 8 elements a plain loop from -0.0; up to 128 eight
// interleaved accumulators combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) plus the tail; beyond, halves
// (rounded down to a multiple of 8) summed recursively. Row sums (axis=1) of a C-ordered matrix use it too;
// column sums (axis=0) are plain loops over the rows.

/** np.add.reduce over a[off .. off+n-1] (contiguous), in numpy's pairwise order. */
export function pairwiseSum(a: ArrayLike<number>, off: number, n: number): number {
  if (n < 8) {
    let res = -0.0;
    for (let i = 0; i < n; i++) res += a[off + i]!;
    return res;
  }
  if (n <= 128) {
    let r0 = a[off]!, r1 = a[off + 1]!, r2 = a[off + 2]!, r3 = a[off + 3]!;
    let r4 = a[off + 4]!, r5 = a[off + 5]!, r6 = a[off + 6]!, r7 = a[off + 7]!;
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      r0 += a[off + i]!;
      r1 += a[off + i + 1]!;
      r2 += a[off + i + 2]!;
      r3 += a[off + i + 3]!;
      r4 += a[off + i + 4]!;
      r5 += a[off + i + 5]!;
      r6 += a[off + i + 6]!;
      r7 += a[off + i + 7]!;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += a[off + i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, off, n2) + pairwiseSum(a, off + n2, n - n2);
}

/** np.mean of a contiguous array. */
export function numpyMean(a: ArrayLike<number>): number {
  return pairwiseSum(a, 0, a.length) / a.length;
}
