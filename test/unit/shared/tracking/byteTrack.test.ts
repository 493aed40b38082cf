// ByteTrack's two stages (byte_tracker.py): a tracked track survives on a low-score detection
// (0.1 < score < track_thresh); a new track needs score >= track_thresh + 0.1; a lost track is
// re-found with its id within track_buffer frames.
import { describe, expect, it } from 'vitest';
import { BYTETRACK_DEFAULTS, ByteTrack } from '../../../../src-shared/tracking/byteTrack';
import { frame, runFrames } from './helpers';

const at = (t: number, score: number) => [100 + 3 * t, 50, 140 + 3 * t, 150, score] as const;
const other = [400, 50, 440, 150, 0.9] as const;

describe('ByteTrack', () => {
  it('has the official defaults', () => {
    expect(BYTETRACK_DEFAULTS).toMatchObject({ trackThresh: 0.6, trackBuffer: 30, matchThresh: 0.9, frameRate: 30, fuseScore: true });
  });

  it('keeps a track on low-score detections (second association)', () => {
    const out = runFrames(new ByteTrack(), [frame(at(0, 0.9)), frame(at(1, 0.9)), frame(at(2, 0.3)), frame(at(3, 0.3)), frame(at(4, 0.9))]);
    expect(out.map((f) => f.map((s) => s.split('@')[0]))).toEqual([['1'], ['1'], ['1'], ['1'], ['1']]);
  });

  it('starts tracks only from detections with score >= 0.7, confirmed on their second frame', () => {
    const t = new ByteTrack();
    expect(runFrames(t, [frame(other), frame(other, at(0, 0.65)), frame(other, at(1, 0.65))])).toEqual([['1@400'], ['1@400'], ['1@400']]);
    // Frame > 1: a new track is reported from its second matched frame; its id was taken when it started.
    expect(runFrames(t, [frame(other, at(2, 0.8)), frame(other, at(3, 0.8))]).map((f) => f.map((s) => s.split('@')[0]))).toEqual([['1'], ['2', '1']]);
  });

  it('re-finds a lost track with its id within the buffer, not after it', () => {
    const seq = (gap: number) => [frame(at(0, 0.9), other), frame(at(1, 0.9), other), ...Array.from({ length: gap }, () => frame(other)), frame(at(2, 0.9), other)];
    const ids = (gap: number, buffer: number) => runFrames(new ByteTrack({ trackBuffer: buffer }), seq(gap)).at(-1);
    expect(ids(5, 30)).toEqual(['1@106', '2@400']);
    // Lost at frame 3; with buffer 2 it is removed at frame 6, stays one more frame in the lost list
    // (as in the reference) and is gone at frame 8: the box starts a new, unconfirmed track.
    expect(ids(6, 2)).toEqual(['2@400']);
  });
});
