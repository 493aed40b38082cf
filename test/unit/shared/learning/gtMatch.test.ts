// Detection → GT assignment (METHODS.md §0.2), hand-checked: Hungarian on 1 − IoU with pairs under
// IoU 0.5 forbidden — which is not greedy matching — and continuous IoU.
import { describe, expect, it } from 'vitest';
import { iouXyxy, matchToGt } from '../../../../src-shared/learning/gtMatch';

const boxes = (...b: number[][]): Float32Array => Float32Array.from(b.flat());

describe('matchToGt', () => {
  it('matches each detection to its GT box with q = IoU, in any order', () => {
    // d0 = g1 exactly (IoU 1); d1 is g0 shifted by 1 px: intersection 9·10 = 90, union 110 → 0.8181…
    const m = matchToGt(boxes([20, 0, 30, 10], [1, 0, 11, 10]), 2, boxes([0, 0, 10, 10], [20, 0, 30, 10]), 2);
    expect([...m.gtOfDet]).toEqual([1, 0]);
    expect(m.iou[0]).toBeCloseTo(1, 6);
    expect(m.iou[1]).toBeCloseTo(90 / 110, 6);
  });

  it('maximises the number of allowed pairs where greedy matching would leave a detection out', () => {
    // g0 = [0,0,10,10], g1 = [3,0,13,10]. dA = [1,0,11,10]: IoU(g0) = 90/110 = 0.818, IoU(g1) = 80/120 = 0.667.
    // dB = [-2,0,8,10]: IoU(g0) = 80/120 = 0.667, IoU(g1) = 50/150 = 0.333 (forbidden).
    // Greedy takes dA–g0 and strands dB; the assignment is dA–g1, dB–g0.
    const m = matchToGt(boxes([1, 0, 11, 10], [-2, 0, 8, 10]), 2, boxes([0, 0, 10, 10], [3, 0, 13, 10]), 2);
    expect([...m.gtOfDet]).toEqual([1, 0]);
    expect(m.iou[0]).toBeCloseTo(80 / 120, 6);
    expect(m.iou[1]).toBeCloseTo(80 / 120, 6);
  });

  it('allows IoU = 0.5 and forbids anything below, leaving false positives at −1', () => {
    // 10×10 inside 10×20: 100/200 = 0.5; inside 10×21: 100/210 = 0.476.
    expect([...matchToGt(boxes([0, 0, 10, 10]), 1, boxes([0, 0, 10, 20]), 1).gtOfDet]).toEqual([0]);
    const miss = matchToGt(boxes([0, 0, 10, 10]), 1, boxes([0, 0, 10, 21]), 1);
    expect([...miss.gtOfDet]).toEqual([-1]);
    expect(miss.iou[0]).toBe(0);
  });

  it('handles frames without detections or without GT', () => {
    expect([...matchToGt(new Float32Array(0), 0, boxes([0, 0, 1, 1]), 1).gtOfDet]).toEqual([]);
    expect([...matchToGt(boxes([0, 0, 1, 1], [2, 2, 3, 3]), 2, new Float32Array(0), 0).gtOfDet]).toEqual([-1, -1]);
  });

  it('uses continuous IoU (no +1 pixel) and is symmetric', () => {
    const a = boxes([0, 0, 4, 4]);
    const b = boxes([2, 2, 6, 6]);
    // Intersection 2·2 = 4, union 16 + 16 − 4 = 28.
    expect(iouXyxy(a, 0, b, 0)).toBeCloseTo(4 / 28, 12);
    expect(iouXyxy(b, 0, a, 0)).toBe(iouXyxy(a, 0, b, 0));
  });
});
