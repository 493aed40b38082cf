// Fast, exact decimal <-> double conversion for MOT text. Both directions agree with JavaScript's own
// Number()/String() (correctly rounded, shortest round-trip), and fall back to them outside the fast path.

/** 10^k for k = 0..22, each exact in a double. */
export const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Parses text[a, b) as a plain decimal number ([+-]digits[.digits]). Returns NaN when the text is not
 * such a number or is outside the exact fast path (more than 15 digits, exponents): callers then use
 * `Number()` on the slice. Exact: a mantissa below 2^53 divided by an exact power of ten is correctly
 * rounded (Clinger's fast path), which is what Number() returns.
 */
export function parseDecimalFast(text: string, a: number, b: number): number {
  let i = a;
  let neg = false;
  const c0 = text.charCodeAt(i);
  if (c0 === 45) {
    neg = true;
    i++;
  } else if (c0 === 43) i++;
  let m = 0;
  let digits = 0;
  let frac = 0;
  let dot = false;
  for (; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (dot) frac++;
    } else if (c === 46 && !dot) dot = true;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const v = frac ? m / POW10[frac]! : m;
  return neg ? -v : v;
}

/**
 * The shortest decimal text that reads back as exactly `v`; identical to String(v) (checked by the
 * property tests) but several times faster for the fixed-point values MOT files hold.
 */
export function formatDecimal(v: number): string {
  if (Number.isInteger(v)) return Math.abs(v) < 1e21 ? (v === 0 ? '0' : '' + v) : String(v);
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e9) {
    // The first k whose rounding reads back exactly is the shortest: with m below 2^53 and 10^-k
    // wider than a double's spacing here, that decimal is the only candidate, so String(v) gives it too.
    for (let k = 1; k <= 6; k++) {
      const p = POW10[k]!;
      const m = Math.round(a * p);
      if (m / p === a) {
        const ip = Math.floor(a);
        let f = '' + (m - ip * p);
        while (f.length < k) f = '0' + f;
        return (v < 0 ? '-' : '') + ip + '.' + f;
      }
    }
  }
  return String(v);
}
