// The plain-data contract of trainMpn(): request, resolved configuration, data, progress, checkpoint and
// result (structured-cloneable; Float32Arrays travel as transferables), mirroring trainTypes.ts.
import type { MpnSequence } from './clips';
import { type ClipOptions, DEFAULT_CLIP_OPTIONS } from './clips';
import { defaultModelConfig, type MpnFeatureSpec, type MpnGraphConfig, type MpnModelConfig } from './config';
import type { MpnArch } from './model';
import { DEFAULT_MPN_UNITRACK, type MpnUnitrackOptions } from './unitrackEdges';
import type { MpnWeights } from './weights';

/** Ablation arms of METHODS.md §6.4 for the MPN: B0 `L_MPN` ('bce'), B1 `L_MPN + w_UT·L_UT` ('unitrack'). */
export const MPN_LOSS_CHOICES = ['bce', 'unitrack'] as const;
/** B0 or B1. */
export type MpnLossChoice = (typeof MPN_LOSS_CHOICES)[number];

/** Sequences to train on (and validate on), all with node features of `features`. */
export interface MpnTrainingData {
  readonly features: MpnFeatureSpec;
  readonly train: readonly MpnSequence[];
  readonly validation?: readonly MpnSequence[];
}

/** What a caller asks for; omitted fields take the defaults of `resolveMpnConfig`. */
export interface MpnTrainRequest {
  readonly loss: MpnLossChoice;
  readonly steps: number;
  readonly seed?: number;
  /** Clip graphs per step (§2.7: 8). */
  readonly graphsPerStep?: number;
  readonly learningRate?: number;
  readonly weightDecay?: number;
  /** Architecture widths/steps (the node input dimension always comes from the data). */
  readonly arch?: Partial<Omit<MpnArch, 'nodeInputDim'>>;
  readonly graph?: Partial<MpnGraphConfig>;
  readonly targetFps?: number;
  readonly clips?: Partial<ClipOptions>;
  readonly unitrack?: Partial<MpnUnitrackOptions>;
  /** w_UT (§6.4: 1.0). */
  readonly unitrackWeight?: number;
  /** Validate every N steps (0: only after the last step). */
  readonly validateEverySteps?: number;
  /** At most this many validation graphs (0: all). */
  readonly maxValidationGraphs?: number;
  /** Start from these weights instead of the seeded initialisation (same architecture). */
  readonly initialWeights?: MpnWeights;
}

/** A request with every default filled in; stored with runs and checkpoints. */
export interface MpnTrainConfig {
  readonly loss: MpnLossChoice;
  readonly steps: number;
  readonly seed: number;
  readonly graphsPerStep: number;
  readonly learningRate: number;
  readonly weightDecay: number;
  readonly model: MpnModelConfig;
  readonly clips: ClipOptions;
  readonly unitrack: MpnUnitrackOptions;
  readonly unitrackWeight: number;
  readonly validateEverySteps: number;
  readonly maxValidationGraphs: number;
}

/** Defaults of §2.7 (code column): Adam lr 1e-3, weight decay 1e-4, 8 graphs per step, seed 0, §2.2/§2.4 model, §1.10 UniTrack, w_UT 1. */
export function resolveMpnConfig(r: MpnTrainRequest, features: MpnFeatureSpec): MpnTrainConfig {
  if (!(r.steps >= 1) || !Number.isInteger(r.steps)) throw new Error(`steps must be a positive integer, got ${r.steps}`);
  const base = r.initialWeights?.manifest.config ?? defaultModelConfig(features);
  if (r.initialWeights && (base.features.kind !== features.kind || base.features.dim !== features.dim))
    throw new Error(`initial weights take ${base.features.kind} features of ${base.features.dim} values, the data has ${features.kind}/${features.dim}`);
  const model: MpnModelConfig = {
    arch: { ...base.arch, ...r.arch, nodeInputDim: features.dim },
    features,
    graph: { ...base.graph, ...r.graph },
    targetFps: r.targetFps ?? base.targetFps,
  };
  return {
    loss: r.loss,
    steps: r.steps,
    seed: r.seed ?? 0,
    graphsPerStep: r.graphsPerStep ?? 8,
    learningRate: r.learningRate ?? 1e-3,
    weightDecay: r.weightDecay ?? 1e-4,
    model,
    clips: { ...DEFAULT_CLIP_OPTIONS, ...r.clips },
    unitrack: { ...DEFAULT_MPN_UNITRACK, ...r.unitrack },
    unitrackWeight: r.unitrackWeight ?? 1,
    validateEverySteps: r.validateEverySteps ?? 0,
    maxValidationGraphs: r.maxValidationGraphs ?? 0,
  };
}

/** Loss values of a step by term: total, bce, and for B1 unitrack, utFlow, utSpatial, utTemporal, utConservation. */
export type MpnLossValues = Readonly<Record<string, number>>;

/** One point of the loss curves. */
export interface MpnCurvePoint {
  readonly step: number;
  readonly losses: MpnLossValues;
  readonly lambdaS?: number;
  readonly lambdaT?: number;
  readonly edges: number;
  readonly stepMs: number;
}

/** Validation metrics after a step (edge metrics of `evaluateEdges`). */
export interface MpnValidationPoint {
  readonly step: number;
  readonly metrics: Readonly<Record<string, number>>;
}

/** Reported after every step. */
export interface MpnTrainProgress {
  readonly step: number;
  readonly totalSteps: number;
  readonly losses: MpnLossValues;
  readonly lambdaS?: number;
  readonly lambdaT?: number;
  /** Directed edges per second of compute since this call started. */
  readonly edgesPerSec: number;
  readonly etaMs: number;
  readonly elapsedMs: number;
  readonly validation?: Readonly<Record<string, number>>;
}

/** Everything needed to continue a run exactly: weights, Adam moments (laid out like the weights), λ̄, step. */
export interface MpnCheckpoint {
  readonly format: 'trackwright.mpn-checkpoint';
  readonly version: 1;
  readonly config: MpnTrainConfig;
  readonly step: number;
  readonly weights: MpnWeights;
  readonly optimizer: { readonly t: number; readonly m: Float32Array; readonly v: Float32Array };
  readonly lambdaState: readonly [number, number];
  readonly curves: readonly MpnCurvePoint[];
  readonly validation: readonly MpnValidationPoint[];
}

/** What trainMpn() returns, completed or cancelled. */
export interface MpnTrainResult {
  readonly status: 'completed' | 'cancelled';
  readonly steps: number;
  readonly config: MpnTrainConfig;
  readonly backend: string;
  /** The tracker's model (manifest carries the model config). */
  readonly weights: MpnWeights;
  readonly curves: readonly MpnCurvePoint[];
  readonly validation: readonly MpnValidationPoint[];
  readonly checkpoint: MpnCheckpoint;
  readonly durationMs: number;
}
