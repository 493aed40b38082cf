import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNatural, sortNatural } from '../../../../src-shared/util/naturalSort';

describe('natural sort of frame names', () => {
  it('orders numbers by value', () => {
    expect(sortNatural(['frame10.jpg', 'frame2.jpg', 'frame1.jpg', 'frame02.jpg', 'Frame3.jpg'])).toEqual([
      'Frame3.jpg',
      'frame1.jpg',
      'frame2.jpg',
      'frame02.jpg',
      'frame10.jpg',
    ]);
    expect(sortNatural(['img_100.png', 'img_99.png', 'img_9.png'])).toEqual(['img_9.png', 'img_99.png', 'img_100.png']);
  });

  it('is a total order: antisymmetric, transitive, and stable across input orders', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-c0-9_.]{0,6}$/), { maxLength: 12 }), (names) => {
        const a = sortNatural(names);
        expect(sortNatural([...names].reverse())).toEqual(a);
        for (let i = 1; i < a.length; i++) expect(compareNatural(a[i - 1]!, a[i]!)).toBeLessThanOrEqual(0);
        for (const x of names) for (const y of names) expect(Math.sign(compareNatural(x, y)) + Math.sign(compareNatural(y, x))).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});
