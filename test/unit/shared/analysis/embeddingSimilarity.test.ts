// Embedding diagnostics on hand-made 2-d embeddings: the similarity matrix, the same/inter split and its
// histograms, AUC (with ties) against a brute-force count, rank-1, anchors, and bad input.
import { describe, expect, it } from 'vitest';
import { aucOf, checkEmbeddedBoxes, frameRanges, pickAnchors, similarityMatrix, similarityStats, type EmbeddedBoxes } from '../../../../src-shared/analysis/embeddingSimilarity';

const unit = (deg: number): [number, number] => [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];

/** Boxes from [frame, id, angle in degrees] rows (2-d unit embeddings). */
function boxes(rows: readonly [number, number, number][]): EmbeddedBoxes {
  return {
    count: rows.length,
    dim: 2,
    frame: Int32Array.from(rows, (r) => r[0]),
    id: Int32Array.from(rows, (r) => r[1]),
    embeddings: Float32Array.from(rows.flatMap((r) => unit(r[2]))),
  };
}

// Frame 1: id 1 at 0°, id 2 at 90°. Frame 3: id 1 at 60°, id 2 at 90°, id 3 at 180°.
const B = boxes([
  [1, 1, 0],
  [1, 2, 90],
  [3, 1, 60],
  [3, 2, 90],
  [3, 3, 180],
]);

describe('similarityMatrix', () => {
  it('is the cosine of every row object with every column object', () => {
    const m = similarityMatrix(B, 1, 3);
    expect(m.rowIds).toEqual([1, 2]);
    expect(m.colIds).toEqual([1, 2, 3]);
    // cos 60°, cos 90°, cos 180°; cos 30°, cos 0°, cos 90°.
    const want = [0.5, 0, -1, Math.sqrt(3) / 2, 1, 0];
    Array.from(m.values).forEach((v, k) => expect(v).toBeCloseTo(want[k]!, 6));
    expect(similarityMatrix(B, 1, 2).values).toHaveLength(0);
  });

  it('finds each frame\'s rows', () => {
    expect([...frameRanges(B)]).toEqual([
      [1, [0, 2]],
      [3, [2, 5]],
    ]);
  });
});

describe('similarityStats', () => {
  it('splits same-object from inter-object pairs, with histograms, means, AUC and rank-1', () => {
    const s = similarityStats(B, [1], 2, 4);
    // same: 0.5 (id 1), 1 (id 2). inter: 0, -1 (row 1), 0.866, 0 (row 2).
    expect(s.sameCount).toBe(2);
    expect(s.interCount).toBe(4);
    expect(s.sameMean).toBeCloseTo(0.75, 6);
    expect(s.interMean).toBeCloseTo((0 - 1 + Math.sqrt(3) / 2 + 0) / 4, 6);
    // bins over [-1, 1] of width 0.5: [-1,-0.5) [-0.5,0) [0,0.5) [0.5,1].
    expect(s.same).toEqual([0, 0, 0, 2]);
    expect(s.inter).toEqual([1, 0, 2, 1]);
    expect(s.interAbove09).toBe(0);
    // same 0.5 beats inter 0, -1, 0 (3 of 4) and loses to 0.866; same 1 beats all 4: 7/8.
    expect(s.auc).toBeCloseTo(7 / 8, 12);
    // Row 1: best column is id 1 (0.5 > 0 > -1), hit; row 2: best is id 2 (1), hit.
    expect(s.rank1).toBe(1);
    expect(s.rank1Count).toBe(2);
    expect(s.framePairs).toBe(1);
  });

  it('counts a rank-1 miss when another object is closer, and skips anchors without a partner frame', () => {
    const b = boxes([
      [1, 1, 0],
      [1, 2, 90],
      [2, 1, 80],
      [2, 2, 10],
    ]);
    const s = similarityStats(b, [1, 2], 1, 10);
    expect(s.framePairs).toBe(1);
    expect(s.rank1Count).toBe(2);
    expect(s.rank1).toBe(0);
    expect(s.auc).toBe(0);
  });

  it('rejects bad input with the reason', () => {
    expect(() => similarityStats(B, [1], 0)).toThrow(/gap/);
    expect(() => similarityStats(B, [1], 2, 1)).toThrow(/bins/);
    expect(() => checkEmbeddedBoxes({ ...B, embeddings: new Float32Array(3) })).toThrow(/expected 5 × 2/);
    expect(() => checkEmbeddedBoxes(boxes([[3, 1, 0], [1, 1, 0]]))).toThrow(/ordered by frame/);
  });
});

describe('aucOf', () => {
  it('equals the brute-force pair count, ties counting one half', () => {
    const pos = [0.9, 0.5, 0.5, 0.1];
    const neg = [0.5, 0.2, 0.95];
    let wins = 0;
    for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
    expect(aucOf(pos, neg)).toBeCloseTo(wins / 12, 12);
    expect(aucOf([], neg)).toBeNaN();
  });
});

describe('pickAnchors', () => {
  it('keeps frames whose partner frame exists, spread evenly up to the limit', () => {
    const frames = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12];
    expect(pickAnchors(frames, 2, 100)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10]);
    expect(pickAnchors(frames, 2, 3)).toEqual([1, 5, 10]);
    expect(() => pickAnchors(frames, 2, 0)).toThrow(/anchor count/);
  });
});
