// Expected strings are what CPython 3 prints for the same expressions (checked with python3 -c).
import { describe, expect, it } from 'vitest';
import { pyFixed, pyRound, pyRoundRepr } from '../../../../src-shared/tracking/pyFormat';

describe('Python number formatting', () => {
  it("'%.2f' % v: ties to even on the exact binary value, signed zeros", () => {
    expect(pyFixed(0.125, 2)).toBe('0.12'); // exact tie: 0.125 = 1/8 -> even digit
    expect(pyFixed(0.375, 2)).toBe('0.38');
    expect(pyFixed(2.675, 2)).toBe('2.67'); // 2.675 is 2.67499999... in binary: not a tie
    expect(pyFixed(-0.001, 2)).toBe('-0.00');
    expect(pyFixed(-0, 2)).toBe('-0.00');
    expect(pyFixed(0.05, 1)).toBe('0.1'); // 0.05 is slightly above 1/20 in binary
    expect(pyFixed(447.1449999, 2)).toBe('447.14');
  });

  it('str(round(v, 1)) keeps ".0" on whole numbers and breaks exact ties to even', () => {
    expect(pyRoundRepr(0.25, 1)).toBe('0.2');
    expect(pyRoundRepr(0.75, 1)).toBe('0.8');
    expect(pyRoundRepr(457, 1)).toBe('457.0');
    expect(pyRoundRepr(584.64, 1)).toBe('584.6');
    expect(pyRoundRepr(-0.04, 1)).toBe('-0.0');
    expect(pyRoundRepr(0.125, 2)).toBe('0.12');
    expect(pyRoundRepr(1.0049999999999999, 2)).toBe('1.0');
    expect(pyRound(0.95, 2)).toBe(0.95);
  });
});
