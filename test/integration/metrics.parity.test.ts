// A second TrackEval check on other trackers' outputs: the official ByteTrack, OC-SORT and SORT runs of
// ../shared/data/parity, whose TrackEval values (commit 12c8791, preprocessing on and off, per-α HOTA)
// are in parity/trackeval.json. Only some sequences of each run are given, so only those are compared.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFolders } from '../../src-main/services/evaluation/evaluateFolders';
import type { Benchmark } from '../../src-shared/metrics/motChallenge';
import { tempDir } from '../helpers/tmp';
import { SHARED_DATA } from '../helpers/sharedData';

const DATA = SHARED_DATA;
interface Run {
  readonly benchmark: Benchmark;
  readonly preproc: { sequences: Record<string, Record<string, number>> };
  readonly nopreproc: { sequences: Record<string, Record<string, number>> };
  readonly per_alpha_preproc: Record<string, Record<string, number[]>>;
}
const parity = JSON.parse(readFileSync(join(DATA, 'parity', 'trackeval.json'), 'utf8')) as Record<string, Run>;
const INTEGER_FIELDS = new Set(['CLR_TP', 'CLR_FN', 'CLR_FP', 'IDSW', 'MT', 'PT', 'ML', 'Frag', 'CLR_Frames', 'IDTP', 'IDFN', 'IDFP', 'Dets', 'GT_Dets', 'IDs', 'GT_IDs', 'Frames']);

describe('TrackEval values of the official tracker outputs (parity/trackeval.json)', () => {
  for (const [run, r] of Object.entries(parity)) {
    if (run === '_meta') continue;
    it(`${run}: every field of every given sequence, preprocessing on and off, and the per-α arrays`, () => {
      const seqs = Object.keys(r.preproc.sequences);
      const seqmap = join(tempDir(), `${run}.txt`);
      writeFileSync(seqmap, `name\n${seqs.join('\n')}\n`);
      const gt = join(DATA, r.benchmark === 'MOT15' ? 'mot15/MOT15-train' : 'mot17/MOT17-train');
      for (const doPreproc of [true, false]) {
        const report = evaluateFolders({ gtFolder: gt, trackerFolder: join(DATA, 'parity', run), seqmapFile: seqmap, benchmark: r.benchmark, doPreproc });
        const want = (doPreproc ? r.preproc : r.nopreproc).sequences;
        for (const s of report.sequences) {
          for (const [f, v] of Object.entries(want[s.name]!)) {
            if (INTEGER_FIELDS.has(f)) expect(s.fields[f], `${run} ${s.name} ${f}`).toBe(v);
            else expect(Math.abs(s.fields[f]! - v), `${run} ${s.name} ${f}: ${s.fields[f]} vs ${v}`).toBeLessThanOrEqual(1e-9);
          }
          if (!doPreproc) continue;
          for (const [f, arr] of Object.entries(r.per_alpha_preproc[s.name]!)) {
            arr.forEach((v, a) => expect(Math.abs(s.perAlpha[f]![a]! - v), `${run} ${s.name} ${f}[${a}]`).toBeLessThanOrEqual(1e-9));
          }
        }
        expect(report.sequences.map((s) => s.name)).toEqual(seqs);
      }
    });
  }
});
