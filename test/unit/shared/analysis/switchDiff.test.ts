// The switch diff: hand-checked cases (exact frames, the window, one-to-one matching that prefers exact
// frames, GT ids kept apart, sequences only one run has) and a brute-force check of the matching's
// optimality on random small cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRunSwitches, diffSwitches, storedSwitches, toleranceFrames, type SwitchRef } from '../../../../src-shared/analysis/switchDiff';

const ev = (frame: number, gtId: number, tag = ''): SwitchRef & { tag: string } => ({ frame, gtId, tag });
const frames = (xs: readonly SwitchRef[]) => xs.map((e) => [e.frame, e.gtId]);

describe('diffSwitches', () => {
  it('exact frames: same (frame, GT) kept, others fixed or introduced', () => {
    const a = [ev(10, 1), ev(20, 2), ev(30, 3)];
    const b = [ev(20, 2), ev(31, 3), ev(40, 4)];
    const d = diffSwitches(a, b, 0);
    expect(d.kept.map((k) => [k.a.frame, k.b.frame, k.frameDelta])).toEqual([[20, 20, 0]]);
    expect(frames(d.fixed)).toEqual([[10, 1], [30, 3]]);
    expect(frames(d.introduced)).toEqual([[31, 3], [40, 4]]);
  });

  it('a window matches a switch moved by a frame or two, not one on another GT', () => {
    const d = diffSwitches([ev(30, 3), ev(50, 5)], [ev(32, 3), ev(50, 6)], 2);
    expect(d.kept.map((k) => [k.a.gtId, k.frameDelta])).toEqual([[3, 2]]);
    expect(frames(d.fixed)).toEqual([[50, 5]]);
    expect(frames(d.introduced)).toEqual([[50, 6]]);
  });

  it('one to one, most matches first, then exact frames preferred', () => {
    // A: 10, 12; B: 12. Greedy in time would pair 10-12; the optimum pairs 12-12 (distance 0).
    let d = diffSwitches([ev(10, 1, 'a10'), ev(12, 1, 'a12')], [ev(12, 1, 'b12')], 2);
    expect(d.kept.map((k) => [k.a.tag, k.b.tag])).toEqual([['a12', 'b12']]);
    expect(d.fixed.map((e) => e.tag)).toEqual(['a10']);
    // A: 10, 13; B: 12, 15 with window 2: pairing 10-12 and 13-15 keeps both (2 matches beat 13-12 alone).
    d = diffSwitches([ev(10, 1), ev(13, 1)], [ev(12, 1), ev(15, 1)], 2);
    expect(d.kept.map((k) => [k.a.frame, k.b.frame])).toEqual([[10, 12], [13, 15]]);
    expect(d.fixed).toEqual([]);
    expect(d.introduced).toEqual([]);
  });

  it('outputs are ordered by frame and the input order does not matter', () => {
    const a = [ev(40, 2), ev(5, 9), ev(20, 1)];
    const b = [ev(21, 1), ev(3, 7)];
    const d = diffSwitches(a, b, 1);
    expect(frames(d.fixed)).toEqual([[5, 9], [40, 2]]);
    expect(frames(d.introduced)).toEqual([[3, 7]]);
    expect(diffSwitches([...a].reverse(), [...b].reverse(), 1)).toEqual(d);
  });

  it('rejects a bad tolerance and events without integer frame/GT id', () => {
    expect(() => diffSwitches([], [], -1)).toThrow(/tolerance/);
    expect(() => diffSwitches([], [], 0.5)).toThrow(/tolerance/);
    expect(() => diffSwitches([ev(Number.NaN, 1)], [], 0)).toThrow(/integer frame/);
  });

  it('is optimal: as many matches as brute force, with the least summed distance', () => {
    const list = fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 5 });
    fc.assert(
      fc.property(list, list, fc.integer({ min: 0, max: 3 }), (fa, fb, w) => {
        const d = diffSwitches(fa.map((f) => ev(f, 1)), fb.map((f) => ev(f, 1)), w);
        const best = bruteForce(fa, fb, w);
        expect(d.kept.length).toBe(best.matches);
        expect(d.kept.reduce((s, k) => s + Math.abs(k.frameDelta), 0)).toBe(best.cost);
        expect(d.kept.length + d.fixed.length).toBe(fa.length);
        expect(d.kept.length + d.introduced.length).toBe(fb.length);
        for (const k of d.kept) expect(Math.abs(k.frameDelta)).toBeLessThanOrEqual(w);
      }),
      { numRuns: 300 },
    );
  });
});

