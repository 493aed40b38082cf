// train(): the fine-tuning loop of issue 6 — pure tfjs, no workers, files or SQLite (ARCHITECTURE.md §3).
// Seeded (initialisation per parameter name, counter-based clip order and augmentation seeds), so a
// run resumed from a checkpoint continues exactly as the uninterrupted run would have.
import * as tf from '@tensorflow/tfjs';
import { Adam, type AdamState } from './adam';
import { assembleBatch } from './batch';
import { checkClip, type TrainingData } from './data';
import { type Embedder, embedderFromParams } from './embedder';
import { unpackWeights } from './modelWeights';
import { mixSeed, permutation } from './rng';
import { createTrainableModel, disposeModel, exportWeights, headsFor, importWeights, type TrainableModel } from './trainableModel';
import { trainStep } from './trainStep';
import {
  type CurvePoint,
  resolveTrainConfig,
  type TrainCheckpoint,
  type TrainConfig,
  type TrainProgress,
  type TrainRequest,
  type TrainResult,
  type ValidationPoint,
} from './trainTypes';
import { builtinValidation } from './validation';

/** Callbacks and controls of a run. */
export interface TrainOptions {
  /** Called after every step (the worker throttles). */
  readonly onProgress?: (p: TrainProgress) => void;
  /** Checked between steps (and after loading a step's clips); an aborted run returns status 'cancelled'. */
  readonly signal?: AbortSignal;
  /** Periodic checkpoints (the final state is always in the result). */
  readonly checkpoint?: { readonly everySteps: number; readonly save: (c: TrainCheckpoint) => void | Promise<void> };
  /** Continue from a checkpoint of the same configuration (`steps` may be larger). */
  readonly resumeFrom?: TrainCheckpoint;
  /** Extra validation metrics (e.g. tracker HOTA/IDF1 on held-out sequences), merged with the built-in ones. */
  readonly validate?: (embedder: Embedder, step: number) => Readonly<Record<string, number>> | Promise<Readonly<Record<string, number>>>;
}

const SAMPLER = 0x5a3;
const AUGMENT = 0xa06;

/** Clip k = step·B + b of the run: a fresh seeded permutation per epoch, and its augmentation seed. */
export function sampleClips(seed: number, clipCount: number, step: number, perStep: number): { index: number; augmentSeed: number }[] {
  const out: { index: number; augmentSeed: number }[] = [];
  let epoch = -1;
  let perm: Int32Array = new Int32Array(0);
  for (let b = 0; b < perStep; b++) {
    const k = step * perStep + b;
    if (Math.floor(k / clipCount) !== epoch) {
      epoch = Math.floor(k / clipCount);
      perm = permutation(clipCount, mixSeed(seed, SAMPLER, epoch));
    }
    out.push({ index: perm[k % clipCount]!, augmentSeed: mixSeed(seed, AUGMENT, k) });
  }
  return out;
}

/** JSON with sorted keys: configurations compare equal whatever order their fields were written in. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (x && typeof x === 'object') return `{${Object.keys(x).sort().map((k) => `${JSON.stringify(k)}:${canonical((x as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(x);
}

function sameTraining(a: TrainConfig, b: TrainConfig): boolean {
  const strip = ({ steps: _s, validateEverySteps: _v, maxValidationClips: _m, ...rest }: TrainConfig): unknown => rest;
  return canonical(strip(a)) === canonical(strip(b));
}

function checkpointOf(model: TrainableModel, opt: Adam, cfg: TrainConfig, step: number, lambda: readonly [number, number], curves: CurvePoint[], validation: ValidationPoint[]): TrainCheckpoint {
  const weights = exportWeights(model);
  const s = opt.state();
  const flat = (src: AdamState['m']): Float32Array => {
    const out = new Float32Array(weights.data.length);
    for (const e of weights.manifest.entries) if (src[e.name]) out.set(src[e.name]!, e.offset);
    return out;
  };
  return {
    format: 'trackwright.train-checkpoint',
    version: 1,
    config: cfg,
    step,
    weights,
    optimizer: { t: s.t, m: flat(s.m), v: flat(s.v) },
    rng: { seed: cfg.seed, counter: step },
    lambdaState: [lambda[0], lambda[1]],
    curves: curves.slice(),
    validation: validation.slice(),
  };
}

/**
 * Trains the ReID CNN with the arm `request.loss` on `data` and returns its weights, curves and
 * validation metrics (plain data). Throws NonFiniteLossError when a term turns NaN/Inf.
 */
