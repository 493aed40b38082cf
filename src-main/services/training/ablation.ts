// ablate.start (METHODS.md §6.4): the arms are trained with identical data, steps, seeds and settings
// in one worker (each trained arm becomes a child training run of the ablation run), then each arm's
// weights drive the appearance tracker, parameters frozen, on the held-out sequences; the report (table
// per arm, paired differences to the baseline per sequence, bootstrap CI over sequences when there are
// enough) is stored on the ablation run. A single sequence can be split in time (train on the first
// part, test on the last, ≥ 2 s guard gap), with the leakage warning of §6.4-1.
import { join } from 'node:path';
import type { ApiParsedRequest as Req, ApiResponse as Res } from '../../../src-shared/ipc/contract';
import { sliceTable, type MotTable } from '../../../src-shared/formats/motTable';
import { fail } from '../../../src-shared/ipc/result';
import { ablationReport } from '../../../src-shared/learning/ablationReport';
import type { AblationPayload, AblationProgress, AblationResult, AblationTestSequence } from '../../../src-shared/learning/ablationWire';
import { guardGapFrames, sampledFrames, timeBlockSplit } from '../../../src-shared/learning/splits';
import type { LossArm } from '../../../src-shared/learning/trainWire';
import type { Benchmark } from '../../../src-shared/metrics/motChallenge';
import type { JobRunner } from '../../jobs/JobRunner';
import type { ProjectStore } from '../../store/project/projectStore';
import type { SequenceRow } from '../../store/project/readers/sequences';
import { exportRows } from '../exports/exportMot';
import { resolveSequence } from '../sequences/resolve';
import { storeTrainResult } from './trainArtifacts';
import { buildTrainPlan } from './trainingPlan';
import type { TrainingService } from './trainingService';

/** Default training seeds (§6.4-5: at least 3). */
export const DEFAULT_ABLATION_SEEDS = [1, 2, 3] as const;

/** Rows of frames [from, to], renumbered from 1. */
export function frameSlice(t: MotTable, from: number, to: number): MotTable {
  const rows: number[] = [];
  for (let i = 0; i < t.count; i++) if (t.frame[i]! >= from && t.frame[i]! <= to) rows.push(i);
  const out = sliceTable(t, rows.length, rows);
  for (let i = 0; i < out.count; i++) out.frame[i] = out.frame[i]! - from + 1;
  return out;
}

/**
 * Detection scores outside [0, 1] (MOT15's ACF scores run to ~140) break the appearance tracker's
 * score fusion and thresholds, which assume probabilities; such a set's scores are replaced by their
 * empirical CDF (share of the set's scores ≤ s): monotone, identical for every arm. Returns whether it did.
 */
export function probabilityScores(t: MotTable): boolean {
  let outside = false;
  for (let i = 0; i < t.count; i++) if (!(t.conf[i]! >= 0 && t.conf[i]! <= 1)) outside = true;
  if (!outside || t.count === 0) return false;
  const sorted = Float64Array.from(t.conf).sort();
  for (let i = 0; i < t.count; i++) {
    // Upper bound: index of the first score > s.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= t.conf[i]!) lo = mid + 1;
      else hi = mid;
    }
    t.conf[i] = lo / sorted.length;
  }
  return true;
}

function testSequence(store: ProjectStore, seq: SequenceRow, detectionSet: string, from: number, warnings: string[]): AblationTestSequence {
  if (!seq.framesDir) fail('invalid_request', `${seq.name} has no frame images: the appearance tracker needs them`);
  const files = new Array<string>(seq.frameCount).fill('');
  for (const f of store.sequences.frameFiles(seq.id)) if (f.frame >= 1 && f.frame <= seq.frameCount) files[f.frame - 1] = join(seq.framesDir, f.file);
  const gt = exportRows(store, seq, { kind: 'gt' }).table;
  if (gt.count === 0) fail('invalid_request', `${seq.name} has no annotations to evaluate against`);
  const dets = exportRows(store, seq, { kind: 'det', name: detectionSet }).table;
  if (probabilityScores(dets)) warnings.push(`${seq.name}: ${detectionSet} scores lie outside [0, 1]; the tracker saw their empirical CDF instead`);
  const to = seq.frameCount;
  return {
    name: from > 1 ? `${seq.name}[${from}-${to}]` : seq.name,
    seqLength: to - from + 1,
    fps: seq.fps,
    benchmark: (seq.benchmark ?? 'MOT17') as Benchmark,
    gtHasClassVisibility: seq.gtLayout === 'class-visibility',
    gt: from > 1 ? frameSlice(gt, from, to) : gt,
    dets: from > 1 ? frameSlice(dets, from, to) : dets,
    frameFiles: files.slice(from - 1),
  };
}

