// Payload, progress and result of the ablation worker (METHODS.md §6.4): the arms are trained on one
// shared plan, then each arm's weights drive the appearance tracker over held-out sequences.
import type { MotTable } from '../formats/motTable';
import type { TfBackendName } from '../ipc/schemas';
import type { Benchmark } from '../metrics/motChallenge';
import type { TrainPlan } from './trainPlan';
import type { CurvePointWire, LossArm, PipelineStats, ReidWeightsWire, TrainProgressWire, TrainRequestWire } from './trainWire';

/** A held-out sequence (or held-out time block, renumbered from frame 1) the arms are evaluated on. */
export interface AblationTestSequence {
  readonly name: string;
  readonly seqLength: number;
  readonly fps: number;
  readonly benchmark: Benchmark;
  readonly gtHasClassVisibility: boolean;
  readonly gt: MotTable;
  readonly dets: MotTable;
  /** Image of each frame, index 0 = frame 1. */
  readonly frameFiles: readonly string[];
}

/** The start payload of workers/ablate.worker.ts. */
export interface AblationPayload {
  /** Training data shared by every arm and seed ("common random numbers", §6.2-2). */
  readonly plan: TrainPlan;
  readonly arms: readonly LossArm[];
  readonly seeds: readonly number[];
  /** Everything but the loss and the seed, identical for every arm (§6.4-2). */
  readonly request: Omit<TrainRequestWire, 'loss' | 'seed'>;
  readonly backend?: TfBackendName;
  readonly test: readonly AblationTestSequence[];
  /** Appearance tracker parameters, frozen for every arm (§6.4-3). */
  readonly trackerParams: Readonly<Record<string, number | boolean | string>>;
  readonly cacheBytes?: number;
  readonly progressIntervalMs?: number;
}

/** A trained arm as the worker reports it (stored as a child training run). */
export interface AblationArmResult {
  readonly config: unknown;
  readonly steps: number;
  readonly backend: string;
  readonly weights: ReidWeightsWire;
  readonly curves: readonly CurvePointWire[];
  readonly durationMs: number;
  readonly cropsPerSec: number;
}

/** Where an arm stands in the schedule. */
interface ArmRef {
  readonly arm: LossArm;
  readonly seed: number;
  /** 0-based position among arms × seeds, and their number. */
  readonly index: number;
  readonly total: number;
}

/** Progress of the ablation worker. */
export type AblationProgress =
  | (ArmRef & { readonly phase: 'armStart' })
  | (ArmRef & { readonly phase: 'train'; readonly progress: TrainProgressWire })
  | (ArmRef & { readonly phase: 'armDone'; readonly result: AblationArmResult })
  | { readonly phase: 'eval'; readonly done: number; readonly total: number; readonly message: string };

/** The untrained colour-histogram appearance tracker ("no training"). */
export const NO_TRAINING = 'none';

/** Tracker metrics of one arm, seed and sequence (or COMBINED_SEQ). */
export interface AblationRow {
  readonly arm: LossArm | typeof NO_TRAINING;
  /** null for the untrained row. */
  readonly seed: number | null;
  readonly sequence: string;
  readonly metrics: Readonly<Record<string, number>>;
}

/** The ablation worker's result. */
export interface AblationResult {
  readonly status: 'completed' | 'cancelled';
  readonly rows: readonly AblationRow[];
  readonly pipeline: PipelineStats;
  /** Crops embedded per second during evaluation (all arms). */
  readonly embedCropsPerSec: number;
  readonly evalMs: number;
}
