// MotChallenge2DBox preprocessing (TrackEval get_preprocessed_seq_data) on hand-made MOT17-style files.
import { describe, expect, it } from 'vitest';
import { parseMotText } from '../../../../src-shared/formats/parseMotText';
import { isMotChallengeError, preprocessMotChallenge, type Benchmark } from '../../../../src-shared/metrics/motChallenge';

/** GT lines: frame,id,x,y,w,h,conf,class,visibility (MOT16/17/20 layout). */
const gt9 = (rows: string[]): ReturnType<typeof parseMotText>['table'] => parseMotText(rows.join('\n'), { kind: 'gt', fileName: 'gt.txt' }).table;
const res = (rows: string[]): ReturnType<typeof parseMotText>['table'] => parseMotText(rows.map((r) => `${r},0.9,-1,-1,-1`).join('\n'), { kind: 'res', fileName: 'res.txt' }).table;

function prep(g: string[], t: string[], benchmark: Benchmark = 'MOT17', doPreproc = true, seqLength = 2) {
  return preprocessMotChallenge(gt9(g), res(t), { benchmark, doPreproc, seqLength });
}

describe('MOTChallenge preprocessing', () => {
  // Frame 1: GT 1 pedestrian, GT 2 static person (class 7, distractor), GT 3 pedestrian marked conf 0,
  // GT 4 car (class 3, not a distractor). Tracker 10 on GT 1, 11 on GT 2, 12 on GT 3, 13 on GT 4, 14 alone.
  const g = ['1,1,0,0,40,100,1,1,1', '1,2,100,0,40,100,1,7,1', '1,3,200,0,40,100,0,1,1', '1,4,300,0,40,100,1,3,1'];
  const t = ['1,10,0,0,40,100', '1,11,100,0,40,100', '1,12,200,0,40,100', '1,13,300,0,40,100', '1,14,500,0,40,100'];

  it('removes distractor GT with the tracker boxes matched to them, drops zero-marked and non-pedestrian GT', () => {
    const d = prep(g, t);
    if (isMotChallengeError(d)) throw new Error(d.message);
    expect([...d.gtIdNames]).toEqual([1]);
    expect([...d.trIdNames]).toEqual([10, 12, 13, 14]); // 11 (on the static person) is gone
    expect([d.numGtDets, d.numTrackerDets]).toEqual([1, 4]);
  });

  it('treats class 6 (non_mot_vehicle) as a distractor for MOT20 only', () => {
    const g6 = ['1,1,0,0,40,100,1,6,1'];
    const t6 = ['1,10,0,0,40,100'];
    const a = prep(g6, t6, 'MOT17');
    const b = prep(g6, t6, 'MOT20');
    if (isMotChallengeError(a) || isMotChallengeError(b)) throw new Error('unexpected error');
    expect([a.numTrackerDets, b.numTrackerDets]).toEqual([1, 0]);
  });

  it('does no class preprocessing for MOT15 or with preprocessing off, but still drops conf-0 GT', () => {
    for (const [bench, pre] of [['MOT15', true], ['MOT17', false]] as const) {
      const d = prep(g, t, bench, pre);
      if (isMotChallengeError(d)) throw new Error(d.message);
      expect([...d.gtIdNames]).toEqual([1, 2, 4]);
      expect(d.numTrackerDets).toBe(5);
    }
  });

  it('relabels ids to 0..n-1 in ascending order of the file ids', () => {
    const d = prep(['1,9,0,0,40,100,1,1,1', '2,3,0,0,40,100,1,1,1'], ['1,500,0,0,40,100', '2,20,0,0,40,100']);
    if (isMotChallengeError(d)) throw new Error(d.message);
    expect([...d.gtIds, ...d.trIds]).toEqual([1, 0, 1, 0]);
  });

  it('refuses what TrackEval refuses (a tracker class above 1, frames beyond seqLength), naming the line', () => {
    const cls = preprocessMotChallenge(gt9(g), parseMotText('1,10,0,0,40,100,0.9,2,-1,-1', { kind: 'res', fileName: 'r' }).table, { benchmark: 'MOT17', doPreproc: true, seqLength: 2 });
    expect(cls).toMatchObject({ which: 'tracker', line: 1, message: expect.stringMatching(/pedestrian/) });
    const beyond = prep(['3,1,0,0,40,100,1,1,1'], t, 'MOT17', true, 2);
    expect(beyond).toMatchObject({ which: 'gt', line: 1, message: expect.stringMatching(/outside 1\.\.2/) });
  });
});
