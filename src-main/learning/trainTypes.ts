// The plain-data contract of train(): request, resolved configuration, progress, checkpoint, result.
// Everything here is structured-cloneable (worker messages) and JSON-able apart from Float32Arrays.
import type { BaselineOptions } from './losses/baseline';
import { DEFAULT_BASELINE_OPTIONS } from './losses/baseline';
import type { DeepmotClipOptions } from './losses/deepmotClip';
import { DEFAULT_DEEPMOT_CLIP_OPTIONS } from './losses/deepmotClip';
import type { QaInfoNceOptions } from './losses/qaInfoNCE';
import { DEFAULT_QA_INFONCE_OPTIONS } from './losses/qaInfoNCE';
import type { UnitrackOptions } from './losses/unitrack';
import { DEFAULT_UNITRACK_OPTIONS } from './losses/unitrack';
import type { ReidWeights } from './modelWeights';
import { DEFAULT_REID_CONFIG, type ReidConfig } from './reidModel';

/** Ablation arms of METHODS.md §6.4: every arm includes the baseline loss. */
export const LOSS_CHOICES = ['baseline', 'unitrack', 'contrastive', 'both', 'deepmot'] as const;
/** A0 baseline · A1 +UniTrack · A2 +contrastive (FDTA IA) · A3 both · A4 +DeepMOT-Sinkhorn. */
export type LossChoice = (typeof LOSS_CHOICES)[number];

/** Weights of the added losses (§6.4: 1.0 each, no tuning in the primary comparison). */
export interface LossWeights {
  readonly unitrack: number;
  readonly contrastive: number;
  readonly deepmot: number;
}

/** What a caller asks for; every omitted field takes the default of `resolveTrainConfig`. */
export interface TrainRequest {
  readonly loss: LossChoice;
  readonly steps: number;
  readonly seed?: number;
  readonly clipsPerStep?: number;
  readonly learningRate?: number;
  readonly model?: ReidConfig;
  readonly lossWeights?: Partial<LossWeights>;
  readonly baseline?: Partial<BaselineOptions>;
  /** UniTrack options plus the window length W and the dustbin logit's initial value. */
  readonly unitrack?: Partial<UnitrackOptions & { window: number; dustbinInit: number }>;
  readonly contrastive?: Partial<QaInfoNceOptions & { warmupSteps: number }>;
  readonly deepmot?: Partial<DeepmotClipOptions>;
  /** Validate every N steps (0: only after the last step). */
  readonly validateEverySteps?: number;
  /** At most this many validation clips per validation (0: all). */
  readonly maxValidationClips?: number;
  /** Start from these weights (backbone; heads are always fresh) instead of a seeded initialisation. */
  readonly initialWeights?: ReidWeights;
}

/** A request with every default filled in; stored with runs and checkpoints. */
export interface TrainConfig {
  readonly loss: LossChoice;
  readonly steps: number;
  readonly seed: number;
  readonly clipsPerStep: number;
  readonly learningRate: number;
  readonly model: ReidConfig;
  readonly lossWeights: LossWeights;
  readonly baseline: BaselineOptions;
  readonly unitrack: UnitrackOptions & { readonly window: number; readonly dustbinInit: number };
  readonly contrastive: QaInfoNceOptions & { readonly warmupSteps: number };
  readonly deepmot: DeepmotClipOptions;
  readonly validateEverySteps: number;
  readonly maxValidationClips: number;
}

/**
 * Fills defaults: seed 0, 2 clips per step, Adam lr 3e-4, DEFAULT_REID_CONFIG, loss weights 1, the
 * METHODS.md defaults of each loss (UniTrack W = 5, dustbin logit 0.5/τ = 5), IA warm-up 0 steps.
 */
