// Editor commands against a real project file: the edits they produce, applied by main, give the
// expected annotations; and every command undoes exactly.
import { afterEach, describe, expect, it } from 'vitest';
import * as cmd from '../../../../src-shared/editing/commands';
import type { CommandResult } from '../../../../src-shared/editing/view';
import { INTERPOLATED, KEYFRAME, OUTSIDE } from '../../../../src-shared/model/boxFlags';
import type { ProjectStore } from '../../../../src-main/store/project/projectStore';
import { checkDatabaseLeaks } from '../../../helpers/leaks';
import { projectWithSequence } from '../../../helpers/project';
import { storeView } from '../../../helpers/storeView';

checkDatabaseLeaks();
let store: ProjectStore;
let seq: number;
afterEach(() => store.close());
function setup(frames = 100) {
  ({ store, seq } = projectWithSequence(frames));
  return storeView(store, seq);
}
function apply(r: CommandResult | { needsMerge: true }): void {
  if (!('ok' in r) || !r.ok) throw new Error(`refused: ${JSON.stringify(r)}`);
  store.history.apply(seq, r.edits, r.label, 1);
}
const frames = (v: ReturnType<typeof setup>, id: number) => v.trackBoxes(id).map((b) => b.frame);
const g = (x: number) => ({ x, y: 10, w: 20, h: 50 });

