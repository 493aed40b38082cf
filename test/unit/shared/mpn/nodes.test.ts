// MPN nodes and the detection → GT assignment of METHODS.md §0.2 (per frame, Hungarian on 1 − IoU, pairs
// with IoU < 0.5 forbidden), on hand-made boxes with the IoUs in comments.
import { describe, expect, it } from 'vitest';
import { parseMotText } from '../../../../src-shared/formats/parseMotText';
import { assignGtIds, gtAsNodes, gtObjectRows, nodesFromTable } from '../../../../src-shared/mpn/nodes';

const det = parseMotText(
  [
    '2,-1,0,0,10,10,0.9', // frame 2 listed first: nodes are sorted by frame
    '1,-1,0,0,10,10,0.8', // a: IoU 1 with GT 5; with GT 6 overlap 10×6 = 60, union 100 + 60 − 60 → 0.6
    '1,-1,0,2,10,10,0.7', // b: with GT 5 overlap 80, union 120 → 0.667; with GT 6 overlap 60, union 100 → 0.6
    '1,-1,50,50,10,10,0.6', // no overlap: FP
    '1,-1,0,0,0,10,0.5', // zero width: dropped
  ].join('\n'),
  { kind: 'det', fileName: 'det' },
).table;
const gt = parseMotText(
  [
    '1,5,0,0,10,10,1,1,1',
    '1,6,0,4,10,6,1,1,1',
    '1,7,100,100,10,10,0,1,1', // conf 0: ignored
    '1,8,200,200,10,10,1,2,1', // class 2 (not a pedestrian): ignored
    '2,5,1,0,10,10,1,1,0.1', // visibility 0.1
  ].join('\n'),
  { kind: 'gt', fileName: 'gt' },
).table;

describe('MPN nodes', () => {
  it('sorts by frame and drops degenerate boxes', () => {
    const n = nodesFromTable(det);
    expect(n.count).toBe(4);
    expect(Array.from(n.frame)).toEqual([1, 1, 1, 2]);
    expect(Array.from(n.sourceRow!)).toEqual([1, 2, 3, 0]);
  });

  it('§0.2: the most pairs with IoU ≥ 0.5, then the cheapest; unmatched detections are −1', () => {
    const rows = gtObjectRows(gt, { classVisibility: true, minVisibility: 0 });
    expect(Array.from(rows)).toEqual([0, 1, 4]);
    const n = assignGtIds(nodesFromTable(det), gt, rows);
    // Both pairings match two: a→5, b→6 costs 0 + 0.4 = 0.4 < a→6, b→5 = 0.4 + 0.333.
    // Frame 2: overlap 9×10 = 90, union 110 → IoU 0.818 with GT 5.
    expect(Array.from(n.gtId)).toEqual([5, 6, -1, 5]);
    expect(n.gtCount[1]).toBe(2);
    expect(n.gtCount[2]).toBe(1);
    // Visibility ≥ 0.2 (the code's training boxes) drops the frame-2 GT box.
    const vis = gtObjectRows(gt, { classVisibility: true, minVisibility: 0.2 });
    expect(Array.from(assignGtIds(nodesFromTable(det), gt, vis).gtId)).toEqual([5, 6, -1, -1]);
  });

  it('GT boxes as labelled nodes (training on GT, §2.7)', () => {
    const n = gtAsNodes(gt, gtObjectRows(gt, { classVisibility: true, minVisibility: 0.2 }));
    expect(Array.from(n.gtId)).toEqual([5, 6]);
    expect(Array.from(n.score)).toEqual([1, 1]);
  });
});
