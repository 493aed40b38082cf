// Worker entry: tunes a tracker's parameters (seeded random search or TPE; resumable from the trials
// already stored) to maximise HOTA, IDF1 or MOTA over the sequences; every trial is reported.
import { evaluateTables, isEvaluationError } from '../../src-shared/evaluation/evaluate';
import type { TunePayload, TuneResult } from '../../src-shared/jobs/messages';
import { createTracker, trackingSetup, TRACKER_DEFAULTS } from '../../src-shared/tracking/registry';
import { resultTable } from '../../src-shared/tracking/resultTable';
import { groupByFrame, trackSequence } from '../../src-shared/tracking/sequence';
import { sequentialIds } from '../../src-shared/tracking/types';
import { bestTrial, runStudy } from '../../src-shared/tuning/study';
import { TRACKER_SPACES } from '../../src-shared/tuning/spaces';
import { serveJob } from './protocol';

serveJob<TunePayload>(async (p, ctx): Promise<TuneResult> => {
  const dets = p.sequences.map((s) => groupByFrame(s.dets!));
  const space = TRACKER_SPACES[p.tracker];
  // Trial 0 is the official defaults (restricted to the searched parameters): the baseline to beat.
  const defaults = Object.fromEntries(Object.keys(space).map((k) => [k, TRACKER_DEFAULTS[p.tracker][k]!]));
  let lastMetrics: Record<string, number> = {};
  const objective = (params: Record<string, number | boolean | string>): number => {
    const tables = p.sequences.map((s, i) => {
      const setup = trackingSetup(p.tracker, { official: false, sequenceName: s.name, frameRate: s.fps, params });
      const rows = trackSequence(createTracker(p.tracker, setup.params, sequentialIds(1)), dets[i]!, { loop: setup.loop, lastFrame: Math.min(s.seqLength, dets[i]!.lastFrame) });
      return { name: s.name, gt: s.gt!, tracker: resultTable(rows), seqLength: s.seqLength, fps: s.fps, gtHasClassVisibility: s.gtHasClassVisibility };
    });
    const r = evaluateTables(tables, { benchmark: p.benchmark, doPreproc: true, events: false });
    if (isEvaluationError(r)) throw new Error(r.message);
    lastMetrics = r.combined.fields as Record<string, number>;
    return lastMetrics[p.metric]!;
  };
  const options = { space, sampler: p.sampler, seed: p.seed, direction: 'maximize' as const, firstParams: defaults };
  const trials = await runStudy(options, objective, {
    nTrials: p.trials,
    history: p.history,
    signal: ctx.signal,
    onTrial: (trial, all) => ctx.progress({ trial, best: bestTrial(options, all), done: all.length, total: p.trials, metrics: lastMetrics }),
  });
  return { status: ctx.signal.aborted ? 'cancelled' : 'completed', trials, best: bestTrial(options, trials) };
});
