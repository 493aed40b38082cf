// trainMpn(): the MPN training loop (METHODS.md §2.5–2.7, arms B0/B1 of §6.4) — pure tfjs, no workers,
// files or SQLite (ARCHITECTURE.md §3). Seeded: parameters per name, clip k of the run drawn from
// mixSeed(seed, k), so a run resumed from a checkpoint continues exactly as the uninterrupted run.
import * as tf from '@tensorflow/tfjs';
import { Adam } from '../adam';
import { registerFastMatMulGradient } from '../matMulGrad';
import { mixSeed } from '../rng';
import { assembleMpnBatch } from './batch';
import { type Clip, sampleClip, validationClips } from './clips';
import { type MpnParams, initMpnValues, mpnParamSpecs } from './model';
import { mpnTrainStep, type MpnTrainable } from './step';
import {
  type MpnCheckpoint,
  type MpnCurvePoint,
  type MpnTrainConfig,
  type MpnTrainingData,
  type MpnTrainProgress,
  type MpnTrainRequest,
  type MpnTrainResult,
  type MpnValidationPoint,
  resolveMpnConfig,
} from './types';
import { evaluateEdges } from './validation';
import { type MpnWeights, packMpnWeights, unpackMpnWeights } from './weights';

/** Callbacks and controls of a run (as train.ts). */
export interface MpnTrainOptions {
  readonly onProgress?: (p: MpnTrainProgress) => void;
  /** Checked between steps; an aborted run returns status 'cancelled'. */
  readonly signal?: AbortSignal;
  readonly checkpoint?: { readonly everySteps: number; readonly save: (c: MpnCheckpoint) => void | Promise<void> };
  /** Continue from a checkpoint of the same configuration (`steps` may be larger). */
  readonly resumeFrom?: MpnCheckpoint;
  /** Extra validation metrics (e.g. tracking HOTA on held-out sequences), merged with the built-in ones. */
  readonly validate?: (weights: MpnWeights, step: number) => Readonly<Record<string, number>> | Promise<Readonly<Record<string, number>>>;
}

const CLIP_STREAM = 0x3b7;

/** The clips of step `step` (0-based): clip k = step·B + b has seed mixSeed(seed, CLIP_STREAM, k). */
export function stepClips(data: MpnTrainingData, cfg: MpnTrainConfig, step: number): Clip[] {
  return Array.from({ length: cfg.graphsPerStep }, (_, b) => sampleClip(data.train, mixSeed(cfg.seed, CLIP_STREAM, step * cfg.graphsPerStep + b), cfg.model.targetFps, cfg.clips));
}

