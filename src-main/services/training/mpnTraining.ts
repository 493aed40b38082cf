// train.start with model 'mpn': the MPN graph tracker (METHODS.md §2) trained as a job through the job
// runner — loss baseline = B0 (class-balanced BCE summed over the classified steps, §2.6) or unitrack =
// B1 (BCE + w_UT·L_UT on edge flows, §1.10) — with progress, cancel, checkpoints and resume, and the
// run stored with its weights, curves and validation edge metrics (mpnArtifacts.ts).
import type { ApiParsedRequest as Req, ApiResponse as Res } from '../../../src-shared/ipc/contract';
import { fail } from '../../../src-shared/ipc/result';
import type { TfBackendName } from '../../../src-shared/ipc/schemas';
import { mpnLossOf, type MpnCheckpointWire, type MpnFeatureKind, type MpnJobProgressWire, type MpnTrainJobPayload, type MpnTrainJobResult, type MpnTrainRequestWire } from '../../../src-shared/learning/mpnWire';
import type { JobRunner } from '../../jobs/JobRunner';
import type { ProjectStore } from '../../store/project/projectStore';
import { resolveSequence } from '../sequences/resolve';
import { isMpnRun, loadMpnCheckpoint, storeFeatureWeights, storeMpnCheckpoint, storeMpnResult } from './mpnArtifacts';
import { buildMpnData } from './mpnSources';

/** What an MPN training run stores as its config (resume rebuilds the same run from it). */
export interface MpnRunConfig {
  readonly model: 'mpn';
  /** The API's loss name (baseline = B0, unitrack = B1); `request.loss` is learning's (bce | unitrack). */
  readonly loss: 'baseline' | 'unitrack';
  readonly request: MpnTrainRequestWire;
  readonly trainSequences: readonly string[];
  readonly validationSequences: readonly string[] | null;
  readonly detectionSet: string | null;
  readonly features: MpnFeatureKind;
  readonly featureRunId: number | null;
  readonly backend: TfBackendName | null;
  readonly planHash: string;
  readonly split: string;
  readonly warnings: readonly string[];
  readonly resumedFrom: number | null;
  readonly ablationRunId?: number;
}

/** Checkpoints ~20 per run, between every 5 and every 500 steps (an MPN step costs ~1 s on wasm). */
export function mpnCheckpointEvery(steps: number): number {
  return Math.min(500, Math.max(5, Math.ceil(steps / 20)));
}

/** One progress line and the `detail` clients get (phase 'features' or 'train', model 'mpn'). */
export function describeMpnProgress(p: MpnJobProgressWire, steps: number): { done: number; total: number; message: string; detail: unknown } {
  if (p.phase === 'features') return { done: 0, total: steps, message: `node features: frame ${p.done}/${p.total}`, detail: { model: 'mpn', ...p } };
  const loss = p.losses['total'];
  const lam = p.lambdaS !== undefined ? ` · λs ${p.lambdaS.toFixed(2)} λt ${p.lambdaT?.toFixed(2)}` : '';
  return { done: p.step, total: p.totalSteps, message: `step ${p.step}/${p.totalSteps} · loss ${loss === undefined ? '–' : loss.toFixed(4)}${lam} · ${p.edgesPerSec.toFixed(0)} edges/s`, detail: { model: 'mpn', ...p } };
}

/** The MPN-only fields a reid run may not set. */
export function refuseMpnFields(r: Req<'train.start'>): void {
  if (r.featureRunId !== undefined) fail('invalid_request', 'featureRunId applies to model mpn only (the node features of the graph tracker)');
  if (r.graphsPerStep !== undefined) fail('invalid_request', 'graphsPerStep applies to model mpn only');
}

