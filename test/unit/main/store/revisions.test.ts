// Edits, their inverses, and undo/redo across a reopen, on a real SQLite project file.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYFRAME } from '../../../../src-shared/model/boxFlags';
import type { BoxRecord, Edit } from '../../../../src-shared/model/edits';
import { AppErrorException } from '../../../../src-shared/ipc/result';
import { openProjectFile } from '../../../../src-main/store/project/projectFile';
import type { ProjectStore } from '../../../../src-main/store/project/projectStore';
import { boxAt } from '../../../../src-main/store/project/readers/boxes';
import { checkDatabaseLeaks } from '../../../helpers/leaks';
import { projectWithSequence } from '../../../helpers/project';

checkDatabaseLeaks();
const open: ProjectStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
function fresh(frames = 400) {
  const p = projectWithSequence(frames);
  open.push(p.store);
  return p;
}

const box = (frame: number, trackId: number, x = frame): BoxRecord => ({ frame, trackId, x, y: 10, w: 30, h: 80, conf: 1, c8: 1, c9: 1, c10: -1, flags: KEYFRAME });

/** Every annotation box as "frame/track:x" lines plus track rows: the whole observable state. */
function snapshot(store: ProjectStore, seq: number): string {
  const all = store.boxes.all(seq);
  const boxes = Array.from({ length: all.count }, (_, i) => boxAt(all, i)).map((b) => `${b.frame}/${b.id}:${b.x},${b.y},${b.w},${b.h},${b.conf},${b.flags}`);
  const tracks = store.boxes.tracks(seq).map((t) => `T${t.trackId}:${t.classId}:${t.boxCount}:${t.firstFrame}-${t.lastFrame}`);
  return [...tracks, ...boxes].join('\n');
}

describe('edits and revisions', () => {
  it('puts, moves and deletes boxes; track summaries follow', () => {
    const { store, seq } = fresh();
    store.history.apply(seq, [{ op: 'putBox', box: box(5, 3) }, { op: 'putBox', box: box(70, 3) }], 'draw', 1);
    expect(store.boxes.trackRow(seq, 3)).toMatchObject({ boxCount: 2, firstFrame: 5, lastFrame: 70 });
    store.history.apply(seq, [{ op: 'putBox', box: box(5, 3, 99) }], 'move', 2);
    expect(store.boxes.frame(seq, 5).x[0]).toBe(99);
    store.history.apply(seq, [{ op: 'deleteBox', frame: 70, trackId: 3 }], 'delete', 3);
    expect(store.boxes.trackRow(seq, 3)).toMatchObject({ boxCount: 1, firstFrame: 5, lastFrame: 5 });
  });

  it('swaps two tracks from frame t onward with one relabel, and refuses collisions', () => {
    const { store, seq } = fresh();
    const edits: Edit[] = [];
    for (let f = 1; f <= 200; f++) edits.push({ op: 'putBox', box: box(f, 1) }, { op: 'putBox', box: box(f, 2, f + 1000) });
    store.history.apply(seq, edits, 'seed', 1);
    store.history.apply(seq, [{ op: 'relabel', fromFrame: 120, toFrame: 400, mapping: [[1, 2], [2, 1]] }], 'swap 1↔2 from 120', 2);
    const f119 = store.boxes.frame(seq, 119);
    const f120 = store.boxes.frame(seq, 120);
    expect([f119.id[0], f119.x[0]]).toEqual([1, 119]);
    expect([f120.id[0], f120.x[0]]).toEqual([1, 1120]); // track 1 now carries what was track 2
    expect(() => store.history.apply(seq, [{ op: 'relabel', fromFrame: 1, toFrame: 10, mapping: [[1, 2]] }], 'bad', 3)).toThrow(AppErrorException);
    expect(store.boxes.frame(seq, 5).count).toBe(2); // the refused edit left nothing behind
  });

  it('undo and redo survive closing and reopening the file; a new edit drops the redo branch', () => {
    const { store, seq, path } = fresh();
    store.history.apply(seq, [{ op: 'putBox', box: box(1, 1) }], 'a', 1);
    store.history.apply(seq, [{ op: 'putBox', box: box(1, 1, 50) }], 'b', 2, 1); // joins group 1
    store.history.apply(seq, [{ op: 'putBox', box: box(2, 1) }], 'c', 3);
    store.close();
    open.pop();
    const again = openProjectFile(path);
    open.push(again);
    expect(again.history.state(seq)).toMatchObject({ undoLabel: 'c', redoLabel: null, revisions: 3 });
    again.history.undo(seq);
    expect(again.boxes.frame(seq, 2).count).toBe(0);
    const undoneGroup = again.history.undo(seq); // a + b together
    expect(undoneGroup.tracks).toEqual([1]);
    expect(again.boxes.tracks(seq)).toEqual([]);
    again.history.redo(seq);
    expect(again.boxes.frame(seq, 1).x[0]).toBe(50);
    again.history.apply(seq, [{ op: 'putBox', box: box(3, 4) }], 'd', 4);
    expect(again.history.state(seq)).toMatchObject({ undoLabel: 'd', redoLabel: null });
    expect(again.history.redo(seq).revisionId).toBeNull();
  });

  it('property: undoing every edit restores the initial state; undo then redo is the identity', () => {
    const frame = fc.integer({ min: 1, max: 150 });
    const track = fc.integer({ min: 1, max: 6 });
    const edit: fc.Arbitrary<Edit> = fc.oneof(
      fc.record({ frame, track, x: fc.integer({ min: 0, max: 999 }) }).map(({ frame, track, x }) => ({ op: 'putBox' as const, box: box(frame, track, x) })),
      fc.record({ frame, track }).map(({ frame, track }) => ({ op: 'deleteBox' as const, frame, trackId: track })),
      track.map((t) => ({ op: 'deleteTrack' as const, trackId: t })),
      fc.record({ t: track, cls: fc.integer({ min: 1, max: 13 }) }).map(({ t, cls }) => ({ op: 'putTrack' as const, track: { trackId: t, classId: cls, attributes: { note: 'x' } } })),
      fc.record({ a: track, b: track, from: frame, len: fc.integer({ min: 0, max: 150 }), swap: fc.boolean() }).map(({ a, b, from, len, swap }) => ({
        op: 'relabel' as const,
        fromFrame: from,
        toFrame: from + len,
        // a swap, or a one-way move into a track that may already have boxes elsewhere (a merge)
        mapping: a === b ? ([[a, a]] as [number, number][]) : swap ? ([[a, b], [b, a]] as [number, number][]) : ([[a, b]] as [number, number][]),
      })),
    );
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), (groups) => {
        const { store, seq } = fresh(200);
        const states = [snapshot(store, seq)];
        for (const g of groups) {
          try {
            store.history.apply(seq, g, 'g', 1);
            states.push(snapshot(store, seq));
          } catch (e) {
            if (!(e instanceof AppErrorException)) throw e;
            expect(snapshot(store, seq)).toBe(states.at(-1)); // a refused edit changes nothing
          }
        }
        for (let i = states.length - 1; i > 0; i--) {
          store.history.undo(seq);
          expect(snapshot(store, seq)).toBe(states[i - 1]);
          store.history.redo(seq);
          expect(snapshot(store, seq)).toBe(states[i]);
          store.history.undo(seq);
        }
        expect(snapshot(store, seq)).toBe(states[0]);
        store.close();
        open.splice(open.indexOf(store), 1);
      }),
      { numRuns: 120 },
    );
  }, 60_000);
});
