// Hand-checked box pairs: a = [0,0,10,10], b = [5,5,15,15] (tlbr).
//   plain IoU: intersection 5*5 = 25, union 100 + 100 - 25 = 175 -> 1/7
//   +1 pixel (cython_bbox): widths 11, intersection (10-5+1)^2 = 36, union 121 + 121 - 36 = 206 -> 36/206
//   GIoU: enclosing box 15*15 = 225 -> 1/7 - (225 - 175)/225
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosineDistance, fuseScore, giouOcSort, giouTlbr, iouCandidates, iouTlbr, iouTlbrPlus1, oneMinus } from '../../../../src-shared/tracking/costs';

const a = Float64Array.of(0, 0, 10, 10);
const b = Float64Array.of(5, 5, 15, 15);
const far = Float64Array.of(100, 100, 110, 110);

describe('association costs', () => {
  it('IoU without and with the +1 pixel convention', () => {
    expect(iouTlbr(a, 1, b, 1)[0]).toBeCloseTo(1 / 7, 15);
    expect(iouTlbrPlus1(a, 1, b, 1)[0]).toBeCloseTo(36 / 206, 15);
    expect(iouTlbr(a, 1, far, 1)[0]).toBe(0);
    expect(iouTlbrPlus1(a, 1, far, 1)[0]).toBe(0);
    // Touching boxes overlap by one pixel column under the +1 convention: (10-10+1)*(10-0+1) = 11.
    const touch = Float64Array.of(10, 0, 20, 10);
    expect(iouTlbr(a, 1, touch, 1)[0]).toBe(0);
    expect(iouTlbrPlus1(a, 1, touch, 1)[0]).toBeCloseTo(11 / (121 + 121 - 11), 15);
  });

  it('lays matrices out rows x cols', () => {
    const m = iouTlbr(Float64Array.of(...a, ...far), 2, Float64Array.of(...b, ...a, ...far), 3);
    expect(Array.from(m).map((v) => +v.toFixed(6))).toEqual([+(1 / 7).toFixed(6), 1, 0, 0, 0, 1]);
  });

  it('GIoU and its OC-SORT rescale', () => {
    const g = 1 / 7 - 50 / 225;
    expect(giouTlbr(a, 1, b, 1)[0]).toBeCloseTo(g, 15);
    expect(giouOcSort(a, 1, b, 1)[0]).toBeCloseTo((g + 1) / 2, 15);
    // Far apart: IoU 0, enclosing 110*110, union 200 -> -1 + 200/12100.
    expect(giouTlbr(a, 1, far, 1)[0]).toBeCloseTo(-(12100 - 200) / 12100, 15);
  });

  it('fuse_score: 1 - (1 - cost) * score, per detection column', () => {
    const cost = oneMinus(Float64Array.of(0.5, 0.2, 1, 0));
    fuseScore(cost, 2, 2, Float64Array.of(0.8, 0.5));
    expect(Array.from(cost)).toEqual([1 - 0.5 * 0.8, 1 - (1 - (1 - 0.2)) * 0.5, 1 - 1 * 0.8, 1 - 0 * 0.5]);
  });

  it('cosine distance: 0 for parallel, 1 for orthogonal, 1 for a zero vector, never negative', () => {
    const d = cosineDistance(Float32Array.of(1, 0, 2, 2), 2, Float32Array.of(3, 0, 0, 1, 0, 0), 3, 2);
    expect(d[0]).toBeCloseTo(0, 12);
    expect(d[1]).toBeCloseTo(1, 12);
    expect(d[2]).toBe(1);
    expect(d[3]).toBeCloseTo(1 - Math.SQRT1_2, 7);
  });
});

describe('IoU candidates collected while computing IoU (sort.py `iou_matrix > iou_threshold`)', () => {
  const boxes = fc.array(
    fc.record({ x: fc.integer({ min: 0, max: 60 }), y: fc.integer({ min: 0, max: 60 }), w: fc.integer({ min: 0, max: 30 }), h: fc.integer({ min: 0, max: 30 }) }),
    { maxLength: 8 },
  ).map((bs) => Float64Array.from(bs.flatMap((q) => [q.x, q.y, q.x + q.w, q.y + q.h])));

  it('is the reference formula on every pair, NaN boxes included (the disjoint-pair shortcuts change nothing)', () => {
    const withNaN = fc.tuple(boxes, fc.nat(40)).map(([v, k]) => {
      if (v.length > 0 && k < 8) v[k % v.length] = NaN;
      return v;
    });
    const reference = (p: Float64Array, q: Float64Array, i: number, j: number): number => {
      const w = Math.max(0, Math.min(p[4 * i + 2]!, q[4 * j + 2]!) - Math.max(p[4 * i]!, q[4 * j]!));
      const h = Math.max(0, Math.min(p[4 * i + 3]!, q[4 * j + 3]!) - Math.max(p[4 * i + 1]!, q[4 * j + 1]!));
      const wh = w * h;
      return wh / ((p[4 * i + 2]! - p[4 * i]!) * (p[4 * i + 3]! - p[4 * i + 1]!) + (q[4 * j + 2]! - q[4 * j]!) * (q[4 * j + 3]! - q[4 * j + 1]!) - wh);
    };
    fc.assert(
      fc.property(withNaN, withNaN, (da, db) => {
        const na = da.length / 4;
        const nb = db.length / 4;
        for (const m of [iouTlbr(da, na, db, nb), iouTlbr(da, na, db, nb, new Float64Array(na * nb).fill(7))]) {
          for (let i = 0; i < na; i++) for (let j = 0; j < nb; j++) expect(Object.is(m[i * nb + j], reference(da, db, i, j)), `${i},${j}`).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('the same matrix as without, the pairs above the threshold in row-major order, and the ambiguity test', () => {
    const above = iouCandidates(0.3);
    fc.assert(
      fc.property(boxes, boxes, fc.constantFrom(0, 0.1, 0.3, 0.7), (da, db, threshold) => {
        const na = da.length / 4;
        const nb = db.length / 4;
        const c = threshold === 0.3 ? above : iouCandidates(threshold); // reused collector: reset per call
        const m = iouTlbr(da, na, db, nb, undefined, c);
        expect([...m]).toEqual([...iouTlbr(da, na, db, nb, new Float64Array(na * nb).fill(7))]); // every cell written when `out` is given
        const rows: number[] = [];
        const cols: number[] = [];
        for (let i = 0; i < na; i++) {
          for (let j = 0; j < nb; j++) {
            if (m[i * nb + j]! > threshold) {
              rows.push(i);
              cols.push(j);
            }
          }
        }
        expect(c.rows).toEqual(rows);
        expect(c.cols).toEqual(cols);
        const count = (xs: number[]) => Math.max(0, ...[...new Set(xs)].map((v) => xs.filter((x) => x === v).length));
        expect(c.ambiguous).toBe(count(rows) > 1 || count(cols) > 1);
      }),
      { numRuns: 500 },
    );
    expect(() => iouCandidates(-0.1)).toThrow(/threshold >= 0/);
  });
});
