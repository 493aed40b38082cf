// ablate.start with model 'mpn' (METHODS.md §6.4 on the graph tracker of §2): arms baseline = B0
// (class-balanced BCE, §2.6) and unitrack = B1 (BCE + w_UT·L_UT on edge flows, §1.10), trained with
// identical data, steps, seeds and settings in one worker; each trained arm becomes a child MPN training
// run (usable as a tracker model); every arm's MPN then tracks the held-out sequences and the report —
// per-arm tables, paired differences to the baseline per sequence and seed, bootstrap CI over sequences
// when there are enough — is the same as the appearance CNN's (ablationReport), without an untrained row.
import type { ApiParsedRequest as Req, ApiResponse as Res } from '../../../src-shared/ipc/contract';
import type { Benchmark } from '../../../src-shared/metrics/motChallenge';
import { fail } from '../../../src-shared/ipc/result';
import { ablationReport } from '../../../src-shared/learning/ablationReport';
import { mpnLossOf, type MpnAblationPayload, type MpnAblationProgress, type MpnAblationResult, type MpnArmName, type MpnTestSequence } from '../../../src-shared/learning/mpnWire';
import type { JobRunner } from '../../jobs/JobRunner';
import type { ProjectStore } from '../../store/project/projectStore';
import { exportRows } from '../exports/exportMot';
import { resolveSequence } from '../sequences/resolve';
import { ablationSplit, DEFAULT_ABLATION_SEEDS, frameSlice } from './ablation';
import { storeMpnResult } from './mpnArtifacts';
import { chooseFeatures, frameFileList, mpnSource } from './mpnSources';