describe('editing commands', () => {
  it('draws a track, then keyframes 10 frames apart interpolate linearly (and re-interpolate when one moves)', () => {
    const v = setup();
    apply(cmd.drawBox(v, 1, g(0)));
    expect(v.trackIds()).toEqual([1]);
    apply(cmd.drawBox(v, 11, g(100), { trackId: 1 }));
    const boxes = v.trackBoxes(1);
    expect(boxes.map((b) => b.frame)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(boxes[5]).toMatchObject({ frame: 6, x: 50, flags: INTERPOLATED });
    expect(boxes[0]!.flags & KEYFRAME).toBeTruthy();
    apply(cmd.moveBox(v, 11, 1, g(200)));
    expect(v.trackBoxes(1)[5]!.x).toBe(100);
    store.history.undo(seq);
    expect(v.trackBoxes(1)[5]!.x).toBe(50);
  });

  it('editing an interpolated box makes it a keyframe; K turns it back', () => {
    const v = setup();
    apply(cmd.drawBox(v, 1, g(0)));
    apply(cmd.drawBox(v, 11, g(100), { trackId: 1 }));
    apply(cmd.moveBox(v, 6, 1, g(80)));
    expect(v.trackBoxes(1).find((b) => b.frame === 3)!.x).toBeCloseTo(32);
    expect(cmd.toggleKeyframe(v, 1, 1)).toMatchObject({ ok: false });
    apply(cmd.toggleKeyframe(v, 6, 1));
    expect(v.trackBoxes(1).find((b) => b.frame === 6)).toMatchObject({ x: 50, flags: INTERPOLATED });
  });

  it('outside ends a span; deleting an interpolated box leaves a one-frame gap', () => {
    const v = setup();
    apply(cmd.drawBox(v, 1, g(0)));
    apply(cmd.drawBox(v, 11, g(100), { trackId: 1 }));
    apply(cmd.deleteBox(v, 5, 1));
    expect(v.trackBoxes(1).find((b) => b.frame === 5)!.flags & OUTSIDE).toBeTruthy();
    expect(v.trackBoxes(1).find((b) => b.frame === 6)!.flags & KEYFRAME).toBeTruthy();
    expect(v.trackBoxes(1).find((b) => b.frame === 6)!.x).toBe(50);
    apply(cmd.toggleFlag(v, 1, 1, OUTSIDE));
    expect(frames(v, 1)).toEqual([1, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('imported (non-interpolating) tracks keep their gaps', () => {
    const v = setup();
    store.history.apply(seq, [{ op: 'putTrack', track: { trackId: 7, classId: 1, attributes: {} } }, { op: 'putBox', box: { frame: 1, trackId: 7, ...g(0), conf: 1, c8: 1, c9: 1, c10: -1, flags: KEYFRAME } }], 'import', 1);
    apply(cmd.drawBox(v, 9, g(80), { trackId: 7 }));
    expect(frames(v, 7)).toEqual([1, 9]);
    apply(cmd.setInterpolation(v, 7, true));
    expect(frames(v, 7)).toHaveLength(9);
  });

  it('swaps ids from frame t, splits, merges, renames and deletes from t — each one undo step', () => {
    const v = setup(50);
    for (const id of [1, 2]) {
      apply(cmd.drawBox(v, 1, g(id * 100)));
      apply(cmd.drawBox(v, 40, g(id * 100 + 40), { trackId: id }));
    }
    // Track id*100 at frame 1 -> id*100+40 at frame 40: x(f) = id*100 + 40 (f-1)/39.
    const x = (id: number, f: number) => id * 100 + (40 * (f - 1)) / 39;
    apply(cmd.swapFrom(v, 1, 2, 20));
    expect(v.trackBoxes(1).find((b) => b.frame === 19)!.x).toBeCloseTo(x(1, 19), 9);
    expect(v.trackBoxes(1).find((b) => b.frame === 20)!.x).toBeCloseTo(x(2, 20), 9);
    expect(v.trackBoxes(2).find((b) => b.frame === 20)!.x).toBeCloseTo(x(1, 20), 9);
    store.history.undo(seq);
    expect(v.trackBoxes(1).find((b) => b.frame === 20)!.x).toBeCloseTo(x(1, 20), 9);

    apply(cmd.splitAt(v, 1, 30));
    expect(v.trackIds()).toEqual([1, 2, 3]);
    expect(frames(v, 3)[0]).toBe(30);
    apply(cmd.mergeTracks(v, 3, 1));
    expect(v.trackIds()).toEqual([1, 2]);
    expect(frames(v, 1)).toHaveLength(40);
    expect(cmd.renameTrack(v, 1, 2)).toEqual({ needsMerge: true });
    apply(cmd.renameTrack(v, 1, 9));
    expect(v.trackIds()).toEqual([2, 9]);
    apply(cmd.deleteFrom(v, 9, 25));
    expect(Math.max(...frames(v, 9))).toBe(24);
    apply(cmd.reassignBox(v, 10, 9, 4));
    expect(frames(v, 4)).toEqual([10]);
    for (let i = 0; i < 4; i++) store.history.undo(seq); // reassign, delete-from, rename, merge
    expect(v.trackIds()).toEqual([1, 2, 3]);
    store.history.undo(seq); // split
    expect(v.trackIds()).toEqual([1, 2]);
    expect(frames(v, 1)).toHaveLength(40);
  });

  it('pre-annotation turns tracker rows into new tracks after the existing ids, in one edit', () => {
    const v = setup();
    apply(cmd.drawBox(v, 1, g(0)));
    const rows = [1, 2, 3].flatMap((f) => [5, 9].map((id) => ({ frame: f, trackId: id, x: id, y: 1, w: 5, h: 9, conf: 0.9, c8: -1, c9: -1, c10: -1 })));
    apply(cmd.preAnnotate(v, rows, 'bytetrack'));
    expect(v.trackIds()).toEqual([1, 2, 3]);
    expect(v.track(2)!.attributes).toEqual({ source: 'bytetrack' });
    expect(store.history.state(seq).undoLabel).toBe('pre-annotate with bytetrack (2 tracks)');
    store.history.undo(seq);
    expect(v.trackIds()).toEqual([1]);
  });

  it('refuses what cannot be done, with a reason', () => {
    const v = setup(10);
    expect(cmd.drawBox(v, 11, g(0))).toEqual({ ok: false, reason: 'frame 11 is outside 1..10' });
    expect(cmd.drawBox(v, 1, { x: 0, y: 0, w: 0, h: 5 })).toMatchObject({ ok: false });
    expect(cmd.swapFrom(v, 1, 1, 3)).toMatchObject({ ok: false });
    expect(cmd.moveBox(v, 1, 5, g(0))).toEqual({ ok: false, reason: 'track 5 has no box in frame 1' });
  });
});
