// TrackEval's xywh IoU.
import { describe, expect, it } from 'vitest';
import { iouXywh } from '../../../../src-shared/metrics/boxIou';
import { pairwiseSum } from '../../../../src-shared/metrics/numpySum';

describe('iouXywh', () => {
  it('computes overlap over union', () => {
    // 40×100 boxes 10 px apart: 30·100 / (4000 + 4000 − 3000) = 0.6.
    expect(iouXywh(100, 100, 40, 100, 110, 100, 40, 100)).toBe(3000 / 5000);
    expect(iouXywh(0, 0, 10, 10, 0, 0, 10, 10)).toBe(1);
  });
  it('is 0 for touching, disjoint and degenerate boxes', () => {
    expect(iouXywh(0, 0, 10, 10, 10, 0, 10, 10)).toBe(0);
    expect(iouXywh(0, 0, 10, 10, 50, 50, 10, 10)).toBe(0);
    expect(iouXywh(0, 0, 0, 10, 0, 0, 10, 10)).toBe(0);
  });
});

describe('pairwiseSum (numpy order)', () => {
  it('groups like numpy: [1e16, 1, -1e16, 1, 0, 0, 0, 0, 1] sums to 1 (np.sum), not 2 (left to right)', () => {
    const a = [1e16, 1, -1e16, 1, 0, 0, 0, 0, 1];
    expect(pairwiseSum(a, 0, a.length)).toBe(1);
    expect(a.reduce((s, x) => s + x, 0)).toBe(2);
  });
});
