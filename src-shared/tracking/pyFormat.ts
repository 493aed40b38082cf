// Number formatting of the official Python writers, so a result file can be reproduced byte for byte:
// `'%.2f' % v` (SORT) and `str(round(v, 1))` (ByteTrack's and OC-SORT's write_results). Python rounds
// the exact binary value and breaks exact ties to even; JavaScript's toFixed breaks them upwards, so
// ties (values that are odd multiples of 2^-(digits+1)) are corrected here.

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

/** Python's `'%.{digits}f' % v` (digits 0-6): correctly rounded, ties to even, "-0.00" for negative values that round to zero. */
export function pyFixed(v: number, digits: number): string {
  if (!Number.isFinite(v)) return v !== v ? 'nan' : v > 0 ? 'inf' : '-inf';
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  let s = a.toFixed(digits);
  const p = POW10[digits]!;
  // An exact tie is a = odd / 2^(digits+1); then a·10^digits is exactly half an integer.
  const scaled = a * 2 ** (digits + 1);
  if (Number.isInteger(scaled) && scaled % 2 === 1 && a < 2 ** 40) {
    const low = Math.floor(a * p);
    const n = low % 2 === 0 ? low : low + 1;
    const int = Math.floor(n / p);
    const frac = String(n - int * p).padStart(digits, '0');
    s = digits === 0 ? String(int) : `${int}.${frac}`;
  }
  return neg ? `-${s}` : s;
}

/** Python's `str(round(v, digits))` for a float: e.g. 457.0, 584.6, -0.0, 0.95. */
export function pyRoundRepr(v: number, digits: number): string {
  const r = Number(pyFixed(v, digits));
  if (Object.is(r, -0)) return '-0.0';
  if (Number.isInteger(r) && Math.abs(r) < 1e16) return `${r}.0`;
  return String(r);
}

/** The value Python's `round(v, digits)` returns. */
export function pyRound(v: number, digits: number): number {
  return Number(pyFixed(v, digits));
}
