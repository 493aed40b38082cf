// Invariants of every tracker on random detection streams (ARCHITECTURE.md §6.6): a tracker never
// gives one id to two boxes of a frame, and every id it reports came from the allocator it was given.
// Also: IoU is symmetric and in [0, 1] (with and without the +1 pixel convention).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iouTlbr, iouTlbrPlus1 } from '../../src-shared/tracking/costs';
import { TRACKER_KINDS, createTracker } from '../../src-shared/tracking/registry';
import type { FrameDetections, IdAllocator } from '../../src-shared/tracking/types';

const box = fc.record({ x: fc.double({ min: 0, max: 300, noNaN: true }), y: fc.double({ min: 0, max: 300, noNaN: true }), w: fc.double({ min: 2, max: 80, noNaN: true }), h: fc.double({ min: 2, max: 160, noNaN: true }), s: fc.double({ min: 0, max: 1, noNaN: true }) });

/** Frames where objects drift a little, appear and vanish: enough overlap to exercise matching. */
const streams = fc.array(fc.array(box, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 25 }).map((frames) => {
  const base = frames[0]!;
  return frames.map((extra, t): FrameDetections => {
    const rows = [...base.map((b, i) => ({ ...b, x: b.x + t * ((i % 5) - 2), y: b.y + t })), ...extra].filter((_, i) => (i * 7 + t) % 4 !== 0);
    const dim = 3;
    return {
      count: rows.length,
      tlbr: Float64Array.from(rows.flatMap((b) => [b.x, b.y, b.x + b.w, b.y + b.h])),
      score: Float64Array.from(rows.map((b) => b.s)),
      embeddings: Float32Array.from(rows.flatMap((b) => [b.s, b.w / 80, b.h / 160])),
      embeddingDim: dim,
    };
  });
});

describe('tracker invariants', () => {
  it.each(TRACKER_KINDS)('%s: unique ids per frame, all from the injected allocator', (kind) => {
    fc.assert(
      fc.property(streams, fc.integer({ min: -1000, max: 1000 }), (frames, start) => {
        const issued = new Set<number>();
        let n = start;
        const ids: IdAllocator = { next: () => (issued.add(n), n++) };
        const t = createTracker(kind, {}, ids);
        for (const f of frames) {
          const out = t.update(f);
          const seen = new Set<number>();
          for (const b of out) {
            expect(seen.has(b.id)).toBe(false);
            seen.add(b.id);
            expect(issued.has(b.id)).toBe(true);
            expect(b.tlwh.length).toBe(4);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('IoU is symmetric and in [0, 1]', () => {
    fc.assert(
      fc.property(box, box, (a, b) => {
        const A = Float64Array.of(a.x, a.y, a.x + a.w, a.y + a.h);
        const B = Float64Array.of(b.x, b.y, b.x + b.w, b.y + b.h);
        for (const f of [iouTlbr, iouTlbrPlus1]) {
          const ab = f(A, 1, B, 1)[0]!;
          expect(ab).toBe(f(B, 1, A, 1)[0]);
          expect(ab).toBeGreaterThanOrEqual(0);
          expect(ab).toBeLessThanOrEqual(1);
        }
        expect(iouTlbr(A, 1, A, 1)[0]).toBe(1);
      }),
    );
  });
});
