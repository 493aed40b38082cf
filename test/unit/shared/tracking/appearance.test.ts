// The appearance tracker prefers the detection that looks like the track when two overlap it, and
// without embeddings it follows the IoU like ByteTrack.
import { describe, expect, it } from 'vitest';
import { AppearanceTracker } from '../../../../src-shared/tracking/appearance';
import type { FrameDetections } from '../../../../src-shared/tracking/types';
import { frame } from './helpers';

const withEmb = (f: FrameDetections, rows: number[][]): FrameDetections => ({ ...f, embeddings: Float32Array.from(rows.flat()), embeddingDim: rows[0]!.length });
const red = [1, 0, 0];
const blue = [0, 0, 1];

describe('AppearanceTracker', () => {
  it('matches by appearance among overlapping detections', () => {
    const t = new AppearanceTracker();
    t.update(withEmb(frame([0, 0, 40, 100, 0.9]), [red]));
    // d0 is closer (IoU) but blue; d1 overlaps less but is red like the track.
    const out = t.update(withEmb(frame([1, 0, 41, 100, 0.9], [6, 0, 46, 100, 0.9]), [blue, red]));
    expect(out.map((b) => [b.id, b.tlwh[0]! > 3])).toEqual([[1, true]]);
  });

  it('follows IoU without embeddings', () => {
    const t = new AppearanceTracker();
    t.update(frame([0, 0, 40, 100, 0.9]));
    const out = t.update(frame([1, 0, 41, 100, 0.9], [6, 0, 46, 100, 0.9]));
    expect(out.map((b) => [b.id, b.tlwh[0]! < 3])).toEqual([[1, true]]);
  });
});