/** train.start for model 'mpn'. */
export function startMpnTraining(store: ProjectStore, r: Req<'train.start'>, runner: JobRunner, worker: URL, now: () => number): Res<'train.start'> {
  if (r.loss !== 'baseline' && r.loss !== 'unitrack') fail('invalid_request', `loss: the MPN trains with baseline (B0: class-balanced BCE) or unitrack (B1: BCE + w_UT·L_UT), not ${r.loss}`);
  const trainSeqs = r.trainSequences.map((s) => resolveSequence(store, s));
  let valRefs: readonly (number | string)[] | undefined = r.validationSequences;
  let featureRunId = r.featureRunId;
  let prev: MpnRunConfig | undefined;
  if (r.resumeRunId !== undefined) {
    const run = store.runs.get(r.resumeRunId);
    if (!run || run.kind !== 'train') fail('not_found', `resumeRunId: run ${r.resumeRunId} is not a training run`);
    if (!isMpnRun(run.config)) fail('invalid_request', `resumeRunId: run ${r.resumeRunId} trained the appearance CNN, not the MPN`);
    prev = run.config as MpnRunConfig;
    const c = prev.request;
    const same =
      prev.loss === r.loss &&
      prev.trainSequences.join('\n') === trainSeqs.map((s) => s.name).join('\n') &&
      (prev.detectionSet ?? undefined) === r.detectionSet &&
      (r.featureRunId === undefined || r.featureRunId === prev.featureRunId) &&
      (r.seed === undefined || r.seed === c.seed) &&
      (r.learningRate === undefined || r.learningRate === c.learningRate) &&
      (r.graphsPerStep === undefined || r.graphsPerStep === c.graphsPerStep) &&
      (r.window === undefined || r.window === c.unitrack?.window);
    if (!same) fail('invalid_request', `resumeRunId: run ${r.resumeRunId} trained ${prev.loss} on ${prev.trainSequences.join(', ')}; a resumed run keeps its loss, sequences, detection set, features, seed, learning rate, graphs per step and window (only steps and backend may change)`);
    valRefs = prev.validationSequences ?? undefined;
    featureRunId = prev.featureRunId ?? undefined;
  }
  const valSeqs = valRefs?.map((s) => resolveSequence(store, s));
  const data = buildMpnData(store, { train: trainSeqs, validation: valSeqs ?? 'auto', ...(r.detectionSet !== undefined ? { detectionSet: r.detectionSet } : {}), ...(featureRunId !== undefined ? { featureRunId } : {}) });
  let request: MpnTrainRequestWire = {
    loss: mpnLossOf(r.loss),
    steps: r.steps,
    seed: r.seed ?? 0,
    graphsPerStep: r.graphsPerStep ?? 8,
    ...(r.learningRate !== undefined ? { learningRate: r.learningRate } : {}),
    ...(r.window !== undefined ? { unitrack: { window: r.window } } : {}),
    validateEverySteps: r.steps >= 20 ? Math.round(r.steps / 10) : 0,
    maxValidationGraphs: 20,
  };
  let resumeFrom: MpnCheckpointWire | undefined;
  if (prev && r.resumeRunId !== undefined) {
    if (prev.planHash !== data.hash) fail('conflict', `resumeRunId: the training data changed since run ${r.resumeRunId} (annotations, detections or frames were edited): start a new run`);
    resumeFrom = loadMpnCheckpoint(store, r.resumeRunId);
    if (resumeFrom.step >= r.steps) fail('invalid_request', `steps: run ${r.resumeRunId} already reached step ${resumeFrom.step}; ask for more than ${resumeFrom.step}`);
    request = { ...prev.request, steps: r.steps, validateEverySteps: r.steps >= 20 ? Math.round(r.steps / 10) : 0 };
  }
  const config: MpnRunConfig = {
    model: 'mpn',
    loss: r.loss,
    request,
    trainSequences: trainSeqs.map((s) => s.name),
    validationSequences: valSeqs ? valSeqs.map((s) => s.name) : null,
    detectionSet: r.detectionSet ?? null,
    features: data.features,
    featureRunId: featureRunId ?? null,
    backend: r.backend ?? null,
    planHash: data.hash,
    split: data.split,
    warnings: data.warnings,
    resumedFrom: r.resumeRunId ?? null,
  };
  const payload: MpnTrainJobPayload = {
    request,
    train: data.train,
    validation: data.validation,
    features: data.features,
    ...(data.featureWeights ? { featureWeights: data.featureWeights } : {}),
    ...(resumeFrom ? { resumeFrom } : {}),
    checkpointEverySteps: mpnCheckpointEvery(r.steps),
    ...(r.backend ? { backend: r.backend } : {}),
    progressIntervalMs: 500,
  };
  const what = `MPN ${r.loss} on ${trainSeqs.length === 1 ? trainSeqs[0]!.name : `${trainSeqs.length} sequences`}`;
  const job = runner.start(store, {
    kind: 'train',
    title: r.title ?? (r.resumeRunId !== undefined ? `Resume run ${r.resumeRunId}: ${what}` : `Train ${what}`),
    config,
    worker,
    payload,
    describeProgress: (p) => describeMpnProgress(p as MpnJobProgressWire, request.steps),
    onCheckpoint: (c, runId) => storeMpnCheckpoint(store, runId, c as MpnCheckpointWire, now()),
    onFinished: (res: MpnTrainJobResult, runId) => {
      if ('cancelledIn' in res) {
        // Cancelled while the node features were computed: a resumed run keeps its starting point.
        if (resumeFrom) storeMpnCheckpoint(store, runId, resumeFrom, now());
        return { model: 'mpn', status: 'cancelled', steps: resumeFrom?.step ?? 0, totalSteps: request.steps, losses: null, validation: null, warnings: data.warnings };
      }
      storeMpnResult(store, runId, res, now());
      storeMpnCheckpoint(store, runId, res.checkpoint, now());
      if (data.featureWeights) storeFeatureWeights(store, runId, data.featureWeights, now());
      const lastVal = res.validation[res.validation.length - 1];
      const edges = res.curves.reduce((n, c) => n + c.edges, 0);
      const ms = res.curves.reduce((n, c) => n + c.stepMs, 0);
      return {
        model: 'mpn',
        status: res.status,
        steps: res.steps,
        totalSteps: request.steps,
        losses: res.curves[res.curves.length - 1]?.losses ?? null,
        validation: lastVal ? { step: lastVal.step, ...lastVal.metrics } : null,
        edgesPerSec: ms > 0 ? edges / (ms / 1000) : 0,
        durationMs: Math.round(res.durationMs),
        featureMs: Math.round(res.featureMs),
        nodes: res.nodes,
        features: data.features,
        tfBackend: res.backend,
        warnings: data.warnings,
      };
    },
  });
  return { jobId: job.jobId, runId: job.runId };
}
