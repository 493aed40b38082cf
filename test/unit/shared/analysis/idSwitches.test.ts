// METHODS.md §5.6 toy cases E1–E5 with the values of ../shared/spec/ref/errortypes_ref.out.txt, and the
// IDTP cost of switches on hand-checked fixtures. Boxes are 40×100 px, fps 30 (W3 = 30), frames 1–10.
import { describe, expect, it } from 'vitest';
import { analyzeSwitches, type SwitchAnalysis } from '../../../../src-shared/analysis/idSwitches';
import { evalSequence as clearEval } from '../../../../src-shared/metrics/clear';
import { merge, range, toyData, track, type ToyBoxes } from '../../../helpers/toyMot';

function analyze(gt: ToyBoxes, tr: ToyBoxes): SwitchAnalysis & { idsw: number } {
  const d = toyData(gt, tr);
  const log = { trackerDetOfGtDet: new Int32Array(d.numGtDets) };
  const c = clearEval(d, log);
  const a = analyzeSwitches(d, log, { fps: 30 });
  expect(a.totals.type1 + a.totals.type2 + a.totals.type3).toBe(c.IDSW);
  return { ...a, idsw: c.IDSW };
}

/** The fields errortypes_ref.py prints. */
const ref = (a: SwitchAnalysis) =>
  a.events.map((e) => ({ gt: e.gtId, frame: e.frame, old: e.prevTrackerId, new: e.newTrackerId, gap: e.gap, type: e.type, partner: e.partnerGtId, new_id_kind: e.kind, mutual: e.mutual }));

const moving = (f: number): number => 100 + 5 * f;

describe('error types of METHODS.md §5.6 (errortypes_ref.out.txt)', () => {
  it('E1: occlusion gap then a new id is Type 1, fresh; one fragmentation', () => {
    const a = analyze(track(range(1, 10), 1, moving), merge(track(range(1, 4), 7, moving), track(range(7, 10), 9, moving)));
    expect(ref(a)).toEqual([{ gt: 1, frame: 7, old: 7, new: 9, gap: 2, type: 1, partner: null, new_id_kind: 'fresh', mutual: false }]);
    expect(a.fragmentations).toHaveLength(1);
  });

  it('E2: continuous track, id jump is Type 2, fresh; no fragmentation', () => {
    const a = analyze(track(range(1, 10), 1, moving), merge(track(range(1, 5), 7, moving), track(range(6, 10), 8, moving)));
    expect(ref(a)).toEqual([{ gt: 1, frame: 6, old: 7, new: 8, gap: 0, type: 2, partner: null, new_id_kind: 'fresh', mutual: false }]);
    expect(a.fragmentations).toHaveLength(0);
  });

  it('E3: two GTs cross and their ids swap: two Type 3 events, recycled, mutual partners', () => {
    const g1 = (f: number): number => 100 + 20 * f;
    const g2 = (f: number): number => 320 - 20 * f;
    const a = analyze(
      merge(track(range(1, 10), 1, g1), track(range(1, 10), 2, g2)),
      merge(track(range(1, 5), 7, g1), track(range(1, 5), 8, g2), track(range(6, 10), 8, g1), track(range(6, 10), 7, g2)),
    );
    expect(ref(a)).toEqual([
      { gt: 1, frame: 6, old: 7, new: 8, gap: 0, type: 3, partner: 2, new_id_kind: 'recycled', mutual: true },
      { gt: 2, frame: 6, old: 8, new: 7, gap: 0, type: 3, partner: 1, new_id_kind: 'recycled', mutual: true },
    ]);
    expect(a.fragmentations).toHaveLength(0);
    expect(a.totals.mutual).toBe(2);
  });

  it('E4: the same id after a gap is a fragmentation, not a switch', () => {
    const a = analyze(track(range(1, 10), 1, moving), merge(track(range(1, 4), 7, moving), track(range(7, 10), 7, moving)));
    expect(ref(a)).toEqual([]);
    expect(a.fragmentations).toEqual([{ frame: 7, gtId: 1, trackerId: 7, lastMatchedFrame: 4, sameId: true }]);
  });

  it('E5: an id taken from a far-away GT is Type 2 (distant transfer), recycled; GT 2 lost for good adds no fragmentation', () => {
    const a = analyze(
      merge(track(range(1, 10), 1, () => 100), track(range(1, 10), 2, () => 1000)),
      merge(track(range(1, 5), 7, () => 100), track(range(1, 5), 8, () => 1000), track(range(6, 10), 8, () => 100)),
    );
    expect(ref(a)).toEqual([{ gt: 1, frame: 6, old: 7, new: 8, gap: 0, type: 2, partner: null, new_id_kind: 'recycled', mutual: false }]);
    expect(a.fragmentations).toHaveLength(0);
  });
});

