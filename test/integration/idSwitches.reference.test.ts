// ID-switch events on the real reference data: one event per IDSW TrackEval counts, so the per-type
// totals add up to IDSW in every sequence of every (dataset, tracker) pair, preprocessing on and off.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFolders } from '../../src-main/services/evaluation/evaluateFolders';
import type { Benchmark } from '../../src-shared/metrics/motChallenge';
import { SHARED_DATA } from '../helpers/sharedData';

const DATA = SHARED_DATA;
const ref = JSON.parse(readFileSync(join(DATA, 'reference', 'trackeval.json'), 'utf8')) as Record<
  string,
  { benchmark: Benchmark; gt_folder: string; tracker_folder: string; seqmap: string; sequences: Record<string, Record<string, number>> }
>;

describe('ID-switch events on the reference pairs', () => {
  for (const [pair, r] of Object.entries(ref)) {
    if (pair === '_meta') continue;
    for (const doPreproc of [true, false]) {
      it(`${pair} (preprocessing ${doPreproc ? 'on' : 'off'}): Type 1 + Type 2 + Type 3 = IDSW in every sequence`, () => {
        const report = evaluateFolders({ gtFolder: join(DATA, r.gt_folder), trackerFolder: join(DATA, r.tracker_folder), seqmapFile: join(DATA, r.seqmap), benchmark: r.benchmark, doPreproc, events: true });
        let events = 0;
        for (const s of report.sequences) {
          const t = s.switches!.totals;
          expect(t.type1 + t.type2 + t.type3, s.name).toBe(s.fields['IDSW']);
          expect(s.switches!.events).toHaveLength(s.fields['IDSW']!);
          if (doPreproc) expect(s.fields['IDSW'], s.name).toBe(r.sequences[s.name]!['IDSW']);
          for (const e of s.switches!.events) {
            expect(e.prevTrackerId).not.toBe(e.newTrackerId);
            expect(e.gap).toBe(e.frame - e.lastMatchedFrame - 1);
            if (e.type === 3) expect(e.partnerGtId).not.toBeNull();
          }
          events += t.idsw;
        }
        expect(events).toBe(report.combined.fields['IDSW']);
      });
    }
  }
});
