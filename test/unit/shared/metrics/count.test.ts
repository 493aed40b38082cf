// Count: detections and ids after preprocessing.
import { describe, expect, it } from 'vitest';
import { combine, evalSequence } from '../../../../src-shared/metrics/count';
import { merge, toyData, track } from '../../../helpers/toyMot';

describe('Count', () => {
  it('counts dets and ids; COMBINED_SEQ sums all but Frames', () => {
    const c = evalSequence(toyData(merge(track([1, 2], 1, () => 100), track([2], 2, () => 300)), track([1, 2], 7, () => 100), 2));
    expect(c).toEqual({ Dets: 2, GT_Dets: 3, IDs: 1, GT_IDs: 2, Frames: 2 });
    expect(combine([c, c])).toEqual({ Dets: 4, GT_Dets: 6, IDs: 2, GT_IDs: 4 });
  });
});
