// The IOU tracker (iou_tracker.py track_iou): greedy best-IoU extension, tracks qualify with t_min
// boxes and one score >= sigma_h.
import { describe, expect, it } from 'vitest';
import { IOU_TRACKER_MOT17, IouTracker } from '../../../../src-shared/tracking/iouTracker';
import { frame, runFrames } from './helpers';

describe('IouTracker', () => {
  it('has mot17.py settings per detector', () => expect(IOU_TRACKER_MOT17.FRCNN).toEqual({ sigmaL: 0, sigmaH: 0.9, sigmaIou: 0.3, tMin: 3 }));

  it('reports a track from its t_min-th box when it has a high score', () => {
    const t = new IouTracker({ sigmaL: 0.1, sigmaH: 0.8, sigmaIou: 0.5, tMin: 2 });
    const out = runFrames(t, [
      frame([0, 0, 10, 10, 0.9], [100, 0, 110, 10, 0.5]),
      frame([1, 0, 11, 10, 0.5], [101, 0, 111, 10, 0.5]),
      frame([2, 0, 12, 10, 0.5], [102, 0, 112, 10, 0.05]),
    ]);
    // The right-hand track never reaches sigma_h; its third box is below sigma_l and ends it.
    expect(out).toEqual([[], ['1@1'], ['1@2']]);
  });
});
