// HOTA on hand-checked toys.
import { describe, expect, it } from 'vitest';
import { evalSequence, finalize, HOTA_ALPHAS } from '../../../../src-shared/metrics/hota';
import { merge, toyData, track } from '../../../helpers/toyMot';

describe('HOTA', () => {
  it('uses numpy’s thresholds np.arange(0.05, 0.99, 0.05)', () => {
    // Printed by numpy 2.4: note 0.15000000000000002, 0.6000000000000001, ...
    expect(HOTA_ALPHAS).toEqual([
      0.05, 0.1, 0.15000000000000002, 0.2, 0.25, 0.3, 0.35000000000000003, 0.4, 0.45, 0.5, 0.55, 0.6000000000000001,
      0.6500000000000001, 0.7000000000000001, 0.7500000000000001, 0.8, 0.8500000000000001, 0.9000000000000001, 0.9500000000000001,
    ]);
  });

  it('is 1 for perfect tracking', () => {
    const f = finalize(evalSequence(toyData(track([1, 2, 3], 1, () => 100), track([1, 2, 3], 5, () => 100), 3)));
    expect(f.perAlpha.HOTA.every((v) => v === 1)).toBe(true);
    expect(f['LocA(0)']).toBe(1);
  });

  it('halves association when one GT is covered by two ids: DetA 1, AssA 0.5, AssRe 0.5, AssPr 1, HOTA √0.5', () => {
    // GT 1 in frames 1-2; id 7 on it in frame 1, id 8 in frame 2 (both IoU 1). Matches (1,7)=1, (1,8)=1;
    // gtCount 2, trCount 1 each: AssA per pair = 1/(2+1-1) = 0.5, AssRe = 1/2, AssPr = 1/1.
    const f = finalize(evalSequence(toyData(track([1, 2], 1, () => 100), merge(track([1], 7, () => 100), track([2], 8, () => 100)), 2)));
    for (let a = 0; a < 19; a++) {
      expect([f.perAlpha.DetA[a], f.perAlpha.AssA[a], f.perAlpha.AssRe[a], f.perAlpha.AssPr[a]]).toEqual([1, 0.5, 0.5, 1]);
      expect(f.perAlpha.HOTA[a]).toBe(Math.sqrt(0.5));
    }
  });

  it('counts a match only for the thresholds its IoU passes', () => {
    // Shift 10 px: IoU 30·100/(8000 − 3000) = 0.6 → TP for α <= 0.6 (12 thresholds: 0.05 … 0.6000000000000001).
    const f = finalize(evalSequence(toyData(track([1], 1, () => 100), track([1], 7, () => 110), 1)));
    expect(f.perAlpha.HOTA_TP).toEqual([...Array(12).fill(1), ...Array(7).fill(0)]);
    expect(f.perAlpha.LocA[0]).toBeCloseTo(0.6, 15);
  });
});