/**
 * §6.4-1: train and test sequences must differ, except one single sequence given as both, which is
 * split in time (first 70 % train, last 30 % test, ≥ 2 s guard gap; with the leakage warning).
 */
export function ablationSplit(train: readonly SequenceRow[], test: readonly SequenceRow[], warnings: string[]): { ranges: Map<number, [number, number]> | undefined; testFrom: number; shared: SequenceRow[] } {
  const shared = test.filter((t) => train.some((s) => s.id === t.id));
  if (!shared.length) return { ranges: undefined, testFrom: 1, shared };
  if (train.length !== 1 || test.length !== 1) fail('invalid_request', `${shared.map((s) => s.name).join(', ')} cannot be both trained and tested on (one single sequence may be split in time)`);
  const seq = train[0]!;
  const guard = guardGapFrames(seq.fps);
  const cut = timeBlockSplit(sampledFrames(1, seq.frameCount, 1), { fraction: 0.3, guardFrames: guard, minFrames: Math.max(20, guard) });
  if (!cut) fail('invalid_request', `${seq.name} is too short to split into a training and a held-out test part`);
  warnings.push(
    `one sequence split in time: trained on frames 1–${cut.cutFrame - guard}, tested on ${cut.cutFrame}–${seq.frameCount} (${guard}-frame guard gap); the same identities appear in both parts, which flatters every arm alike (METHODS.md §6.4-1)`,
  );
  return { ranges: new Map([[seq.id, [1, cut.cutFrame - guard]]]), testFrom: cut.cutFrame, shared };
}

