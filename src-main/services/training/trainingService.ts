// train.start and ablate.start: build the training plan from the project, start the worker through
// the job runner, and store what comes back (weights, checkpoints, curves, validation; the ablation's
// child training runs and report). Cancel goes through runs.cancel like every job.
import type { ApiParsedRequest as Req, ApiResponse as Res } from '../../../src-shared/ipc/contract';
import { fail } from '../../../src-shared/ipc/result';
import type { TfBackendName } from '../../../src-shared/ipc/schemas';
import type { TrainCheckpointWire, TrainJobPayload, TrainProgressWire, TrainRequestWire, TrainResultWire, PipelineStats } from '../../../src-shared/learning/trainWire';
import type { JobRunner } from '../../jobs/JobRunner';
import type { ProjectsService } from '../projects';
import { resolveSequence } from '../sequences/resolve';
import { startAblation } from './ablation';
import { startMpnAblation } from './mpnAblation';
import { isMpnRun } from './mpnArtifacts';
import { refuseMpnFields, startMpnTraining } from './mpnTraining';
import { loadCheckpoint, storeCheckpoint, storeTrainResult } from './trainArtifacts';
import { buildTrainPlan } from './trainingPlan';

/** What a training run stores as its config (resume rebuilds the same run from it). */
export interface TrainRunConfig {
  /** The appearance CNN (MPN runs store mpnTraining.ts's MpnRunConfig, model 'mpn'). */
  readonly model: 'reid';
  readonly request: TrainRequestWire;
  readonly trainSequences: readonly string[];
  readonly validationSequences: readonly string[] | null;
  readonly detectionSet: string | null;
  readonly backend: TfBackendName | null;
  readonly planHash: string;
  readonly split: string;
  readonly data: Record<string, unknown>;
  readonly warnings: readonly string[];
  readonly resumedFrom: number | null;
}

/** Checkpoint cadence: ~20 per run, between every 10 and every 500 steps. */
export function checkpointEvery(steps: number): number {
  return Math.min(500, Math.max(10, Math.ceil(steps / 20)));
}

/** Validation ~10 times per run (on at most 20 clips), or only after the last step of short runs. */
export function validationEvery(steps: number): number {
  return steps >= 20 ? Math.round(steps / 10) : 0;
}

/** One progress line and the `detail` every client gets (losses per term, λ, throughput, ETA). */
export function describeTrainProgress(p: TrainProgressWire): { done: number; total: number; message: string; detail: unknown } {
  const loss = p.losses['total'];
  const lam = p.lambdaS !== undefined ? ` · λs ${p.lambdaS.toFixed(2)} λt ${p.lambdaT?.toFixed(2)}` : '';
  return {
    done: p.step,
    total: p.totalSteps,
    message: `step ${p.step}/${p.totalSteps} · loss ${loss === undefined ? '–' : loss.toFixed(4)}${lam} · ${p.cropsPerSec.toFixed(0)} crops/s`,
    detail: { phase: 'train', ...p },
  };
}

