// Identity metrics on hand-checked toys.
import { describe, expect, it } from 'vitest';
import { evalSequence, finalize, maxWeightMatching } from '../../../../src-shared/metrics/identity';
import { merge, range, toyData, track } from '../../../helpers/toyMot';

describe('Identity', () => {
  it('matches each GT id to one tracker id: 7 for 6 frames, 9 for 4 → IDTP 6, IDFN 4, IDFP 4, IDF1 0.6', () => {
    const d = toyData(track(range(1, 10), 1, () => 100), merge(track(range(1, 6), 7, () => 100), track(range(7, 10), 9, () => 100)));
    const f = finalize(evalSequence(d));
    expect([f.IDTP, f.IDFN, f.IDFP]).toEqual([6, 4, 4]);
    expect([f.IDR, f.IDP, f.IDF1]).toEqual([0.6, 0.6, 6 / (6 + 2 + 2)]);
  });

  it('needs IoU >= 0.5 to count a frame', () => {
    // Shift by 14 px: IoU 26·100/(8000 − 2600) = 0.4815 < 0.5 → IDTP 0.
    const d = toyData(track(range(1, 3), 1, () => 100), track(range(1, 3), 7, () => 114), 3);
    expect(evalSequence(d)).toEqual({ IDTP: 0, IDFN: 3, IDFP: 3 });
  });

  it('maxWeightMatching solves the assignment, not a greedy pick', () => {
    // Rows 0,1; cols 0,1; weights (0,0)=5, (0,1)=4, (1,0)=4: greedy takes 5, best is 4 + 4 = 8.
    expect(maxWeightMatching([0, 0, 1], [0, 1, 0], [5, 4, 4], 2, 2)).toBe(8);
  });
});