/** Every one-to-one matching of a into b within the window: most matches, then least distance. */
function bruteForce(a: readonly number[], b: readonly number[], w: number): { matches: number; cost: number } {
  let best = { matches: 0, cost: 0 };
  const used = new Array<boolean>(b.length).fill(false);
  const go = (i: number, matches: number, cost: number): void => {
    if (i === a.length) {
      if (matches > best.matches || (matches === best.matches && cost < best.cost)) best = { matches, cost };
      return;
    }
    go(i + 1, matches, cost);
    b.forEach((f, j) => {
      if (used[j] || Math.abs(f - a[i]!) > w) return;
      used[j] = true;
      go(i + 1, matches + 1, cost + Math.abs(f - a[i]!));
      used[j] = false;
    });
  };
  go(0, 0, 0);
  return best;
}

describe('diffRunSwitches', () => {
  it('diffs the sequences both runs evaluated, with each sequence its own window, and names the rest', () => {
    const a = { 'MOT17-02': [ev(100, 1)], 'MOT17-04': [ev(7, 3)], 'only-a': [ev(1, 1)] };
    const b = { 'MOT17-02': [ev(103, 1)], 'MOT17-04': [ev(9, 3)], 'only-b': [ev(1, 1)] };
    const d = diffRunSwitches(a, b, (s) => (s === 'MOT17-02' ? 3 : 1));
    expect(Object.keys(d.sequences)).toEqual(['MOT17-02', 'MOT17-04']);
    expect(d.sequences['MOT17-02']!.kept).toHaveLength(1);
    expect(d.sequences['MOT17-04']!.kept).toHaveLength(0);
    expect(d.sequences['MOT17-04']!.fixed).toHaveLength(1);
    expect(d.sequences['MOT17-04']!.introduced).toHaveLength(1);
    expect(d.onlyInA).toEqual(['only-a']);
    expect(d.onlyInB).toEqual(['only-b']);
  });
});

describe('storedSwitches and toleranceFrames', () => {
  it('keeps switch events, drops fragmentations, and names a malformed event', () => {
    const stored = [
      { frame: 7, gtId: 1, type: 1, prevTrackerId: 7, newTrackerId: 9, partnerGtId: null, idtpCost: 4, kind: 'fresh' },
      { frame: 7, gtId: 1, trackerId: 9, lastMatchedFrame: 4, sameId: false, kind: 'fragmentation' },
      { frame: 9, gtId: 2, type: 3, prevTrackerId: 8, newTrackerId: 7, partnerGtId: 1, idtpCost: -1, kind: 'recycled' },
    ];
    expect(storedSwitches(stored, 's').map((e) => [e.frame, e.gtId, e.type, e.partnerGtId])).toEqual([[7, 1, 1, null], [9, 2, 3, 1]]);
    expect(() => storedSwitches([{ frame: 1, gtId: 1, type: 4, prevTrackerId: 1, newTrackerId: 2 }], 'MOT17-02')).toThrow(/MOT17-02: stored event 0/);
  });

  it('converts seconds to frames at the sequence rate', () => {
    expect(toleranceFrames(0.2, 30)).toBe(6);
    expect(toleranceFrames(0.2, 14)).toBe(3);
    expect(toleranceFrames(0, 25)).toBe(0);
    expect(() => toleranceFrames(-1, 25)).toThrow(/seconds >= 0/);
    expect(() => toleranceFrames(0.2, 0)).toThrow(/fps > 0/);
  });
});