/** Starts an MPN ablation run; see the file comment. */
export function startMpnAblation(store: ProjectStore, r: Req<'ablate.start'>, runner: JobRunner, worker: URL, now: () => number): Res<'ablate.start'> {
  for (const a of r.arms) if (a !== 'baseline' && a !== 'unitrack') fail('invalid_request', `arms: the MPN's arms are baseline (B0: class-balanced BCE) and unitrack (B1: BCE + w_UT·L_UT); ${a} is an appearance-CNN loss`);
  if (!r.arms.includes('baseline') || !r.arms.includes('unitrack')) fail('invalid_request', 'arms: an MPN ablation compares baseline (B0) with unitrack (B1); give both');
  const arms: MpnArmName[] = ['baseline', 'unitrack'];
  const seeds = [...new Set(r.seeds ?? DEFAULT_ABLATION_SEEDS)];
  const train = r.trainSequences.map((s) => resolveSequence(store, s));
  const test = r.testSequences.map((s) => resolveSequence(store, s));
  const warnings: string[] = [];
  const { ranges, testFrom, shared } = ablationSplit(train, test, warnings);
  const { features } = chooseFeatures(store, [...train, ...test], undefined, warnings);
  const withFrames = features !== 'none';
  const sources = train.map((s) => mpnSource(store, s, r.detectionSet, ranges?.get(s.id) ?? [1, s.frameCount], withFrames));
  const testSeqs: MpnTestSequence[] = test.map((seq) => {
    const from = shared.length ? testFrom : 1;
    const gt = exportRows(store, seq, { kind: 'gt' }).table;
    if (gt.count === 0) fail('invalid_request', `testSequences: ${seq.name} has no annotations to evaluate against`);
    const dets = exportRows(store, seq, { kind: 'det', name: r.detectionSet }).table;
    const files = withFrames ? frameFileList(store, seq) : null;
    return {
      name: from > 1 ? `${seq.name}[${from}-${seq.frameCount}]` : seq.name,
      fps: seq.fps,
      seqLength: seq.frameCount - from + 1,
      benchmark: (seq.benchmark ?? 'MOT17') as Benchmark,
      gtHasClassVisibility: seq.gtLayout === 'class-visibility',
      gt: from > 1 ? frameSlice(gt, from, seq.frameCount) : gt,
      dets: from > 1 ? frameSlice(dets, from, seq.frameCount) : dets,
      frameFiles: files ? files.slice(from - 1) : null,
    };
  });
  const base = { steps: r.steps, graphsPerStep: r.graphsPerStep ?? 8, validateEverySteps: 0 };
  const payload: MpnAblationPayload = { train: sources, test: testSeqs, arms, seeds, request: base, features, ...(r.backend ? { backend: r.backend } : {}), progressIntervalMs: 500 };
  const trainUnits = arms.length * seeds.length * r.steps;
  // ETA units: tracking a test sequence with one model costs about as much as 2 training steps per 100 frames.
  const evalUnits = Math.ceil((testSeqs.reduce((n, s) => n + s.seqLength, 0) * arms.length * seeds.length) / 50);
  const children = new Map<string, number>();
  const config = {
    model: 'mpn',
    arms,
    seeds,
    steps: r.steps,
    trainSequences: train.map((s) => s.name),
    testSequences: testSeqs.map((s) => s.name),
    detectionSet: r.detectionSet,
    features,
    split: shared.length ? 'time-blocks' : 'sequences',
    request: base,
    backend: r.backend ?? null,
    warnings,
  };
  const job = runner.start(store, {
    kind: 'ablate',
    title: r.title ?? `MPN ablation ${arms.join(' vs ')} on ${testSeqs.map((s) => s.name).join(', ')}`,
    config,
    worker,
    payload,
    onProgress: (p, runId) => {
      const q = p as MpnAblationProgress;
      if (q.phase === 'eval' || q.phase === 'features') return;
      const key = `${q.arm}:${q.seed}`;
      if (q.phase === 'armStart') {
        const request = { ...base, loss: mpnLossOf(q.arm), seed: q.seed };
        const childConfig = { model: 'mpn', loss: q.arm, request, trainSequences: config.trainSequences, validationSequences: null, detectionSet: r.detectionSet, features, featureRunId: null, backend: r.backend ?? null, split: 'none', warnings, resumedFrom: null, ablationRunId: runId };
        const child = store.runs.insert({ jobId: `${runId}-${q.arm}-seed${q.seed}`, parentId: runId, kind: 'train', title: `MPN ${q.arm} (seed ${q.seed})`, config: childConfig, createdMs: now() });
        store.runs.update(child, { state: 'running', startedMs: now(), backend: store.runs.get(runId)?.backend ?? null });
        children.set(key, child);
        return;
      }
      const child = children.get(key);
      if (child === undefined) return;
      if (q.phase === 'train') {
        store.runs.update(child, { progress: { done: q.progress.step, total: q.progress.totalSteps, message: `step ${q.progress.step}/${q.progress.totalSteps}`, detail: { model: 'mpn', phase: 'train', ...q.progress } } });
        return;
      }
      store.transaction(() => {
        storeMpnResult(store, child, { ...q.result, validation: [] }, now());
        const last = q.result.curves[q.result.curves.length - 1];
        store.runs.update(child, { state: 'succeeded', finishedMs: now(), progress: { done: q.result.steps, total: r.steps, message: 'done', detail: null }, summary: { model: 'mpn', steps: q.result.steps, totalSteps: r.steps, losses: last?.losses ?? null, validation: null, durationMs: Math.round(q.result.durationMs), features, tfBackend: q.result.backend } });
      });
    },
    describeProgress: (p) => {
      const q = p as MpnAblationProgress;
      if (q.phase === 'features') return { done: 0, total: trainUnits + evalUnits, message: `node features: frame ${q.done}/${q.total}`, detail: { model: 'mpn', ...q } };
      if (q.phase === 'eval') return { done: trainUnits + Math.round((evalUnits * q.done) / Math.max(1, q.total)), total: trainUnits + evalUnits, message: q.message, detail: { model: 'mpn', ...q } };
      const step = q.phase === 'train' ? q.progress.step : q.phase === 'armDone' ? r.steps : 0;
      const what = `MPN ${q.arm} (seed ${q.seed}), arm ${q.index + 1}/${q.total}`;
      const message = q.phase === 'train' ? `${what}: step ${step}/${r.steps} · loss ${q.progress.losses['total']?.toFixed(4) ?? '–'}` : q.phase === 'armStart' ? `training ${what}` : `trained ${what}`;
      const detail = q.phase === 'train' ? { model: 'mpn', phase: 'train', arm: q.arm, seed: q.seed, ...q.progress } : { model: 'mpn', phase: q.phase, arm: q.arm, seed: q.seed };
      return { done: q.index * r.steps + step, total: trainUnits + evalUnits, message, detail };
    },
    onFinished: (res: MpnAblationResult, runId) => {
      if (res.status === 'cancelled') return { status: 'cancelled' };
      const report = ablationReport(res.rows, { arms, seeds, sequences: testSeqs.map((s) => s.name) });
      const full = { ...report, rows: res.rows, protocol: { ...config, featureMs: Math.round(res.featureMs), evalMs: Math.round(res.evalMs), children: Object.fromEntries(children) } };
      store.runs.putArtifact(runId, 'report', new TextEncoder().encode(JSON.stringify(full)), { format: report.format, model: 'mpn', arms, sequences: report.sequences, seeds }, now());
      const summaryOf = (arm: string): Record<string, number> => {
        const a = report.arms.find((x) => x.arm === arm)!;
        return { HOTA: a.combined['HOTA']!.mean, IDF1: a.combined['IDF1']!.mean, IDSW: a.combined['IDSW']!.mean };
      };
      return {
        model: 'mpn',
        arms: Object.fromEntries(arms.map((a) => [a, summaryOf(a)])),
        deltaIDF1: Object.fromEntries(report.differences.map((d) => [d.arm, d.overSequences['IDF1']!.mean])),
        ci: report.ci.available,
        warnings,
      };
    },
  });
  // A child still marked running when the ablation ends was interrupted with it.
  void job.done.then((state) => {
    try {
      for (const child of children.values()) {
        const c = store.runs.get(child);
        if (c && (c.state === 'running' || c.state === 'queued')) store.runs.update(child, { state: state === 'succeeded' ? 'failed' : state, finishedMs: now() });
      }
    } catch {
      // The project was closed meanwhile: the next open marks the orphans (failOrphans).
    }
  });
  return { jobId: job.jobId, runId: job.runId };
}
