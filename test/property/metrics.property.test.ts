// Metrics are invariant to relabelling tracker ids (ARCHITECTURE.md §6.6): any bijection of tracker ids
// gives the same HOTA, CLEAR, Identity and Count fields (counts exactly; floats up to summation order,
// since pairs are visited in id order). Also: CLEAR's IDSW equals the number of ID-switch events.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSwitches } from '../../src-shared/analysis/idSwitches';
import { evaluateSequence, trackEvalFields } from '../../src-shared/metrics/trackEval';
import { toyData, type ToyBoxes } from '../helpers/toyMot';

/** A random small sequence: GT objects drifting, tracker boxes with noise, misses, FPs and id changes. */
const sequence = fc.record({ seed: fc.integer(), objects: fc.integer({ min: 1, max: 6 }), frames: fc.integer({ min: 1, max: 25 }) }).map(({ seed, objects, frames }) => {
  let a = seed >>> 0;
  const rnd = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gt: ToyBoxes = {};
  const tr: ToyBoxes = {};
  const pos = Array.from({ length: objects }, () => [rnd() * 300, rnd() * 200]);
  const trId = Array.from({ length: objects }, (_, k) => k + 1);
  let nextId = objects + 1;
  for (let f = 1; f <= frames; f++) {
    gt[f] = {};
    tr[f] = {};
    pos.forEach((p, k) => {
      p[0]! += (rnd() - 0.5) * 20;
      p[1]! += (rnd() - 0.5) * 10;
      gt[f]![k + 1] = [Math.round(p[0]!), Math.round(p[1]!), 40, 100];
      if (rnd() < 0.1) trId[k] = nextId++;
      if (rnd() < 0.15) return;
      tr[f]![trId[k]!] = [Math.round(p[0]! + (rnd() - 0.5) * 16), Math.round(p[1]! + (rnd() - 0.5) * 16), 40, 100];
    });
    if (rnd() < 0.2) tr[f]![nextId++] = [Math.round(rnd() * 300), Math.round(rnd() * 200), 40, 100];
  }
  return { gt, tr, frames, relabel: (id: number): number => ((id * 7919 + 13) % 100003) + 1 };
});

const fieldsOf = (gt: ToyBoxes, tr: ToyBoxes, frames: number): Record<string, number> =>
  trackEvalFields(evaluateSequence(toyData(gt, tr, frames))).fields as Record<string, number>;

describe('metrics under a relabelling of tracker ids', () => {
  it('give the same fields', () => {
    fc.assert(
      fc.property(sequence, ({ gt, tr, frames, relabel }) => {
        const renamed: ToyBoxes = Object.fromEntries(Object.entries(tr).map(([f, ids]) => [f, Object.fromEntries(Object.entries(ids).map(([id, b]) => [relabel(Number(id)), b]))]));
        const a = fieldsOf(gt, tr, frames);
        const b = fieldsOf(gt, renamed, frames);
        expect(Object.keys(b)).toEqual(Object.keys(a));
        for (const k of Object.keys(a)) expect(b[k], k).toBeCloseTo(a[k]!, 12);
      }),
      { numRuns: 300 },
    );
  });

  it('have as many ID-switch events as CLEAR counts IDSW', () => {
    fc.assert(
      fc.property(sequence, ({ gt, tr, frames }) => {
        const d = toyData(gt, tr, frames);
        const log = { trackerDetOfGtDet: new Int32Array(d.numGtDets) };
        const c = evaluateSequence(d, log);
        const s = analyzeSwitches(d, log, { fps: 30 });
        expect(s.events).toHaveLength(c.clear.IDSW);
        expect(s.totals.type1 + s.totals.type2 + s.totals.type3).toBe(c.clear.IDSW);
      }),
      { numRuns: 300 },
    );
  });
});
