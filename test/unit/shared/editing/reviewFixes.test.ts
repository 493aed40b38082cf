// The review queue's one-key fixes against a real project file: each turns a wrong annotation around a
// switch into the right one as one revision, undoes exactly, and refuses what it cannot fix with why.
import { afterEach, describe, expect, it } from 'vitest';
import * as cmd from '../../../../src-shared/editing/commands';
import { fixFor, otherSubject, reassignFrom, type FixTarget } from '../../../../src-shared/editing/reviewFixes';
import type { CommandResult } from '../../../../src-shared/editing/view';
import type { ProjectStore } from '../../../../src-main/store/project/projectStore';
import { checkDatabaseLeaks } from '../../../helpers/leaks';
import { projectWithSequence } from '../../../helpers/project';
import { storeView } from '../../../helpers/storeView';

checkDatabaseLeaks();
let store: ProjectStore;
let seq: number;
afterEach(() => store.close());

function apply(r: CommandResult): void {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  store.history.apply(seq, r.edits, r.label, 1);
}
/** Two annotated subjects: A walks at x = 10·f, B at x = 500 − 10·f, frames 1..20 (track ids 1 and 2). */
function twoSubjects() {
  ({ store, seq } = projectWithSequence(20));
  const v = storeView(store, seq);
  for (const [id, x0, dx] of [[1, 0, 10], [2, 500, -10]] as const) {
    apply(cmd.drawBox(v, 1, { x: x0 + dx, y: 10, w: 20, h: 50 }, { trackId: id }));
    for (let f = 2; f <= 20; f++) apply(cmd.drawBox(v, f, { x: x0 + dx * f, y: 10, w: 20, h: 50 }, { trackId: id }));
  }
  return v;
}
/** Which subject (A: x increasing, B: decreasing) track `id` shows in frame f, or '-' when it has no box. */
function who(v: ReturnType<typeof twoSubjects>, id: number, f: number): string {
  const b = v.trackBoxes(id).find((x) => x.frame === f);
  return !b ? '-' : b.x === 10 * f ? 'A' : b.x === 500 - 10 * f ? 'B' : '?';
}
const event = (o: Partial<FixTarget> = {}): FixTarget => ({ frame: 11, gtId: 1, partnerGtId: 2, nearbyGtIds: [], ...o });

describe('review fixes', () => {
  it('swap: the annotator swapped A and B at frame 11; swapping GT 1 and its partner from 11 restores both, and undoes', () => {
    const v = twoSubjects();
    apply(cmd.swapFrom(v, 1, 2, 11)); // the annotation error
    expect([who(v, 1, 10), who(v, 1, 11)]).toEqual(['A', 'B']);
    apply(fixFor(v, event(), 'swap'));
    expect([1, 10, 11, 20].map((f) => who(v, 1, f) + who(v, 2, f))).toEqual(['AB', 'AB', 'AB', 'AB']);
    store.history.undo(seq);
    expect(who(v, 1, 11)).toBe('B');
  });

  it('split: GT 1 continued onto another subject at 11; its boxes from 11 become a new track', () => {
    const v = twoSubjects();
    const r = fixFor(v, event({ partnerGtId: null }), 'split');
    expect(r).toMatchObject({ ok: true, label: 'split track 1 at frame 11 (new track 3)' });
    apply(r);
    expect(v.trackBoxes(1).at(-1)!.frame).toBe(10);
    expect(v.trackBoxes(3).map((b) => b.frame)[0]).toBe(11);
  });

  it('reassign: GT 1 from frame 11 is really GT 2, which ends at 10; the tail moves to 2', () => {
    const v = twoSubjects();
    apply(cmd.deleteFrom(v, 2, 11));
    apply(fixFor(v, event(), 'reassign'));
    expect(v.trackBoxes(1).map((b) => b.frame).at(-1)).toBe(10);
    expect(v.trackBoxes(2).map((b) => b.frame)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(who(v, 2, 15)).toBe('A');
    store.history.undo(seq);
    expect(v.trackBoxes(2).at(-1)!.frame).toBe(10);
  });

  it('reassign refuses when the other track has boxes from t on (that is a swap)', () => {
    const v = twoSubjects();
    expect(reassignFrom(v, 1, 2, 11)).toEqual({ ok: false, reason: 'track 2 has boxes from frame 11 on: swap the two tracks instead (X)' });
    expect(reassignFrom(v, 1, 1, 11)).toMatchObject({ ok: false });
    expect(reassignFrom(v, 1, 9, 11)).toEqual({ ok: false, reason: 'no track 9' });
  });

  it('merge: the partner track is the same subject as GT 1 (a duplicate); it is merged into 1', () => {
    const v = twoSubjects();
    apply(cmd.deleteFrom(v, 2, 1)); // track 2 gone: rebuild it as a duplicate of A for frames 15..20
    for (let f = 15; f <= 20; f++) apply(cmd.drawBox(v, f, { x: 10 * f, y: 10, w: 20, h: 50 }, { trackId: 2 }));
    apply(cmd.deleteFrom(v, 1, 15));
    apply(fixFor(v, event({ frame: 15 }), 'merge'));
    expect(v.track(2)).toBeUndefined();
    expect(v.trackBoxes(1)).toHaveLength(20);
  });

  it('uses the nearest other GT object when there is no Type 3 partner, and refuses without one', () => {
    expect(otherSubject(event({ partnerGtId: null, nearbyGtIds: [1, 4, 2] }))).toBe(4);
    const v = twoSubjects();
    expect(fixFor(v, event({ partnerGtId: null }), 'swap')).toEqual({ ok: false, reason: 'no other subject near GT 1 at frame 11: open the event in the editor (Enter)' });
    expect(fixFor(v, event({ gtId: 7 }), 'split')).toEqual({ ok: false, reason: 'GT track 7 no longer exists' });
  });
});
