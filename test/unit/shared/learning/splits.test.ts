// Frame sampling, time-block splits with a guard gap and clip windows (METHODS.md §6.2, §6.4-1).
import { describe, expect, it } from 'vitest';
import { autoFrameStep, clipWindows, consecutiveRuns, guardGapFrames, sampledFrames, timeBlockSplit } from '../../../../src-shared/learning/splits';

describe('splits', () => {
  it('samples to at most 10 fps', () => {
    expect([7, 10, 14, 25, 30, 60].map(autoFrameStep)).toEqual([1, 1, 2, 3, 3, 6]);
    expect(sampledFrames(1, 10, 3)).toEqual([1, 4, 7, 10]);
  });

  it('holds out the last block after a guard gap of at least 2 s, never closer', () => {
    const frames = sampledFrames(1, 100, 1);
    const s = timeBlockSplit(frames, { fraction: 0.2, guardFrames: guardGapFrames(7), minFrames: 10 })!;
    // 20 frames held out (81..100); guard 14 frames: training frames ≤ 81 − 14 = 67.
    expect(guardGapFrames(7)).toBe(14);
    expect(s.second).toEqual(sampledFrames(81, 100, 1));
    expect(s.cutFrame).toBe(81);
    expect(s.first).toEqual(sampledFrames(1, 67, 1));
    expect(s.second[0]! - s.first[s.first.length - 1]!).toBeGreaterThanOrEqual(14);
  });

  it('keeps at least minFrames on each side, or refuses', () => {
    expect(timeBlockSplit(sampledFrames(1, 100, 1), { fraction: 0.01, guardFrames: 0, minFrames: 10 })!.second).toHaveLength(10);
    expect(timeBlockSplit(sampledFrames(1, 30, 1), { fraction: 0.2, guardFrames: 14, minFrames: 10 })).toBeUndefined();
  });

  it('cuts runs into clips of T frames with the given stride, covering the tail', () => {
    expect(clipWindows(20, 10, 5)).toEqual([[0, 10], [5, 10], [10, 10]]);
    expect(clipWindows(23, 10, 5)).toEqual([[0, 10], [5, 10], [10, 10], [13, 10]]);
    expect(clipWindows(20, 10, 10)).toEqual([[0, 10], [10, 10]]);
    expect(clipWindows(6, 10, 5)).toEqual([[0, 6]]);
    expect(clipWindows(1, 10, 5)).toEqual([]);
  });

  it('splits frame lists at gaps wider than the step', () => {
    expect(consecutiveRuns([1, 4, 7, 13, 16], 3)).toEqual([[1, 4, 7], [13, 16]]);
  });
});
