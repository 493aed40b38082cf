// What crosses the boundary between the services (which may not import src-main/learning) and the
// training workers: the parts of train()'s request, progress, checkpoint and result the services read
// or build. learning/trainTypes.ts is the full definition; test/unit/shared/learning/trainWire.test.ts
// checks at compile time that the two stay assignable.
import type { TfBackendName } from '../ipc/schemas';
import type { TrainPlan } from './trainPlan';

/** Ablation arms (METHODS.md §6.4): every arm includes the baseline loss. */
export type LossArm = 'baseline' | 'unitrack' | 'contrastive' | 'both' | 'deepmot';

/** The architecture fields the services read from a manifest. */
export interface ReidConfigWire {
  readonly inputHeight: number;
  readonly inputWidth: number;
  readonly convs: readonly { readonly channels: number; readonly stride: number }[];
  readonly embeddingDim: number;
}

/** ReID weights: a JSON manifest and the float32 values (learning/modelWeights.ts ReidWeights). */
export interface ReidWeightsWire {
  readonly manifest: { readonly format: string; readonly version: number; readonly config: ReidConfigWire; readonly entries: readonly unknown[] };
  readonly data: Float32Array;
}

/** The subset of learning's TrainRequest the services set. */
export interface TrainRequestWire {
  readonly loss: LossArm;
  readonly steps: number;
  readonly seed?: number;
  readonly clipsPerStep?: number;
  readonly learningRate?: number;
  readonly model?: ReidConfigWire;
  readonly unitrack?: { readonly window?: number };
  readonly validateEverySteps?: number;
  readonly maxValidationClips?: number;
}

/** Progress after a step (learning's TrainProgress). */
export interface TrainProgressWire {
  readonly step: number;
  readonly totalSteps: number;
  readonly losses: Readonly<Record<string, number>>;
  readonly lambdaS?: number;
  readonly lambdaT?: number;
  readonly cropsPerSec: number;
  readonly etaMs: number;
  readonly elapsedMs: number;
  readonly validation?: Readonly<Record<string, number>>;
}

/** One point of the loss curves. */
export interface CurvePointWire {
  readonly step: number;
  readonly losses: Readonly<Record<string, number>>;
  readonly lambdaS?: number;
  readonly lambdaT?: number;
  readonly stepMs: number;
}

/** Validation metrics after a step. */
export interface ValidationPointWire {
  readonly step: number;
  readonly metrics: Readonly<Record<string, number>>;
}

/** A checkpoint (learning's TrainCheckpoint; `config` is the resolved TrainConfig). */
export interface TrainCheckpointWire {
  readonly format: 'trackwright.train-checkpoint';
  readonly version: 1;
  readonly config: unknown;
  readonly step: number;
  readonly weights: ReidWeightsWire;
  readonly optimizer: { readonly t: number; readonly m: Float32Array; readonly v: Float32Array };
  readonly rng: { readonly seed: number; readonly counter: number };
  readonly lambdaState: readonly [number, number];
  readonly curves: readonly CurvePointWire[];
  readonly validation: readonly ValidationPointWire[];
}

/** What a training run returns (learning's TrainResult). */
export interface TrainResultWire {
  readonly status: 'completed' | 'cancelled';
  readonly steps: number;
  readonly config: unknown;
  readonly backend: string;
  /** Backbone weights (what trackers load). */
  readonly weights: ReidWeightsWire;
  readonly curves: readonly CurvePointWire[];
  readonly validation: readonly ValidationPointWire[];
  readonly checkpoint: TrainCheckpointWire;
  readonly durationMs: number;
  readonly cropsPerSec: number;
}

/** The start payload of workers/train.worker.ts. */
export interface TrainJobPayload {
  readonly request: TrainRequestWire;
  readonly plan: TrainPlan;
  readonly backend?: TfBackendName;
  readonly resumeFrom?: TrainCheckpointWire;
  /** Post a checkpoint every N steps (absent: only the final state, inside the result). */
  readonly checkpointEverySteps?: number;
  readonly progressIntervalMs?: number;
  /** Budget of the decoded-crop cache in bytes. */
  readonly cacheBytes?: number;
}

/** Extra figures the train worker adds to the result: the data pipeline's throughput. */
export interface PipelineStats {
  readonly framesDecoded: number;
  readonly cropsDecoded: number;
  readonly decodeMs: number;
  readonly cacheHits: number;
  readonly cacheMisses: number;
  readonly cacheBytes: number;
}
