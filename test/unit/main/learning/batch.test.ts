// Batch assembly and sampling: rows, UniTrack windows (W-frame sub-windows, dt from frame gaps, A3
// counts), and the counter-based clip sampler that makes resume exact.
import { describe, expect, it } from 'vitest';
import { assembleBatch } from '../../../../src-main/learning/batch';
import type { TrainClip, TrainFrame } from '../../../../src-main/learning/data';
import { sampleClips } from '../../../../src-main/learning/train';

const frame = (frameIndex: number, ids: number[], gtCount: number): TrainFrame => ({
  frameIndex,
  boxesXyxy: new Float32Array(4 * ids.length),
  identities: Int32Array.from(ids),
  quality: new Float32Array(ids.length).fill(0.8),
  gtCount,
  crops: new Float32Array(ids.length * 2 * 2 * 3).fill(frameIndex),
});

describe('assembleBatch', () => {
  it('stacks clips, splits them into W-frame windows and counts FP/FN per window', () => {
    const a: TrainClip = { sequence: 'a', imageWidth: 30, imageHeight: 40, frameStep: 2, frames: [frame(1, [0, 1], 3), frame(3, [0, -1], 2), frame(7, [1], 2), frame(9, [0, 1], 2)] };
    const b: TrainClip = { sequence: 'b', imageWidth: 30, imageHeight: 40, frames: [frame(1, [5], 1), frame(2, [5], 1)] };
    const batch = assembleBatch([a, b], 3, 2, 2);
    expect(batch.count).toBe(9);
    expect(Array.from(batch.identities)).toEqual([0, 1, 0, -1, 1, 0, 1, 5, 5]);
    expect(batch.crops[4 * 12]).toBe(7); // row 4 is clip a's third frame
    expect(batch.windows).toHaveLength(2); // a: frames 0–2 (frame 3 left over); b: one 2-frame window
    const [wa, wb] = batch.windows;
    expect(wa!.frames.map((f) => Array.from(f.rows))).toEqual([[0, 1], [2, 3], [4]]);
    expect(wa!.dt).toEqual([1, 2]); // frame gaps 2 and 4 at frameStep 2
    expect(wa!.diag).toBe(50);
    // P = 5, FP = 1, GT = 3 + 2 + 2 = 7, matched = 4 → FN = 3.
    expect(wa!.counts).toEqual({ fp: 1, p: 5, gt: 7, fn: 3 });
    expect(wb!.frames.map((f) => Array.from(f.rows))).toEqual([[7], [8]]);
    expect(batch.clips.map((c) => [c.start, c.end])).toEqual([[0, 7], [7, 9]]);
    expect(batch.clips[1]!.frames.map((f) => Array.from(f.rows))).toEqual([[0], [1]]);
  });
});

describe('sampleClips', () => {
  it('visits every clip once per epoch, reshuffles per epoch, and depends only on (seed, step)', () => {
    const epoch = (e: number): number[] => [0, 1, 2].flatMap((s) => sampleClips(7, 6, 3 * e + s, 2).map((p) => p.index));
    expect([...epoch(0)].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...epoch(1)].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(epoch(0)).not.toEqual(epoch(1));
    expect(sampleClips(7, 6, 5, 2)).toEqual(sampleClips(7, 6, 5, 2));
    expect(sampleClips(8, 6, 5, 2)).not.toEqual(sampleClips(7, 6, 5, 2));
    // A step straddling an epoch boundary (5 clips, 2 per step, step 2 = clips 4 and 5).
    const straddle = sampleClips(1, 5, 2, 2);
    expect(straddle[0]!.index).toBe(sampleClips(1, 5, 0, 5)[4]!.index);
    expect(new Set(sampleClips(1, 6, 0, 6).map((p) => p.augmentSeed)).size).toBe(6);
  });
});