export function resolveTrainConfig(r: TrainRequest): TrainConfig {
  if (!(r.steps >= 1) || !Number.isInteger(r.steps)) throw new Error(`steps must be a positive integer, got ${r.steps}`);
  const tau = r.unitrack?.tau ?? DEFAULT_UNITRACK_OPTIONS.tau;
  return {
    loss: r.loss,
    steps: r.steps,
    seed: r.seed ?? 0,
    clipsPerStep: r.clipsPerStep ?? 2,
    learningRate: r.learningRate ?? 3e-4,
    model: r.model ?? r.initialWeights?.manifest.config ?? DEFAULT_REID_CONFIG,
    lossWeights: { unitrack: 1, contrastive: 1, deepmot: 1, ...r.lossWeights },
    baseline: { ...DEFAULT_BASELINE_OPTIONS, ...r.baseline },
    unitrack: { ...DEFAULT_UNITRACK_OPTIONS, window: 5, dustbinInit: 0.5 / tau, ...r.unitrack },
    contrastive: { ...DEFAULT_QA_INFONCE_OPTIONS, warmupSteps: 0, ...r.contrastive },
    deepmot: { ...DEFAULT_DEEPMOT_CLIP_OPTIONS, ...r.deepmot },
    validateEverySteps: r.validateEverySteps ?? 0,
    maxValidationClips: r.maxValidationClips ?? 0,
  };
}

/** Loss values of one step by term name (total, crossEntropy, triplet, unitrack, flow, spatial, temporal, contrastive, deepmot). */
export type LossValues = Readonly<Record<string, number>>;

/** One point of the loss curves. */
export interface CurvePoint {
  readonly step: number;
  readonly losses: LossValues;
  readonly lambdaS?: number;
  readonly lambdaT?: number;
  readonly stepMs: number;
}

/** Validation metrics after a step. */
export interface ValidationPoint {
  readonly step: number;
  readonly metrics: Readonly<Record<string, number>>;
}

/** Reported after every step. */
export interface TrainProgress {
  /** Steps completed (1-based count). */
  readonly step: number;
  readonly totalSteps: number;
  readonly losses: LossValues;
  readonly lambdaS?: number;
  readonly lambdaT?: number;
  /** Crops through the CNN per second of training since this call started. */
  readonly cropsPerSec: number;
  readonly etaMs: number;
  readonly elapsedMs: number;
  readonly validation?: Readonly<Record<string, number>>;
}

/** Everything needed to continue a run exactly: weights with heads, Adam moments, λ̄, sampler position. */
export interface TrainCheckpoint {
  readonly format: 'trackwright.train-checkpoint';
  readonly version: 1;
  readonly config: TrainConfig;
  readonly step: number;
  readonly weights: ReidWeights;
  /** Adam step count and moments, laid out like `weights.data`. */
  readonly optimizer: { readonly t: number; readonly m: Float32Array; readonly v: Float32Array };
  /** Sampling is counter-based: clip order and augmentation seeds follow from (seed, step) alone. */
  readonly rng: { readonly seed: number; readonly counter: number };
  readonly lambdaState: readonly [number, number];
  readonly curves: readonly CurvePoint[];
  readonly validation: readonly ValidationPoint[];
}

/** What train() returns, completed or cancelled. */
export interface TrainResult {
  readonly status: 'completed' | 'cancelled';
  readonly steps: number;
  readonly config: TrainConfig;
  /** tfjs backend id the run used (tensorflow, wasm, cpu, …). */
  readonly backend: string;
  /** Backbone weights for the appearance tracker. */
  readonly weights: ReidWeights;
  readonly curves: readonly CurvePoint[];
  readonly validation: readonly ValidationPoint[];
  /** Full state at the end: resume a cancelled run (or extend a completed one) from it. */
  readonly checkpoint: TrainCheckpoint;
  readonly durationMs: number;
  readonly cropsPerSec: number;
}

/** A loss term (or the gradient) became NaN or ±Infinity; the run stops. */
export class NonFiniteLossError extends Error {
  readonly code = 'non-finite-loss';
  constructor(
    readonly step: number,
    readonly term: string,
    readonly value: number,
  ) {
    super(`training stopped at step ${step}: ${term === 'gradient' ? 'the gradient' : `loss term '${term}'`} is ${value}`);
    this.name = 'NonFiniteLossError';
  }
}