/** Starts an ablation run; see the file comment. */
export function startAblation(svc: TrainingService, store: ProjectStore, r: Req<'ablate.start'>, runner: JobRunner, now: () => number): Res<'ablate.start'> {
  if (!r.arms.includes('baseline')) fail('invalid_request', 'arms must include baseline: every other arm is compared with it (METHODS.md §6.4)');
  const arms: LossArm[] = ['baseline', ...new Set(r.arms.filter((a) => a !== 'baseline'))];
  if (arms.length < 2) fail('invalid_request', 'an ablation needs at least one arm besides baseline');
  const seeds = [...new Set(r.seeds ?? DEFAULT_ABLATION_SEEDS)];
  const train = r.trainSequences.map((s) => resolveSequence(store, s));
  const test = r.testSequences.map((s) => resolveSequence(store, s));
  const warnings: string[] = [];
  const { ranges, testFrom, shared } = ablationSplit(train, test, warnings);
  const built = buildTrainPlan(store, { train, validation: 'none', detectionSet: r.detectionSet, ...(ranges ? { ranges } : {}) });
  const testSeqs = test.map((s) => testSequence(store, s, r.detectionSet, shared.length ? testFrom : 1, warnings));
  const base = { steps: r.steps, validateEverySteps: 0 };
  const payload: AblationPayload = { plan: built.plan, arms, seeds, request: base, ...(r.backend ? { backend: r.backend } : {}), test: testSeqs, trackerParams: {}, progressIntervalMs: 500 };
  const trainUnits = arms.length * seeds.length * r.steps;
  // ETA units: one training step ≈ 60 crops of a frame embedded per model (a step sees ~20 frames' crops
  // at ~3× the cost of inference), so a test frame costs models/60 steps.
  const testFrames = testSeqs.reduce((n, s) => n + s.seqLength, 0);
  const evalUnits = Math.ceil((testFrames * arms.length * seeds.length) / 60);
  const children = new Map<string, number>();
  const config = {
    arms,
    seeds,
    steps: r.steps,
    trainSequences: train.map((s) => s.name),
    testSequences: testSeqs.map((s) => s.name),
    detectionSet: r.detectionSet,
    split: shared.length ? 'time-blocks' : 'sequences',
    trackerParams: payload.trackerParams,
    backend: r.backend ?? null,
    planHash: built.hash,
    data: built.summary,
    warnings: [...warnings, ...built.warnings],
  };
  const job = runner.start(store, {
    kind: 'ablate',
    title: r.title ?? `Ablation ${arms.join(' vs ')} on ${testSeqs.map((s) => s.name).join(', ')}`,
    config,
    worker: svc.worker('ablate.worker'),
    payload,
    onProgress: (p, runId) => {
      const q = p as AblationProgress;
      if (q.phase === 'eval') return;
      const key = `${q.arm}:${q.seed}`;
      if (q.phase === 'armStart') {
        const request = { ...base, loss: q.arm, seed: q.seed };
        const child = store.runs.insert({ jobId: `${runId}-${q.arm}-seed${q.seed}`, parentId: runId, kind: 'train', title: `${q.arm} (seed ${q.seed})`, config: { request, trainSequences: config.trainSequences, detectionSet: r.detectionSet, planHash: built.hash, ablationRunId: runId }, createdMs: now() });
        store.runs.update(child, { state: 'running', startedMs: now(), backend: store.runs.get(runId)?.backend ?? null });
        children.set(key, child);
        return;
      }
      const child = children.get(key);
      if (child === undefined) return;
      if (q.phase === 'train') {
        store.runs.update(child, { progress: { done: q.progress.step, total: q.progress.totalSteps, message: `step ${q.progress.step}/${q.progress.totalSteps}`, detail: q.progress } });
        return;
      }
      store.transaction(() => {
        storeTrainResult(store, child, { ...q.result, validation: [] }, now());
        const last = q.result.curves[q.result.curves.length - 1];
        store.runs.update(child, { state: 'succeeded', finishedMs: now(), progress: { done: q.result.steps, total: r.steps, message: 'done', detail: null }, summary: { steps: q.result.steps, losses: last?.losses ?? null, cropsPerSec: q.result.cropsPerSec, durationMs: Math.round(q.result.durationMs), tfBackend: q.result.backend } });
      });
    },
    describeProgress: (p) => {
      const q = p as AblationProgress;
      if (q.phase === 'eval') return { done: trainUnits + Math.round((evalUnits * q.done) / Math.max(1, q.total)), total: trainUnits + evalUnits, message: q.message, detail: q };
      const step = q.phase === 'train' ? q.progress.step : q.phase === 'armDone' ? r.steps : 0;
      const what = `${q.arm} (seed ${q.seed}), arm ${q.index + 1}/${q.total}`;
      const message = q.phase === 'train' ? `${what}: step ${step}/${r.steps} · loss ${q.progress.losses['total']?.toFixed(4) ?? '–'}` : q.phase === 'armStart' ? `training ${what}` : `trained ${what}`;
      const detail = q.phase === 'train' ? { phase: 'train', arm: q.arm, seed: q.seed, ...q.progress } : { phase: q.phase, arm: q.arm, seed: q.seed };
      return { done: q.index * r.steps + step, total: trainUnits + evalUnits, message, detail };
    },
    onFinished: (res: AblationResult, runId) => {
      if (res.status === 'cancelled') return { status: 'cancelled' };
      const report = ablationReport(res.rows, { arms, seeds, sequences: testSeqs.map((s) => s.name) });
      const full = { ...report, rows: res.rows, protocol: { ...config, pipeline: res.pipeline, embedCropsPerSec: res.embedCropsPerSec, evalMs: Math.round(res.evalMs), children: Object.fromEntries(children) } };
      store.runs.putArtifact(runId, 'report', new TextEncoder().encode(JSON.stringify(full)), { format: report.format, arms: ['none', ...arms], sequences: report.sequences, seeds }, now());
      const summaryOf = (arm: string): Record<string, number> => {
        const a = report.arms.find((x) => x.arm === arm)!;
        return { HOTA: a.combined['HOTA']!.mean, IDF1: a.combined['IDF1']!.mean, IDSW: a.combined['IDSW']!.mean };
      };
      return {
        arms: Object.fromEntries(['none', ...arms].map((a) => [a, summaryOf(a)])),
        deltaIDF1: Object.fromEntries(report.differences.map((d) => [d.arm, d.overSequences['IDF1']!.mean])),
        ci: report.ci.available,
        warnings: config.warnings,
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