function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (x && typeof x === 'object') return `{${Object.keys(x).sort().map((k) => `${JSON.stringify(k)}:${canonical((x as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(x);
}

function sameTraining(a: MpnTrainConfig, b: MpnTrainConfig): boolean {
  const strip = ({ steps: _s, validateEverySteps: _v, maxValidationGraphs: _m, ...rest }: MpnTrainConfig): unknown => rest;
  return canonical(strip(a)) === canonical(strip(b));
}

/** Variables of a fresh (seeded) or given model. */
function createTrainable(cfg: MpnTrainConfig, initial?: MpnWeights): MpnTrainable {
  const specs = mpnParamSpecs(cfg.model.arch);
  const values = initMpnValues(specs, cfg.seed);
  if (initial) for (const [k, v] of unpackMpnWeights(initial)) if (values.get(k)?.length === v.length) values.set(k, Float32Array.from(v));
  const vars = new Map<string, tf.Variable>();
  const params: Record<string, tf.Tensor> = {};
  for (const s of specs) {
    const v = tf.tidy(() => tf.variable(tf.tensor(values.get(s.name)!, [...s.shape]), true));
    vars.set(s.name, v);
    params[s.name] = v;
  }
  return { vars, params: params as MpnParams };
}

function exportMpn(m: MpnTrainable, cfg: MpnTrainConfig): MpnWeights {
  return packMpnWeights(cfg.model, new Map([...m.vars].map(([k, v]) => [k, Float32Array.from(v.dataSync())])));
}

function checkpointOf(m: MpnTrainable, opt: Adam, cfg: MpnTrainConfig, step: number, lambda: readonly [number, number], curves: MpnCurvePoint[], validation: MpnValidationPoint[]): MpnCheckpoint {
  const weights = exportMpn(m, cfg);
  const s = opt.state();
  const flat = (src: Readonly<Record<string, Float32Array>>): Float32Array => {
    const out = new Float32Array(weights.data.length);
    for (const e of weights.manifest.entries) if (src[e.name]) out.set(src[e.name]!, e.offset);
    return out;
  };
  return { format: 'trackwright.mpn-checkpoint', version: 1, config: cfg, step, weights, optimizer: { t: s.t, m: flat(s.m), v: flat(s.v) }, lambdaState: [lambda[0], lambda[1]], curves: curves.slice(), validation: validation.slice() };
}

/**
 * Trains the MPN with arm `request.loss` on `data` and returns its weights, curves and validation
 * metrics (plain data). Throws NonFiniteLossError when a term turns NaN/Inf.
 */
export async function trainMpn(request: MpnTrainRequest, data: MpnTrainingData, options: MpnTrainOptions = {}): Promise<MpnTrainResult> {
  const cfg = resolveMpnConfig(request, data.features);
  // The edge MLPs' weight gradients are flagged matmuls, ~10× slower on wasm than transpose + matmul.
  registerFastMatMulGradient();
  if (!data.train.some((s) => s.nodes.count > 0)) throw new Error('no training detections');
  for (const s of [...data.train, ...(data.validation ?? [])])
    if (s.features.dim !== data.features.dim || s.features.values.length !== s.nodes.count * s.features.dim) throw new Error(`sequence ${s.name}: features do not match ${data.features.dim}-d node features`);
  const resume = options.resumeFrom;
  if (resume && !sameTraining(resume.config, cfg)) throw new Error('the checkpoint was made with a different training configuration');
  const model = createTrainable(cfg, request.initialWeights);
  const opt = new Adam(model.vars, { learningRate: cfg.learningRate, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
  const valClips = validationClips(data.validation ?? [], cfg.model.targetFps, cfg.clips, cfg.maxValidationGraphs);
  let step = 0;
  let lambda: [number, number] = [0.5, 0.5];
  const curves: MpnCurvePoint[] = [];
  const validation: MpnValidationPoint[] = [];
  const started = performance.now();
  let computeMs = 0;
  let edges = 0;
  try {
    if (resume) {
      const w = resume.weights;
      tf.tidy(() => {
        for (const [k, v] of unpackMpnWeights(w)) model.vars.get(k)?.assign(tf.tensor(v, model.vars.get(k)!.shape));
      });
      const views = (src: Float32Array): Record<string, Float32Array> => Object.fromEntries(unpackMpnWeights({ manifest: w.manifest, data: src }));
      opt.load({ t: resume.optimizer.t, m: views(resume.optimizer.m), v: views(resume.optimizer.v) });
      step = resume.step;
      lambda = [resume.lambdaState[0], resume.lambdaState[1]];
      curves.push(...resume.curves);
      validation.push(...resume.validation);
    }
    let status: MpnTrainResult['status'] = 'completed';
    while (step < cfg.steps) {
      // Yield one macrotask so a worker's 'cancel' message is delivered before the signal is checked.
      if (options.signal) await new Promise((r) => setTimeout(r, 0));
      if (options.signal?.aborted) {
        status = 'cancelled';
        break;
      }
      const t0 = performance.now();
      const batch = assembleMpnBatch(data.train, stepClips(data, cfg, step), cfg.model.graph, cfg.loss === 'unitrack');
      const out = mpnTrainStep(model, opt, batch, cfg, lambda, step + 1);
      step++;
      lambda = out.lambdaState;
      const stepMs = performance.now() - t0;
      computeMs += stepMs;
      edges += out.edges;
      const lam = cfg.loss === 'unitrack' ? { lambdaS: lambda[0], lambdaT: lambda[1] } : {};
      curves.push({ step, losses: out.losses, ...lam, edges: out.edges, stepMs });
      let metrics: Record<string, number> | undefined;
      if ((cfg.validateEverySteps > 0 && step % cfg.validateEverySteps === 0) || step === cfg.steps) {
        metrics = await validateNow(model, cfg, data, valClips, step, options);
        if (metrics) validation.push({ step, metrics });
      }
      const perStep = computeMs / (curves.length - (resume?.curves.length ?? 0));
      options.onProgress?.({ step, totalSteps: cfg.steps, losses: out.losses, ...lam, edgesPerSec: edges / (computeMs / 1000), etaMs: (cfg.steps - step) * perStep, elapsedMs: performance.now() - started, ...(metrics ? { validation: metrics } : {}) });
      if (options.checkpoint && step % options.checkpoint.everySteps === 0 && step < cfg.steps) await options.checkpoint.save(checkpointOf(model, opt, cfg, step, lambda, curves, validation));
    }
    const checkpoint = checkpointOf(model, opt, cfg, step, lambda, curves, validation);
    return { status, steps: step, config: cfg, backend: tf.getBackend(), weights: exportMpn(model, cfg), curves, validation, checkpoint, durationMs: performance.now() - started };
  } finally {
    opt.dispose();
    tf.dispose([...model.vars.values()]);
  }
}

async function validateNow(m: MpnTrainable, cfg: MpnTrainConfig, data: MpnTrainingData, clips: readonly Clip[], step: number, options: MpnTrainOptions): Promise<Record<string, number> | undefined> {
  if (!clips.length && !options.validate) return undefined;
  const builtin = clips.length ? { ...evaluateEdges(m.params, cfg.model, data.validation ?? [], clips) } : {};
  return { ...builtin, ...(options.validate ? await options.validate(exportMpn(m, cfg), step) : {}) };
}
