// Which boxes become training samples (METHODS.md §0.2, §6.2-1): detections matched to annotations
// with identity and quality; matches to ignored annotations (zero-marked, distractor classes) dropped;
// boxes outside the view are not GT; GT boxes as samples need 20 % visibility; frames outside the
// annotated range are left out.
import { afterEach, describe, expect, it } from 'vitest';
import type { BoxColumns } from '../../../../../src-shared/formats/motTable';
import { OUTSIDE } from '../../../../../src-shared/model/boxFlags';
import { sequenceSamples } from '../../../../../src-main/services/training/frameBoxes';
import type { ProjectStore } from '../../../../../src-main/store/project/projectStore';
import { checkDatabaseLeaks } from '../../../../helpers/leaks';
import { projectWithSequence } from '../../../../helpers/project';

checkDatabaseLeaks();
const open: ProjectStore[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));

/** Rows [frame, id, x, y, w, h, conf, class, visibility, flags] as columns. */
function columns(rows: number[][]): BoxColumns & { flags: Uint8Array } {
  const col = (k: number) => Float64Array.from(rows, (r) => r[k]!);
  return {
    count: rows.length, frame: Int32Array.from(rows, (r) => r[0]!), id: Int32Array.from(rows, (r) => r[1]!),
    x: col(2), y: col(3), w: col(4), h: col(5), conf: col(6), c8: col(7), c9: col(8), c10: new Float64Array(rows.length).fill(-1),
    flags: Uint8Array.from(rows, (r) => r[9] ?? 0),
  };
}

function project() {
  const p = projectWithSequence(10);
  open.push(p.store);
  // Frame 2: id 1 pedestrian, id 2 pedestrian at 10 % visibility, id 3 class 7 (static person: ignored),
  // id 4 outside the view (not GT), id 6 zero-marked (ignored). Frame 4: id 1 only. Nothing before 2 or after 4.
  const gt = columns([
    [2, 1, 0, 0, 10, 20, 1, 1, 1],
    [2, 2, 50, 0, 10, 20, 1, 1, 0.1],
    [2, 3, 100, 0, 10, 20, 1, 7, 1],
    [2, 4, 200, 0, 10, 20, 1, 1, 1, OUTSIDE],
    [2, 6, 300, 0, 10, 20, 0, 1, 1],
    [4, 1, 2, 0, 10, 20, 1, 1, 1],
  ]);
  p.store.transaction(() => p.store.boxes.insertAll(p.seq, gt, true));
  // Frame 2 detections: d0 on id 1 (shifted 1 px: IoU 9·20 / (400 − 180) = 180/220), d1 on the distractor, d2 on nothing,
  // d3 on the outside box, d4 on the zero-marked one. Frame 1 has a detection but no annotation.
  const dets = columns([
    [1, -1, 0, 0, 10, 20, 0.9, -1, -1],
    [2, -1, 1, 0, 10, 20, 0.9, -1, -1],
    [2, -1, 100, 0, 10, 20, 0.8, -1, -1],
    [2, -1, 400, 0, 10, 20, 0.7, -1, -1],
    [2, -1, 200, 0, 10, 20, 0.6, -1, -1],
    [2, -1, 300, 0, 10, 20, 0.6, -1, -1],
  ]);
  p.store.transaction(() => p.store.sets.insert({ sequenceId: p.seq, kind: 'det', name: 'det', originKind: 'imported', origin: {}, columns: 10, createdMs: 1 }, dets));
  return { store: p.store, seq: p.store.sequences.get(p.seq)! };
}

describe('sequenceSamples', () => {
  it('assigns detections to annotations and drops those on ignored ones', () => {
    const { store, seq } = project();
    const s = sequenceSamples(store, seq, { detectionSet: 'det', minVisibility: 0.2 });
    expect([...s.keys()]).toEqual([2, 3, 4]);
    const f2 = s.get(2)!;
    // d0 → id 1 (q = 180/220); d2 and d3 are false positives (the outside box is not GT); d1, d4 dropped.
    expect(Array.from(f2.keys)).toEqual([1, -1, -1]);
    expect(f2.quality[0]).toBeCloseTo(180 / 220, 6);
    expect(Array.from(f2.boxesXyxy.subarray(4, 8))).toEqual([400, 0, 410, 20]);
    // GT count for UniTrack's FN term: the two in-view, non-ignored pedestrians.
    expect(f2.gtCount).toBe(2);
    expect(s.get(3)!.keys).toHaveLength(0);
  });

  it('uses visible annotated boxes themselves without a detection set', () => {
    const { store, seq } = project();
    const s = sequenceSamples(store, seq, { minVisibility: 0.2 });
    expect(Array.from(s.get(2)!.keys)).toEqual([1]);
    expect(Array.from(s.get(2)!.quality)).toEqual([1]);
    expect(Array.from(s.get(4)!.boxesXyxy)).toEqual([2, 0, 12, 20]);
  });

  it('fails clearly without annotations or without the detection set', () => {
    const { store, seq } = project();
    expect(() => sequenceSamples(store, seq, { detectionSet: 'nope', minVisibility: 0.2 })).toThrow(/no detection set named nope/);
    const empty = projectWithSequence(5);
    open.push(empty.store);
    expect(() => sequenceSamples(empty.store, empty.store.sequences.get(empty.seq)!, { minVisibility: 0.2 })).toThrow(/no annotations/);
  });
});
