// Plain-data payloads and results of the evaluation, tracking and tuning workers (the job runner's
// start message carries a payload; the worker's `finished` message carries a result).
import type { EvaluationResult } from '../evaluation/evaluate';
import type { MotTable } from '../formats/motTable';
import type { Benchmark } from '../metrics/motChallenge';
import type { TrackerKind } from '../tracking/registry';
import type { Trial } from '../tuning/study';

/** One sequence's data for a worker. */
export interface JobSequence {
  readonly name: string;
  readonly seqLength: number;
  readonly fps: number;
  readonly gtHasClassVisibility: boolean;
  /** Annotations as GT (evaluation, tuning). */
  readonly gt?: MotTable;
  /** Tracker results (evaluation). */
  readonly tracker?: MotTable;
  /** Detections (tracking, tuning). */
  readonly dets?: MotTable;
  /** Absolute path of each frame's image, index 0 = frame 1 (appearance tracking). */
  readonly frameFiles?: readonly string[];
}

/** evaluate.worker: evaluate each sequence's tracker table against its GT. */
export interface EvaluatePayload {
  readonly sequences: readonly JobSequence[];
  readonly benchmark: Benchmark;
  readonly doPreproc: boolean;
}
/** evaluate.worker's result. */
export type EvaluateResult = EvaluationResult;

/** track.worker: run a tracker over each sequence's detections. */
export interface TrackPayload {
  readonly sequences: readonly JobSequence[];
  readonly tracker: TrackerKind;
  readonly params: Readonly<Record<string, number | boolean | string>>;
  readonly official: boolean;
  /** appearance: trained embedding weights (manifest JSON + bytes); colour histograms when absent. */
  readonly weights?: { readonly manifest: string; readonly data: Uint8Array };
}
/** track.worker's result: one result table per sequence (canonical precision). */
export interface TrackResult {
  readonly status: 'completed' | 'cancelled';
  readonly sequences: readonly { readonly name: string; readonly rows: MotTable }[];
  readonly durationMs: number;
}

/** tune.worker: search tracker parameters maximising a metric over the sequences. */
export interface TunePayload {
  readonly sequences: readonly JobSequence[];
  readonly tracker: Exclude<TrackerKind, 'appearance'>;
  readonly metric: 'HOTA' | 'IDF1' | 'MOTA';
  readonly trials: number;
  readonly sampler: 'tpe' | 'random';
  readonly seed: number;
  readonly benchmark: Benchmark;
  /** Finished trials of the run being resumed. */
  readonly history: readonly Trial[];
}
/** Progress of tune.worker: the trial just finished and the best so far. */
export interface TuneProgress {
  readonly trial: Trial;
  readonly best: Trial | undefined;
  readonly done: number;
  readonly total: number;
  /** The trial's metrics over all sequences (COMBINED_SEQ fields). */
  readonly metrics: Readonly<Record<string, number>>;
}
/** tune.worker's result. */
export interface TuneResult {
  readonly status: 'completed' | 'cancelled';
  readonly trials: readonly Trial[];
  readonly best: Trial | undefined;
}