export async function train(request: TrainRequest, data: TrainingData, options: TrainOptions = {}): Promise<TrainResult> {
  const cfg = resolveTrainConfig(request);
  if (data.cropHeight !== cfg.model.inputHeight || data.cropWidth !== cfg.model.inputWidth)
    throw new Error(`crops are ${data.cropHeight}×${data.cropWidth} but the model takes ${cfg.model.inputHeight}×${cfg.model.inputWidth}`);
  if (data.trainClipCount < 1) throw new Error('no training clips');
  const resume = options.resumeFrom;
  if (resume && !sameTraining(resume.config, cfg)) throw new Error('the checkpoint was made with a different training configuration');
  const model = createTrainableModel(cfg.model, headsFor(cfg, data.numIdentities), cfg.seed, request.initialWeights);
  const opt = new Adam(model.vars, { learningRate: cfg.learningRate, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
  let step = 0;
  let lambda: [number, number] = [0.5, 0.5];
  const curves: CurvePoint[] = [];
  const validation: ValidationPoint[] = [];
  const started = performance.now();
  let computeMs = 0;
  let crops = 0;
  try {
    if (resume) {
      importWeights(model, resume.weights);
      const views = (src: Float32Array): Record<string, Float32Array> => Object.fromEntries([...unpackWeights({ manifest: resume.weights.manifest, data: src })]);
      opt.load({ t: resume.optimizer.t, m: views(resume.optimizer.m), v: views(resume.optimizer.v) });
      step = resume.step;
      lambda = [resume.lambdaState[0], resume.lambdaState[1]];
      curves.push(...resume.curves);
      validation.push(...resume.validation);
    }
    const ut = cfg.loss === 'unitrack' || cfg.loss === 'both';
    let status: TrainResult['status'] = 'completed';
    while (step < cfg.steps) {
      // A step is synchronous tensor work: yield one macrotask so a worker's 'cancel' message (or any
      // other event) is delivered before the signal is checked.
      if (options.signal) await new Promise((r) => setTimeout(r, 0));
      if (options.signal?.aborted) {
        status = 'cancelled';
        break;
      }
      const t0 = performance.now();
      const picks = sampleClips(cfg.seed, data.trainClipCount, step, cfg.clipsPerStep);
      const clips = await Promise.all(picks.map((p) => data.trainClip(p.index, p.augmentSeed)));
      if (options.signal?.aborted) {
        status = 'cancelled';
        break;
      }
      clips.forEach((c, i) => checkClip(c, data.cropHeight, data.cropWidth, `training clip ${picks[i]!.index}`));
      const batch = assembleBatch(clips, cfg.unitrack.window, data.cropHeight, data.cropWidth);
      const out = trainStep(model, opt, batch, cfg, lambda, step + 1);
      step++;
      lambda = out.lambdaState;
      const stepMs = performance.now() - t0;
      computeMs += stepMs;
      crops += batch.count;
      const lam = ut ? { lambdaS: lambda[0], lambdaT: lambda[1] } : {};
      curves.push({ step, losses: out.losses, ...lam, stepMs });
      let metrics: Record<string, number> | undefined;
      if ((cfg.validateEverySteps > 0 && step % cfg.validateEverySteps === 0) || step === cfg.steps) {
        metrics = await validateNow(model, cfg, data, step, options);
        if (metrics) validation.push({ step, metrics });
      }
      const perStep = computeMs / (curves.length - (resume?.curves.length ?? 0));
      options.onProgress?.({
        step,
        totalSteps: cfg.steps,
        losses: out.losses,
        ...lam,
        cropsPerSec: crops / (computeMs / 1000),
        etaMs: (cfg.steps - step) * perStep,
        elapsedMs: performance.now() - started,
        ...(metrics ? { validation: metrics } : {}),
      });
      if (options.checkpoint && step % options.checkpoint.everySteps === 0 && step < cfg.steps) await options.checkpoint.save(checkpointOf(model, opt, cfg, step, lambda, curves, validation));
    }
    return {
      status,
      steps: step,
      config: cfg,
      backend: tf.getBackend(),
      weights: exportWeights(model, true),
      curves,
      validation,
      checkpoint: checkpointOf(model, opt, cfg, step, lambda, curves, validation),
      durationMs: performance.now() - started,
      cropsPerSec: computeMs > 0 ? crops / (computeMs / 1000) : 0,
    };
  } finally {
    opt.dispose();
    disposeModel(model);
  }
}

async function validateNow(model: TrainableModel, cfg: TrainConfig, data: TrainingData, step: number, options: TrainOptions): Promise<Record<string, number> | undefined> {
  if (data.validationClipCount === 0 && !options.validate) return undefined;
  const embedder = embedderFromParams(model.params, cfg.model);
  const z = model.vars.get('unitrack/dustbin')?.dataSync()[0] ?? cfg.unitrack.dustbinInit;
  const opts = { maxClips: cfg.maxValidationClips, window: cfg.unitrack.window, tau: cfg.unitrack.tau, dustbin: z };
  const metrics = data.validationClipCount > 0 ? await builtinValidation(embedder, data, opts) : {};
  return { ...metrics, ...(options.validate ? await options.validate(embedder, step) : {}) };
}
