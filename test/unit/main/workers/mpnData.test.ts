// Labelled MPN nodes from project data (METHODS.md §2.5, §2.7, §0.2), hand-checked: detections take the
// identity of the annotation they overlap with IoU ≥ 0.5 (else −1), only frames [from, to] count, and
// without detections the annotated boxes with visibility ≥ 0.2 are the nodes; feature specs by kind.
import { describe, expect, it } from 'vitest';
import { allocTable, type MotTable } from '../../../../src-shared/formats/motTable';
import type { MpnSourceSequence } from '../../../../src-shared/learning/mpnWire';
import { distinctFrames, labelledNodes, NodeFeatureMaker } from '../../../../src-main/workers/mpnData';

/** Rows [frame, id, x, y, w, h, conf, class, visibility]. */
function table(kind: 'gt' | 'det', rows: number[][]): MotTable {
  const t = allocTable(kind, 9, rows.length);
  rows.forEach((r, i) => {
    [t.frame[i], t.id[i], t.x[i], t.y[i], t.w[i], t.h[i], t.conf[i], t.c8[i], t.c9[i]] = r as [number, number, number, number, number, number, number, number, number];
  });
  t.count = rows.length;
  return t;
}

// GT: id 7 walks right 10 px a frame; id 8 is at 10 % visibility in frame 2; id 9 is class 7 (not a pedestrian).
const gt = table('gt', [
  [1, 7, 100, 50, 40, 100, 1, 1, 1],
  [2, 7, 110, 50, 40, 100, 1, 1, 1],
  [3, 7, 120, 50, 40, 100, 1, 1, 1],
  [2, 8, 300, 60, 40, 100, 1, 1, 0.1],
  [2, 9, 500, 60, 40, 100, 1, 7, 1],
]);
// Detections (file order not by frame): on id 7 in frame 3 (overlap 38×100 = 3800 of union 4200: IoU 0.90)
// and frame 1 (39×99 = 3861 of 4139: IoU 0.93), a false positive far from everything and one on id 8
// (IoU 39×100 / 4100 = 0.95) in frame 2, and a degenerate zero-width box.
const dets = table('det', [
  [3, -1, 122, 50, 40, 100, 0.9, -1, -1],
  [1, -1, 101, 51, 40, 100, 0.8, -1, -1],
  [2, -1, 900, 900, 40, 100, 0.7, -1, -1],
  [2, -1, 301, 60, 40, 100, 0.6, -1, -1],
  [2, -1, 110, 50, 0, 100, 0.5, -1, -1],
]);
const source = (o: Partial<MpnSourceSequence>): MpnSourceSequence => ({ name: 's', fps: 30, imageWidth: 1920, imageHeight: 1080, gtHasClassVisibility: true, gt, dets, from: 1, to: 3, frameFiles: null, ...o });

describe('labelledNodes', () => {
  it('labels detections from the annotations, sorted by frame, degenerate boxes dropped', () => {
    const n = labelledNodes(source({}));
    expect(Array.from(n.frame)).toEqual([1, 2, 2, 3]);
    // Frame 2: the false positive, then the box on id 8 (visibility does not matter for detections' labels).
    expect(Array.from(n.gtId)).toEqual([7, -1, 8, 7]);
    expect(Array.from(n.score)).toEqual([0.8, 0.7, 0.6, 0.9]);
    // gtCount[f]: pedestrians of frame f (id 9 is class 7).
    expect(Array.from(n.gtCount)).toEqual([0, 1, 2, 1]);
    expect(distinctFrames(n)).toBe(3);
    expect(distinctFrames(n, [1, 2])).toBe(1);
  });

  it('keeps only frames [from, to]', () => {
    const n = labelledNodes(source({ from: 2, to: 3 }));
    expect(Array.from(n.frame)).toEqual([2, 2, 3]);
    expect(Array.from(n.gtId)).toEqual([-1, 8, 7]);
  });

  it('takes the annotations as nodes without detections (visibility ≥ 0.2, pedestrians only)', () => {
    const n = labelledNodes(source({ dets: null }));
    expect(Array.from(n.frame)).toEqual([1, 2, 3]);
    expect(Array.from(n.gtId)).toEqual([7, 7, 7]);
    expect(Array.from(n.tlwh.subarray(4, 8))).toEqual([110, 50, 40, 100]);
  });
});

describe('NodeFeatureMaker', () => {
  it('gives the spec of each kind and refuses frame features without frames', async () => {
    expect(new NodeFeatureMaker('none', undefined).spec).toEqual({ kind: 'none', dim: 1 });
    const hist = new NodeFeatureMaker('color-histogram', undefined);
    // 2 stripes × 3 HSV channels × 8 bins.
    expect(hist.spec).toEqual({ kind: 'color-histogram', dim: 48 });
    const nodes = labelledNodes(source({}));
    await expect(hist.features('s', nodes, null)).rejects.toThrow(/s has no frame images: color-histogram node features/);
    expect(() => new NodeFeatureMaker('reid', undefined)).toThrow(/reid node features need the appearance run's weights/);
    const none = await new NodeFeatureMaker('none', undefined).features('s', nodes, null);
    expect(none).toEqual({ dim: 1, values: new Float32Array(4).fill(1) });
  });
});
