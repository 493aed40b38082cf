// The headline acceptance test of issue 4: every value TrackEval reports (commit 12c8791, MotChallenge2DBox,
// HOTA + CLEAR + Identity + Count) for every (dataset, tracker) pair of ../shared/data/reference, every
// sequence and COMBINED_SEQ, with preprocessing on and off: counts exactly, floats within 1e-9.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFolders, type EvaluationReport } from '../../src-main/services/evaluation/evaluateFolders';
import type { Benchmark } from '../../src-shared/metrics/motChallenge';
import { SHARED_DATA } from '../helpers/sharedData';

const DATA = SHARED_DATA;

interface RefPair {
  readonly benchmark: Benchmark;
  readonly gt_folder: string;
  readonly tracker_folder: string;
  readonly seqmap: string;
  readonly sequences: Record<string, Record<string, number>>;
  readonly per_alpha: Record<string, Record<string, number[]>>;
}

/** Counts (and the per-α HOTA_TP/FN/FP) compare exactly; everything else within 1e-9. */
const INTEGER_FIELDS = new Set([
  'CLR_TP', 'CLR_FN', 'CLR_FP', 'IDSW', 'MT', 'PT', 'ML', 'Frag', 'CLR_Frames', 'IDTP', 'IDFN', 'IDFP', 'Dets', 'GT_Dets', 'IDs', 'GT_IDs', 'Frames',
]);

function compare(ref: RefPair, report: EvaluationReport, where: string): { values: number; maxDev: number } {
  let values = 0;
  let maxDev = 0;
  const bySeq = new Map(report.sequences.map((s) => [s.name, s] as const));
  bySeq.set('COMBINED_SEQ', report.combined);
  expect(new Set(bySeq.keys()), where).toEqual(new Set(Object.keys(ref.sequences)));
  for (const [seq, fields] of Object.entries(ref.sequences)) {
    const ours = bySeq.get(seq)!;
    for (const [field, want] of Object.entries(fields)) {
      const got = ours.fields[field];
      expect(got, `${where} ${seq} ${field} missing`).toBeTypeOf('number');
      if (INTEGER_FIELDS.has(field)) expect(got, `${where} ${seq} ${field}`).toBe(want);
      const dev = Math.abs(got! - want);
      expect(dev, `${where} ${seq} ${field}: ${got} vs ${want}`).toBeLessThanOrEqual(1e-9);
      maxDev = Math.max(maxDev, dev);
      values++;
    }
    for (const [field, want] of Object.entries(ref.per_alpha[seq]!)) {
      const got = ours.perAlpha[field];
      expect(got?.length, `${where} ${seq} per_alpha ${field}`).toBe(want.length);
      want.forEach((w, a) => {
        const dev = Math.abs(got![a]! - w);
        if (field.startsWith('HOTA_')) expect(got![a], `${where} ${seq} ${field}[${a}]`).toBe(w);
        expect(dev, `${where} ${seq} ${field}[${a}]: ${got![a]} vs ${w}`).toBeLessThanOrEqual(1e-9);
        maxDev = Math.max(maxDev, dev);
        values++;
      });
    }
  }
  return { values, maxDev };
}

for (const [file, doPreproc] of [['trackeval.json', true], ['trackeval_nopreproc.json', false]] as const) {
  const path = join(DATA, 'reference', file);
  const ref = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, RefPair>) : {};
  describe(`TrackEval reference ${file}`, () => {
    it('has the four (dataset, tracker) pairs', () => {
      expect(Object.keys(ref).filter((k) => k !== '_meta')).toHaveLength(4);
    });
    for (const [pair, r] of Object.entries(ref)) {
      if (pair === '_meta') continue;
      it(`${pair}: every field of every sequence and COMBINED_SEQ matches`, () => {
        const report = evaluateFolders({
          gtFolder: join(DATA, r.gt_folder),
          trackerFolder: join(DATA, r.tracker_folder),
          seqmapFile: join(DATA, r.seqmap),
          benchmark: r.benchmark,
          doPreproc,
        });
        const { values, maxDev } = compare(r, report, `${file} ${pair}`);
        // Every reference value was compared (scalars + per-α arrays).
        const expected = Object.values(r.sequences).reduce((n, f) => n + Object.keys(f).length, 0) +
          Object.values(r.per_alpha).reduce((n, f) => n + Object.values(f).reduce((m, a) => m + a.length, 0), 0);
        expect(values).toBe(expected);
        console.log(`${file} ${pair}: ${values} values, max deviation ${maxDev.toExponential(2)}`);
      });
    }
  });
}
