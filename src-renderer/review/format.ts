// Number formatting of the review view.

/** A number with its sign ("+3", "−0.11"; zero has none). */
export function signed(v: number, digits = 0): string {
  const s = Math.abs(v).toFixed(digits);
  return Number(s) === 0 ? s : `${v > 0 ? '+' : '−'}${s}`;
}