describe('switch context', () => {
  it('lists the nearby GT at the switch frame with IoU and centre distance', () => {
    // GT 1 at x=200 and GT 2 at x=220 in frame 6 (E3 geometry shifted): overlap 20 px of 40 → IoU 2000/6000.
    const a = analyze(
      merge(track(range(1, 10), 1, () => 200), track(range(1, 10), 2, () => 220)),
      merge(track(range(1, 5), 7, () => 200), track(range(6, 10), 9, () => 200), track(range(1, 10), 8, () => 220)),
    );
    expect(a.events).toHaveLength(1);
    expect(a.events[0]!.nearby).toEqual([{ gtId: 2, iou: 2000 / 6000, centerDistance: 20 }]);
    expect(a.events[0]!.kind).toBe('fresh');
    // Centres 20 px apart <= κ·100: close, but id 9 never belonged to GT 2, so not Type 3.
    expect(a.events[0]!.type).toBe(2);
  });

  it('flags pose change and fast motion from the GT boxes at the two matches', () => {
    // Frame 5: 40×100 at x=100; frame 6: 60×100 at x=200. log(0.6/0.4) = 0.405 > 0.2; centre moves 110 > 50.
    const gt = merge(track(range(1, 5), 1, () => 100), track(range(6, 10), 1, () => [200, 100, 60, 100]));
    const tr = merge(track(range(1, 5), 7, () => 100), track(range(6, 10), 8, () => [200, 100, 60, 100]));
    const e = analyze(gt, tr).events[0]!;
    expect([e.poseChange, e.fastMotion, e.occludedBefore]).toEqual([true, true, false]);
  });
});

describe('IDTP cost of a switch (undo it, re-optimise the Identity matching)', () => {
  it('short tail: GT 1 has id 7 in frames 1–6 and id 9 in 7–10 → IDTP 6, undone 10, cost 4', () => {
    const a = analyze(track(range(1, 10), 1, () => 100), merge(track(range(1, 6), 7, () => 100), track(range(7, 10), 9, () => 100)));
    expect(a.events.map((e) => e.idtpCost)).toEqual([4]);
  });

  it('long tail: id 7 in 1–3, id 9 in 4–10 → IDTP 7 (GT 1 ↔ 9), undone 10, cost 3', () => {
    const a = analyze(track(range(1, 10), 1, () => 100), merge(track(range(1, 3), 7, () => 100), track(range(4, 10), 9, () => 100)));
    expect(a.events.map((e) => e.idtpCost)).toEqual([3]);
  });

  it('swap (E3): IDTP 5+5 = 10; undoing either event trades the labels in 6–10 → 10+10 = 20, cost 10 each', () => {
    const g1 = (f: number): number => 100 + 20 * f;
    const g2 = (f: number): number => 320 - 20 * f;
    const a = analyze(
      merge(track(range(1, 10), 1, g1), track(range(1, 10), 2, g2)),
      merge(track(range(1, 5), 7, g1), track(range(1, 5), 8, g2), track(range(6, 10), 8, g1), track(range(6, 10), 7, g2)),
    );
    expect(a.events.map((e) => e.idtpCost)).toEqual([10, 10]);
  });

  it('switch and switch back (7 → 9 → 7): pm(1,7) = 8, pm(1,9) = 2 → IDTP 8; undo 7→9 (frames 5–6): 10, +2; undo 9→7 (frames 7–10 become 9): pm(1,9) = 6 → −2', () => {
    const a = analyze(
      track(range(1, 10), 1, () => 100),
      merge(track(range(1, 4), 7, () => 100), track(range(5, 6), 9, () => 100), track(range(7, 10), 7, () => 100)),
    );
    expect(a.events.map((e) => [e.frame, e.kind, e.idtpCost])).toEqual([
      [5, 'fresh', 2],
      [7, 'own', -2],
    ]);
  });
});
