// The ablation report (METHODS.md §6.4-7), hand-checked: mean ± sd over seeds, paired differences to
// the baseline by seed, the bootstrap CI over sequences only when there are enough of them, Holm.
import { describe, expect, it } from 'vitest';
import { ablationReport, bootstrapMean, holm, meanSd } from '../../../../src-shared/learning/ablationReport';
import type { AblationRow } from '../../../../src-shared/learning/ablationWire';

const row = (arm: AblationRow['arm'], seed: number | null, sequence: string, IDF1: number, IDSW = 10): AblationRow => ({ arm, seed, sequence, metrics: { IDF1, IDSW, HOTA: IDF1 - 0.1 } });

describe('ablationReport', () => {
  // IDF1 — baseline: seed 1 A .60 B .50, seed 2 A .62 B .54; unitrack: seed 1 A .65 B .52, seed 2 A .63 B .58.
  const rows: AblationRow[] = [
    row('none', null, 'A', 0.55), row('none', null, 'B', 0.45), row('none', null, 'COMBINED_SEQ', 0.5),
    row('baseline', 1, 'A', 0.6), row('baseline', 1, 'B', 0.5), row('baseline', 1, 'COMBINED_SEQ', 0.55),
    row('baseline', 2, 'A', 0.62), row('baseline', 2, 'B', 0.54), row('baseline', 2, 'COMBINED_SEQ', 0.58),
    row('unitrack', 1, 'A', 0.65), row('unitrack', 1, 'B', 0.52), row('unitrack', 1, 'COMBINED_SEQ', 0.585),
    row('unitrack', 2, 'A', 0.63), row('unitrack', 2, 'B', 0.58), row('unitrack', 2, 'COMBINED_SEQ', 0.605),
  ];
  const r = ablationReport(rows, { arms: ['baseline', 'unitrack'], seeds: [1, 2], sequences: ['A', 'B'] });

  it('tabulates every arm (the untrained one first) as mean ± sd over seeds', () => {
    expect(r.arms.map((a) => [a.arm, a.seeds])).toEqual([['none', 1], ['baseline', 2], ['unitrack', 2]]);
    const base = r.arms[1]!;
    // A: (0.60 + 0.62)/2 = 0.61, sd = |0.60 − 0.62|/√2 = 0.0141421.
    expect(base.perSequence['A']!['IDF1']!.mean).toBeCloseTo(0.61, 12);
    expect(base.perSequence['A']!['IDF1']!.sd).toBeCloseTo(0.02 / Math.SQRT2, 12);
    expect(base.combined['IDF1']!.mean).toBeCloseTo(0.565, 12);
    expect(r.arms[0]!.combined['IDF1']).toEqual({ mean: 0.5, sd: 0, n: 1 });
  });

  it('pairs differences by seed per sequence and averages them over sequences', () => {
    const d = r.differences[0]!;
    expect(d).toMatchObject({ arm: 'unitrack', versus: 'baseline' });
    // A: seed 1 +0.05, seed 2 +0.01 → 0.03 ± 0.0282843; B: +0.02, +0.04 → 0.03 ± 0.0141421.
    expect(d.perSequence['A']!['IDF1']!.mean).toBeCloseTo(0.03, 12);
    expect(d.perSequence['A']!['IDF1']!.sd).toBeCloseTo(0.04 / Math.SQRT2, 12);
    expect(d.perSequence['B']!['IDF1']!.sd).toBeCloseTo(0.02 / Math.SQRT2, 12);
    expect(d.overSequences['IDF1']!.mean).toBeCloseTo(0.03, 12);
    // Two sequences: no CI, and the report says why.
    expect(d.overSequences['IDF1']).toMatchObject({ ci95: null, p: null, improved: null });
    expect(r.ci.available).toBe(false);
    expect(r.ci.note).toMatch(/at least 5 test sequences, got 2/);
  });

  it('bootstraps over sequences when there are enough, with the right direction per metric', () => {
    const seqs = ['s1', 's2', 's3', 's4', 's5', 's6'];
    const up = [0.01, 0.02, 0.03, 0.04, 0.05, 0.06];
    const mixed = [-0.05, 0.05, -0.04, 0.04, 0, 0.01];
    const many: AblationRow[] = seqs.flatMap((s, i) => [
      row('baseline', 1, s, 0.5, 10),
      row('unitrack', 1, s, 0.5 + up[i]!, 10 - 2 * (i + 1)),
      row('contrastive', 1, s, 0.5 + mixed[i]!, 10),
    ]);
    const rep = ablationReport(many, { arms: ['baseline', 'unitrack', 'contrastive'], seeds: [1], sequences: seqs });
    expect(rep.ci.available).toBe(true);
    const [ut, ct] = rep.differences;
    const ci = ut!.overSequences['IDF1']!.ci95!;
    expect(ci[0]).toBeGreaterThan(0);
    expect(ci[1]).toBeLessThanOrEqual(0.06 + 1e-12);
    expect(ut!.overSequences['IDF1']!.improved).toBe(true);
    // Fewer switches is better: a negative ΔIDSW with a CI below 0 is an improvement.
    expect(ut!.overSequences['IDSW']!.mean).toBeCloseTo(-7, 12);
    expect(ut!.overSequences['IDSW']!.improved).toBe(true);
    expect(ct!.overSequences['IDF1']!.ci95![0]).toBeLessThan(0);
    expect(ct!.overSequences['IDF1']!.improved).toBe(false);
    // Seeded: the same report twice.
    expect(ablationReport(many, { arms: ['baseline', 'unitrack', 'contrastive'], seeds: [1], sequences: seqs })).toEqual(rep);
  });
});

describe('statistics', () => {
  it('computes mean and sample sd', () => {
    expect(meanSd([1, 2, 3, 4])).toEqual({ mean: 2.5, sd: Math.sqrt(5 / 3), n: 4 });
    expect(meanSd([7])).toEqual({ mean: 7, sd: 0, n: 1 });
  });

  it('bootstraps a constant sample to a point CI with p = 0 (or 1 at zero)', () => {
    const b = bootstrapMean([0.25, 0.25, 0.25], 1000, 1);
    expect(b).toEqual({ ci95: [0.25, 0.25], p: 0 });
    expect(bootstrapMean([0, 0], 100, 1).p).toBe(1);
  });

  it('adjusts p-values by Holm', () => {
    // Sorted 0.01, 0.03, 0.04 → 3·0.01 = 0.03, 2·0.03 = 0.06, max(0.06, 1·0.04) = 0.06.
    expect(holm([0.01, 0.04, 0.03]).map((p) => Number(p.toFixed(10)))).toEqual([0.03, 0.06, 0.06]);
  });
});
