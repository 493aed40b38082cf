import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimalFast } from '../../../../src-shared/formats/numbers';
import { AsciiWriter } from '../../../../src-shared/formats/asciiWriter';

describe('fast exact decimals', () => {
  it('formatDecimal and AsciiWriter.decimal write exactly String(v) for any double', () => {
    const check = (v: number): void => {
      expect(formatDecimal(v)).toBe(String(v));
      const w = new AsciiWriter(8);
      w.decimal(v);
      expect(w.toString()).toBe(String(v));
    };
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => check(v === 0 ? 0 : v)), { numRuns: 20000 });
    // The values MOT files are made of: few decimals, pixel ranges.
    fc.assert(fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }), (m, k) => check(m / 10 ** k)), { numRuns: 20000 });
  });

  it('parseDecimalFast agrees with Number() wherever it answers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 0, max: 9 }), (m, k) => {
        const s = (m / 10 ** k).toFixed(k);
        const v = parseDecimalFast(s, 0, s.length);
        expect(v).toBe(Number(s));
      }),
      { numRuns: 20000 },
    );
    expect(parseDecimalFast('1e5', 0, 3)).toBeNaN(); // exponents go to Number()
    expect(parseDecimalFast('1234567890123456', 0, 16)).toBeNaN(); // beyond 15 digits: not exact here
    expect(parseDecimalFast('-', 0, 1)).toBeNaN();
    expect(parseDecimalFast('1.2.3', 0, 5)).toBeNaN();
  });
});
