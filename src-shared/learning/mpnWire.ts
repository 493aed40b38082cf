// What crosses the boundary between the services (which may not import src-main/learning) and the MPN
// workers (workers/mpnTrain.worker.ts, mpnTrack.worker.ts, mpnAblate.worker.ts): the parts of
// trainMpn()'s request, progress, checkpoint and result the services build or read, and the project data
// the workers turn into graphs (METHODS.md §2). learning/mpn/types.ts is the full definition; the
// worker entries assign one to the other, so the compiler checks that they stay compatible.
import type { MotTable } from '../formats/motTable';
import type { TfBackendName } from '../ipc/schemas';
import type { Benchmark } from '../metrics/motChallenge';
import type { AblationRow } from './ablationWire';

/** Arms B0 (`bce`: class-balanced BCE, §2.6) and B1 (`unitrack`: BCE + w_UT·L_UT, §1.10). */
export type MpnLossWire = 'bce' | 'unitrack';

/** Where node features come from (§2.3): none (position/time only), colour histograms of the frames, a ReID CNN. */
export type MpnFeatureKind = 'none' | 'color-histogram' | 'reid';

/** The subset of learning's MpnTrainRequest the services set. */
export interface MpnTrainRequestWire {
  readonly loss: MpnLossWire;
  readonly steps: number;
  readonly seed?: number;
  readonly graphsPerStep?: number;
  readonly learningRate?: number;
  readonly unitrack?: { readonly window?: number };
  readonly validateEverySteps?: number;
  readonly maxValidationGraphs?: number;
}

/** MPN weights: the manifest (format `trackwright.mpn-weights`, model config) and the float32 values. */
export interface MpnWeightsWire {
  readonly manifest: {
    readonly format: string;
    readonly version: number;
    readonly config: { readonly features: { readonly kind: MpnFeatureKind; readonly dim: number }; readonly targetFps: number };
    readonly entries: readonly unknown[];
  };
  readonly data: Float32Array;
}

/** ReID CNN weights as stored (manifest JSON text + float32 bytes), for 'reid' node features. */
export interface StoredWeightsWire {
  readonly manifest: string;
  readonly data: Uint8Array;
}

/** Progress after a training step (learning's MpnTrainProgress). */
export interface MpnTrainProgressWire {
  readonly step: number;
  readonly totalSteps: number;
  readonly losses: Readonly<Record<string, number>>;
  readonly lambdaS?: number;
  readonly lambdaT?: number;
  readonly edgesPerSec: number;
  readonly etaMs: number;
  readonly elapsedMs: number;
  readonly validation?: Readonly<Record<string, number>>;
}

/** Progress of the feature phase: frames whose node features are computed, of all. */
export interface MpnFeatureProgressWire {
  readonly phase: 'features';
  readonly done: number;
  readonly total: number;
}

/** What an MPN training worker posts as progress. */
export type MpnJobProgressWire = MpnFeatureProgressWire | ({ readonly phase: 'train' } & MpnTrainProgressWire);

/** One point of the loss curves. */
export interface MpnCurvePointWire {
  readonly step: number;
  readonly losses: Readonly<Record<string, number>>;
  readonly lambdaS?: number;
  readonly lambdaT?: number;
  readonly edges: number;
  readonly stepMs: number;
}

/** Validation edge metrics after a step. */
export interface MpnValidationPointWire {
  readonly step: number;
  readonly metrics: Readonly<Record<string, number>>;
}

/** A checkpoint (learning's MpnCheckpoint; `config` is the resolved MpnTrainConfig). */
export interface MpnCheckpointWire {
  readonly format: 'trackwright.mpn-checkpoint';
  readonly version: 1;
  readonly config: unknown;
  readonly step: number;
  readonly weights: MpnWeightsWire;
  readonly optimizer: { readonly t: number; readonly m: Float32Array; readonly v: Float32Array };
  readonly lambdaState: readonly [number, number];
  readonly curves: readonly MpnCurvePointWire[];
  readonly validation: readonly MpnValidationPointWire[];
}

/** What trainMpn() returns (learning's MpnTrainResult). */
export interface MpnTrainResultWire {
  readonly status: 'completed' | 'cancelled';
  readonly steps: number;
  readonly config: unknown;
  readonly backend: string;
  readonly weights: MpnWeightsWire;
  readonly curves: readonly MpnCurvePointWire[];
  readonly validation: readonly MpnValidationPointWire[];
  readonly checkpoint: MpnCheckpointWire;
  readonly durationMs: number;
}

/**
 * A sequence as training data: detections (null: the annotations themselves are the nodes, §2.7) labelled
 * from the annotations (§2.5, §0.2 matching), frames [from, to], and the frame images when the features need them.
 */
export interface MpnSourceSequence {
  readonly name: string;
  readonly fps: number;
  readonly imageWidth: number;
  readonly imageHeight: number;
  readonly gtHasClassVisibility: boolean;
  readonly gt: MotTable;
  readonly dets: MotTable | null;
  readonly from: number;
  readonly to: number;
  /** Image of each frame, index 0 = frame 1 ('' where missing); null without images. */
  readonly frameFiles: readonly string[] | null;
}

