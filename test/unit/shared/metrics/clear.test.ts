// CLEAR on hand-checked toy sequences (boxes 40×100; identical boxes have IoU 1).
import { describe, expect, it } from 'vitest';
import { evalSequence, finalize } from '../../../../src-shared/metrics/clear';
import { merge, range, toyData, track } from '../../../helpers/toyMot';

describe('CLEAR', () => {
  it('counts TP/FN/FP, one ID switch, fragmentation and MT/PT/ML', () => {
    // GT 1 in frames 1-4; tracker id 7 in 1-2, nothing in 3 except a far FP, id 8 in 4.
    // TP 3, FN 1 (frame 3), FP 1, IDSW 1 (7 -> 8); GT tracked 1-2, untracked 3, tracked 4 -> Frag 1.
    // Ratio 3/4 = 0.75: PT (> 0.2, not > 0.8). MOTA = (3 - 1 - 1)/4 = 0.25, MOTP = 3/3 = 1.
    const d = toyData(track(range(1, 4), 1, () => 100), merge(track(range(1, 2), 7, () => 100), track([3], 9, () => 900), track([4], 8, () => 100)), 4);
    const c = evalSequence(d);
    expect(c).toEqual({ CLR_TP: 3, CLR_FN: 1, CLR_FP: 1, IDSW: 1, MT: 0, PT: 1, ML: 0, Frag: 1, CLR_Frames: 4, MOTP_sum: 3 });
    const f = finalize(c);
    expect([f.MOTA, f.MODA, f.MOTP, f.CLR_Re, f.CLR_Pr, f.PTR, f.FP_per_frame]).toEqual([0.25, 0.5, 1, 0.75, 0.75, 1, 0.25]);
    // MOTAL = (TP - FP - log10(IDSW)) / (TP + FN) = (3 - 1 - 0) / 4; sMOTA = (MOTP_sum - FP - IDSW) / 4 = 0.25.
    expect([f.MOTAL, f.sMOTA, f.CLR_F1]).toEqual([0.5, 0.25, 3 / (3 + 0.5 + 0.5)]);
  });

  it('keeps the previous match across a timestep without tracker boxes (TrackEval skips it): no Frag', () => {
    // Frame 3 has no tracker box at all, so TrackEval does not reset "matched in the previous timestep".
    const d = toyData(track(range(1, 4), 1, () => 100), merge(track(range(1, 2), 7, () => 100), track([4], 7, () => 100)), 4);
    expect(evalSequence(d)).toMatchObject({ CLR_TP: 3, CLR_FN: 1, IDSW: 0, Frag: 0 });
  });

  it('prefers continuing the previous id over a better IoU (1000 bonus)', () => {
    // Frame 2: id 7 overlaps GT 1 with IoU 30·100/(2·4000 − 3000) = 0.6, id 8 exactly (IoU 1); 7 continues.
    const d = toyData(track(range(1, 2), 1, () => 100), merge(track([1], 7, () => 100), track([2], 7, () => 110), track([2], 8, () => 100)), 2);
    expect(evalSequence(d)).toMatchObject({ IDSW: 0, CLR_TP: 2, CLR_FP: 1, MOTP_sum: 1 + 3000 / 5000 });
  });

  it('returns TrackEval’s initial values for a sequence without tracker boxes', () => {
    const d = toyData(track(range(1, 3), 1, () => 100), {}, 3);
    const f = finalize(evalSequence(d));
    expect([f.CLR_FN, f.ML, f.MLR, f.CLR_Frames, f.MOTA]).toEqual([3, 1, 1, 0, 0]);
  });
});
