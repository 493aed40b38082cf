// The official loops around update(): grouping by frame in file order (FRCNN det rows are not sorted
// by frame), the evaluators' output filter, the writers' formats, and the per-sequence overrides.
import { describe, expect, it } from 'vitest';
import { parseMotText } from '../../../../src-shared/formats/parseMotText';
import { parseParam, trackingSetup } from '../../../../src-shared/tracking/registry';
import { OFFICIAL_OUTPUT_FILTER, formatRow, groupByFrame, keepBox, trackSequence } from '../../../../src-shared/tracking/sequence';
import type { FrameDetections, TrackBox, Tracker } from '../../../../src-shared/tracking/types';

const text = '2,-1,10,20,30,40,0.9\n1,-1,1,2,3,4,0.5\n2,-1,5,5,5,5,0.8\n4,-1,0.1,0.2,10,10,1\n';

describe('tracking a sequence', () => {
  it('groups rows by frame in file order and makes tlbr as x + w', () => {
    const g = groupByFrame(parseMotText(text, { kind: 'det', fileName: 't' }).table);
    expect(g.lastFrame).toBe(4);
    expect(Array.from(g.frame(2).tlbr)).toEqual([10, 20, 40, 60, 5, 5, 10, 10]);
    expect(Array.from(g.frame(2).score)).toEqual([0.9, 0.8]);
    expect(g.frame(3).count).toBe(0);
    expect(g.frame(4).tlbr[2]).toBe(0.1 + 10);
  });

  it('feeds every frame (SORT) or only frames with detections (ByteTrack, OC-SORT)', () => {
    const g = groupByFrame(parseMotText(text, { kind: 'det', fileName: 't' }).table);
    const fed: number[] = [];
    const spy: Tracker = { update: (d: FrameDetections): TrackBox[] => (fed.push(d.count), []) };
    trackSequence(spy, g, { loop: 'every-frame' });
    expect(fed).toEqual([1, 2, 0, 1]);
    fed.length = 0;
    trackSequence(spy, g, { loop: 'skip-empty' });
    expect(fed).toEqual([1, 2, 1]);
  });

  it('filters boxes like mot_evaluator.py: w*h > 100 and not w/h > 1.6', () => {
    expect(keepBox([0, 0, 10, 10], OFFICIAL_OUTPUT_FILTER)).toBe(false); // area 100 is not > 100
    expect(keepBox([0, 0, 10, 10.1], OFFICIAL_OUTPUT_FILTER)).toBe(true);
    expect(keepBox([0, 0, 16, 10], OFFICIAL_OUTPUT_FILTER)).toBe(true); // 1.6 is not > 1.6
    expect(keepBox([0, 0, 16.1, 10], OFFICIAL_OUTPUT_FILTER)).toBe(false);
  });

  it('writes rows as each official writer does', () => {
    const r = { frame: 3, box: { id: 7, tlwh: Float64Array.of(1017, -0.004, 39.125, 119.25), score: 0.945 } };
    expect(formatRow(r, 'sort')).toBe('3,7,1017.00,-0.00,39.12,119.25,1,-1,-1,-1');
    expect(formatRow(r, 'bytetrack')).toBe('3,7,1017.0,-0.0,39.1,119.2,0.94,-1,-1,-1');
    expect(formatRow(r, 'ocsort')).toBe('3,7,1017.0,-0.0,39.1,119.2,-1,-1,-1,-1');
    expect(formatRow(r, 'canonical')).toBe('3,7,1017,-0.004,39.125,119.25,0.945,-1,-1,-1');
  });

  it('applies the official per-sequence overrides by name', () => {
    expect(trackingSetup('bytetrack', { official: true, sequenceName: 'MOT17-05-SDP' }).params).toEqual({ trackBuffer: 14 });
    expect(trackingSetup('bytetrack', { official: true, sequenceName: 'MOT17-14-FRCNN' }).params).toEqual({ trackBuffer: 25 });
    expect(trackingSetup('bytetrack', { official: true, sequenceName: 'MOT17-04-SDP', frameRate: 14 }).params).toEqual({});
    expect(trackingSetup('bytetrack', { official: false, frameRate: 14 }).params).toEqual({ frameRate: 14 });
    expect(trackingSetup('iou', { official: true, sequenceName: 'MOT17-02-DPM' }).params).toMatchObject({ sigmaL: -0.5, tMin: 4 });
    expect(trackingSetup('ocsort', { official: true }).filter).toEqual(OFFICIAL_OUTPUT_FILTER);
    expect(trackingSetup('sort', { official: true }).filter).toBeUndefined();
    expect(trackingSetup('sort', { official: true }).loop).toBe('every-frame');
  });

  it('parses typed parameters', () => {
    expect(parseParam('ocsort', 'assoFunc', 'giou')).toEqual({ value: 'giou' });
    expect(parseParam('ocsort', 'useByte', 'true')).toEqual({ value: true });
    expect(parseParam('sort', 'minHits', '2.5')).toEqual({ error: 'minHits must be a whole number, got "2.5"' });
    expect('error' in parseParam('bytetrack', 'trackThresh', '1.5')).toBe(true);
  });
});
