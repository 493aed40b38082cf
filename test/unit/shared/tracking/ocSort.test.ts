// OC-SORT (ocsort.py): the reported box is the last observation itself, and a track missed for a
// few frames is recovered with its id (OCR and the observation-centric re-update).
import { describe, expect, it } from 'vitest';
import { OCSORT_DEFAULTS, OcSort } from '../../../../src-shared/tracking/ocSort';
import { speedDirection } from '../../../../src-shared/tracking/ocSortTrack';
import { frame, runFrames } from './helpers';

const at = (t: number) => [100 + 5 * t, 50, 140 + 5 * t, 150, 0.9] as const;
const other = [400, 50, 440, 150, 0.9] as const;

describe('OcSort', () => {
  it('has the official defaults', () => {
    expect(OCSORT_DEFAULTS).toEqual({ detThresh: 0.6, maxAge: 30, minHits: 3, iouThreshold: 0.3, deltaT: 3, assoFunc: 'iou', inertia: 0.2, useByte: false });
  });

  it('reports the observed detection box, not the filter state', () => {
    const t = new OcSort();
    let last: Float64Array | undefined;
    for (let k = 0; k < 5; k++) last = t.update(frame([100 + 5 * k + (k % 2) * 3, 50, 140 + 5 * k, 150, 0.9]))[0]?.tlwh;
    expect(Array.from(last!)).toEqual([120, 50, 40, 100]);
  });

  it('recovers a track after missed frames with the same id', () => {
    const frames = [0, 1, 2, 3, 4].map((k) => frame(at(k), other));
    frames.push(frame(other), frame(other), frame(other));
    frames.push(...[8, 9, 10].map((k) => frame(at(k), other)));
    const out = runFrames(new OcSort(), frames);
    expect(out[4]).toEqual(['1@120', '2@400']);
    expect(out[5]).toEqual(['2@400']);
    // Back after three missed frames: same id; reported again once its hit streak reaches min_hits.
    expect(out[10]).toEqual(['1@150', '2@400']);
  });

  it('speed_direction is the unit (dy, dx) between box centres', () => {
    const [dy, dx] = speedDirection([0, 0, 10, 10], [3, 4, 13, 14]);
    expect(dy).toBeCloseTo(4 / (5 + 1e-6), 12);
    expect(dx).toBeCloseTo(3 / (5 + 1e-6), 12);
  });
});