/** Starts training and ablation jobs. */
export class TrainingService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly runner: JobRunner,
    private readonly workersDir: URL | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** The URL of a built worker entry. */
  worker(name: string): URL {
    if (!this.workersDir) fail('unsupported', 'this build has no worker entries (run npm run build)');
    return new URL(`${name}.js`, this.workersDir);
  }

  /** train.start: one training run (or the continuation of `resumeRunId` from its checkpoint). */
  startTraining(r: Req<'train.start'>): Res<'train.start'> {
    const store = this.projects.store(r.project);
    if (r.model === 'mpn') return startMpnTraining(store, r, this.runner, this.worker('mpnTrain.worker'), this.now);
    refuseMpnFields(r);
    let request: TrainRequestWire = {
      loss: r.loss,
      steps: r.steps,
      seed: r.seed ?? 0,
      ...(r.learningRate !== undefined ? { learningRate: r.learningRate } : {}),
      ...(r.window !== undefined ? { unitrack: { window: r.window } } : {}),
      validateEverySteps: validationEvery(r.steps),
      maxValidationClips: 20,
    };
    let resumeFrom: TrainCheckpointWire | undefined;
    const trainSeqs = r.trainSequences.map((s) => resolveSequence(store, s));
    let valRefs: readonly (number | string)[] | undefined = r.validationSequences;
    let prevCfg: TrainRunConfig | undefined;
    if (r.resumeRunId !== undefined) {
      const prev = store.runs.get(r.resumeRunId);
      if (!prev || prev.kind !== 'train') fail('not_found', `Run ${r.resumeRunId} is not a training run`);
      if (isMpnRun(prev.config)) fail('invalid_request', `resumeRunId: run ${r.resumeRunId} trained the MPN; resume it with model mpn`);
      prevCfg = prev.config as TrainRunConfig;
      const c = prevCfg.request;
      const same =
        c.loss === r.loss &&
        prevCfg.trainSequences.join('\n') === trainSeqs.map((s) => s.name).join('\n') &&
        (prevCfg.detectionSet ?? undefined) === r.detectionSet &&
        (r.seed === undefined || r.seed === c.seed) &&
        (r.learningRate === undefined || r.learningRate === c.learningRate) &&
        (r.window === undefined || r.window === c.unitrack?.window);
      if (!same) fail('invalid_request', `Run ${r.resumeRunId} trained ${c.loss} on ${prevCfg.trainSequences.join(', ')}${prevCfg.detectionSet ? ` with ${prevCfg.detectionSet}` : ''}; a resumed run keeps its loss, sequences, detection set, seed, learning rate and window (only steps and backend may change)`);
      valRefs = prevCfg.validationSequences ?? undefined;
    }
    const valSeqs = valRefs?.map((s) => resolveSequence(store, s));
    const built = buildTrainPlan(store, { train: trainSeqs, validation: valSeqs ?? 'auto', ...(r.detectionSet !== undefined ? { detectionSet: r.detectionSet } : {}) });
    if (r.resumeRunId !== undefined && prevCfg) {
      if (prevCfg.planHash !== built.hash) fail('conflict', `The training data changed since run ${r.resumeRunId} (annotations, detections or frames were edited): start a new run`);
      resumeFrom = loadCheckpoint(store, r.resumeRunId);
      if (resumeFrom.step >= r.steps) fail('invalid_request', `Run ${r.resumeRunId} already reached step ${resumeFrom.step}; ask for more than ${resumeFrom.step} steps`);
      request = { ...prevCfg.request, steps: r.steps, validateEverySteps: validationEvery(r.steps) };
    }
    const config: TrainRunConfig = {
      model: 'reid',
      request,
      trainSequences: trainSeqs.map((s) => s.name),
      validationSequences: valSeqs ? valSeqs.map((s) => s.name) : null,
      detectionSet: r.detectionSet ?? null,
      backend: r.backend ?? null,
      planHash: built.hash,
      split: built.split,
      data: { ...built.summary, frameSteps: built.plan.sequences.map((s) => s.frameStep), crop: [built.plan.cropHeight, built.plan.cropWidth], boxes: built.plan.boxes },
      warnings: built.warnings,
      resumedFrom: r.resumeRunId ?? null,
    };
    const payload: TrainJobPayload = {
      request,
      plan: built.plan,
      ...(r.backend ? { backend: r.backend } : {}),
      ...(resumeFrom ? { resumeFrom } : {}),
      checkpointEverySteps: checkpointEvery(r.steps),
      progressIntervalMs: 500,
    };
    const what = `${r.loss} on ${trainSeqs.length === 1 ? trainSeqs[0]!.name : `${trainSeqs.length} sequences`}`;
    const job = this.runner.start(store, {
      kind: 'train',
      title: r.title ?? (r.resumeRunId !== undefined ? `Resume run ${r.resumeRunId}: ${what}` : `Train ${what}`),
      config,
      worker: this.worker('train.worker'),
      payload,
      describeProgress: (p) => describeTrainProgress(p as TrainProgressWire),
      onCheckpoint: (c, runId) => storeCheckpoint(store, runId, c as TrainCheckpointWire, this.now()),
      onFinished: (res: TrainResultWire & { pipeline?: PipelineStats }, runId) => {
        storeTrainResult(store, runId, res, this.now());
        storeCheckpoint(store, runId, res.checkpoint, this.now());
        const lastVal = res.validation[res.validation.length - 1];
        return {
          status: res.status,
          steps: res.steps,
          totalSteps: request.steps,
          losses: res.curves[res.curves.length - 1]?.losses ?? null,
          validation: lastVal ? { step: lastVal.step, ...lastVal.metrics } : null,
          cropsPerSec: res.cropsPerSec,
          durationMs: Math.round(res.durationMs),
          tfBackend: res.backend,
          pipeline: res.pipeline ?? null,
          warnings: built.warnings,
        };
      },
    });
    return { jobId: job.jobId, runId: job.runId };
  }

  /** ablate.start: see ablation.ts. */
  startAblation(r: Req<'ablate.start'>): Res<'ablate.start'> {
    if (r.model === 'mpn') return startMpnAblation(this.projects.store(r.project), r, this.runner, this.worker('mpnAblate.worker'), this.now);
    if (r.graphsPerStep !== undefined) fail('invalid_request', 'graphsPerStep applies to model mpn only');
    return startAblation(this, this.projects.store(r.project), r, this.runner, this.now);
  }
}