/** The start payload of workers/mpnTrain.worker.ts. */
export interface MpnTrainJobPayload {
  readonly request: MpnTrainRequestWire;
  readonly train: readonly MpnSourceSequence[];
  readonly validation: readonly MpnSourceSequence[];
  readonly features: MpnFeatureKind;
  /** 'reid' features: the appearance run's CNN. */
  readonly featureWeights?: StoredWeightsWire;
  readonly resumeFrom?: MpnCheckpointWire;
  readonly checkpointEverySteps?: number;
  readonly backend?: TfBackendName;
  readonly progressIntervalMs?: number;
}

/** The training worker's result: trainMpn's plus how long the features took and how many nodes; or cancelled before training. */
export type MpnTrainJobResult =
  | (MpnTrainResultWire & { readonly featureMs: number; readonly nodes: number })
  | { readonly status: 'cancelled'; readonly cancelledIn: 'features' };

/** A sequence to track: detections of frames 1..seqLength and, when the model's features need them, the images. */
export interface MpnTrackSequence {
  readonly name: string;
  readonly fps: number;
  readonly seqLength: number;
  readonly dets: MotTable;
  readonly frameFiles: readonly string[] | null;
}

/** Inference settings a track.start may set (`params`), §2.8 defaults otherwise. */
export interface MpnTrackParams {
  readonly threshold?: number;
  readonly minTrackLength?: number;
  readonly interpolate?: boolean;
}

/** The start payload of workers/mpnTrack.worker.ts. */
export interface MpnTrackJobPayload {
  readonly weights: MpnWeightsWire;
  readonly featureWeights?: StoredWeightsWire;
  readonly sequences: readonly MpnTrackSequence[];
  readonly params: MpnTrackParams;
  readonly progressIntervalMs?: number;
}

/** One tracked sequence: MOT result rows (10 columns, by frame and id) and the inference figures. */
export interface MpnTrackedSequence {
  readonly name: string;
  readonly rows: MotTable;
  readonly trackCount: number;
  readonly windows: number;
  readonly edges: number;
  readonly constraintSatisfaction: number;
}

/** The tracking worker's result. */
export interface MpnTrackJobResult {
  readonly status: 'completed' | 'cancelled';
  readonly sequences: readonly MpnTrackedSequence[];
  readonly backend: string;
  readonly durationMs: number;
}

/** Progress of a tracking job: inference windows done over all sequences. */
export interface MpnTrackProgressWire {
  readonly name: string;
  readonly done: number;
  readonly total: number;
}

/** A held-out sequence of an MPN ablation (its detections tracked by every arm's model, then evaluated). */
export interface MpnTestSequence extends MpnTrackSequence {
  readonly benchmark: Benchmark;
  readonly gtHasClassVisibility: boolean;
  readonly gt: MotTable;
}

/** The start payload of workers/mpnAblate.worker.ts (METHODS.md §6.4 with the MPN's arms B0/B1). */
export interface MpnAblationPayload {
  readonly train: readonly MpnSourceSequence[];
  readonly test: readonly MpnTestSequence[];
  readonly arms: readonly MpnArmName[];
  readonly seeds: readonly number[];
  /** Everything but the loss and the seed, identical for every arm (§6.4-2). */
  readonly request: Omit<MpnTrainRequestWire, 'loss' | 'seed'>;
  readonly features: MpnFeatureKind;
  readonly featureWeights?: StoredWeightsWire;
  readonly backend?: TfBackendName;
  readonly progressIntervalMs?: number;
}

/** An ablation arm in the API's names: baseline = B0 (`bce`), unitrack = B1. */
export type MpnArmName = 'baseline' | 'unitrack';

/** The learning loss of an arm. */
export function mpnLossOf(arm: MpnArmName): MpnLossWire {
  return arm === 'baseline' ? 'bce' : 'unitrack';
}

/** Where an arm stands in the schedule (0-based index among arms × seeds, and their number). */
interface MpnArmRef {
  readonly arm: MpnArmName;
  readonly seed: number;
  readonly index: number;
  readonly total: number;
}

/** A trained arm as the ablation worker reports it (stored as a child MPN training run). */
export interface MpnArmResult {
  readonly config: unknown;
  readonly steps: number;
  readonly backend: string;
  readonly weights: MpnWeightsWire;
  readonly curves: readonly MpnCurvePointWire[];
  readonly durationMs: number;
}

/** Progress of the MPN ablation worker. */
export type MpnAblationProgress =
  | MpnFeatureProgressWire
  | (MpnArmRef & { readonly phase: 'armStart' })
  | (MpnArmRef & { readonly phase: 'train'; readonly progress: MpnTrainProgressWire })
  | (MpnArmRef & { readonly phase: 'armDone'; readonly result: MpnArmResult })
  | { readonly phase: 'eval'; readonly done: number; readonly total: number; readonly message: string };

/** The MPN ablation worker's result: rows as ablationReport() takes them (no untrained row). */
export interface MpnAblationResult {
  readonly status: 'completed' | 'cancelled';
  readonly rows: readonly AblationRow[];
  readonly featureMs: number;
  readonly evalMs: number;
}
