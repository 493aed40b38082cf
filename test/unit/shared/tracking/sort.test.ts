// SORT's track life cycle (sort.py): every track is reported in the first min_hits frames, later
// only after min_hits matches in a row; a track unmatched for more than max_age frames is deleted.
import { describe, expect, it } from 'vitest';
import { SORT_DEFAULTS, Sort } from '../../../../src-shared/tracking/sort';
import { frameDetections } from '../../../../src-shared/tracking/types';
import { frame, runFrames } from './helpers';

const walker = (t: number) => [10 + 2 * t, 10, 50 + 2 * t, 110, 0.9] as const;
const still = [200, 10, 240, 110, 0.9] as const;

describe('Sort', () => {
  it('has the official defaults', () => expect(SORT_DEFAULTS).toEqual({ maxAge: 1, minHits: 3, iouThreshold: 0.3 }));

  it('keeps ids across frames and reports as sort.py does', () => {
    const frames = [0, 1, 2, 3].map((t) => frame(walker(t), still));
    expect(runFrames(new Sort(), frames)).toEqual([['1@10', '2@200'], ['1@12', '2@200'], ['1@14', '2@200'], ['1@16', '2@200']]);
  });

  it('deletes a track after max_age missed frames and waits min_hits for a new one', () => {
    const empty = frameDetections([], []);
    const frames = [frame(walker(0)), frame(walker(1)), frame(walker(2)), frame(walker(3)), empty, empty, frame(walker(6)), frame(walker(7)), frame(walker(8)), frame(walker(9))];
    const out = runFrames(new Sort(), frames);
    expect(out.slice(0, 4)).toEqual([['1@10'], ['1@12'], ['1@14'], ['1@16']]);
    // Track 1 is gone after two misses; the walker comes back as track 2 (hit streak 0 when created),
    // reported once it has been matched min_hits = 3 times.
    expect(out.slice(4)).toEqual([[], [], [], [], [], ['2@28']]);
  });

  it('takes ids only from the allocator it is given', () => {
    let next = 100;
    const out = runFrames(new Sort({}, { next: () => (next += 7) }), [frame(walker(0), still)]);
    expect(out).toEqual([['107@10', '114@200']]);
  });
});
