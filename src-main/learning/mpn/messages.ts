// Messages between the job runner and mpn.worker.ts (type-only). Same protocol as trainMessages.ts —
// start/cancel in; started/progress/checkpoint/finished/failed out — with a `kind` telling a training
// job (trainMpn) from a tracking job (trackMpn on one sequence). Typed arrays are transferred, not copied.
import type { TfBackendName } from '../../../src-shared/ipc/schemas';
import type { MpnNodes, NodeFeatures } from '../../../src-shared/mpn/nodes';
import type { MpnTrackOptions, MpnTrackResult } from './infer';
import type { MpnCheckpoint, MpnTrainingData, MpnTrainProgress, MpnTrainRequest, MpnTrainResult } from './types';
import type { MpnWeights } from './weights';

/** A training job: the request, its data (sequences with node features) and an optional checkpoint. */
export interface MpnTrainJob {
  readonly kind: 'train';
  readonly request: MpnTrainRequest;
  readonly data: MpnTrainingData;
  readonly resumeFrom?: MpnCheckpoint;
  /** Post a checkpoint every N steps (0/absent: only the final state, inside `finished`). */
  readonly checkpointEverySteps?: number;
}

/** A tracking job: one sequence's detections (and node features unless the model uses none). */
export interface MpnTrackJob {
  readonly kind: 'track';
  readonly weights: MpnWeights;
  readonly nodes: MpnNodes;
  readonly features?: NodeFeatures;
  readonly fps: number;
  readonly options?: Omit<MpnTrackOptions, 'signal' | 'onProgress'>;
}

/** Runner → worker. */
export type MpnWorkerRequest =
  | {
      readonly type: 'start';
      readonly jobId: string;
      readonly job: MpnTrainJob | MpnTrackJob;
      /** Backend override (else the worker's first working choice, ARCHITECTURE.md §3). */
      readonly backend?: TfBackendName;
      /** At most one progress message per this many ms (default 250); the last one always goes out. */
      readonly progressIntervalMs?: number;
    }
  | { readonly type: 'cancel'; readonly jobId: string };

/** Progress of a tracking job: inference windows done out of all. */
export interface MpnTrackProgress {
  readonly windowsDone: number;
  readonly windows: number;
}

/** Worker → runner. A cancelled job ends with `finished` and `result.status === 'cancelled'`. */
export type MpnWorkerEvent =
  | { readonly type: 'started'; readonly jobId: string; readonly backend: TfBackendName; readonly backendDetail: string }
  | { readonly type: 'progress'; readonly jobId: string; readonly kind: 'train'; readonly progress: MpnTrainProgress }
  | { readonly type: 'progress'; readonly jobId: string; readonly kind: 'track'; readonly progress: MpnTrackProgress }
  | { readonly type: 'checkpoint'; readonly jobId: string; readonly checkpoint: MpnCheckpoint }
  | { readonly type: 'finished'; readonly jobId: string; readonly kind: 'train'; readonly result: MpnTrainResult }
  | { readonly type: 'finished'; readonly jobId: string; readonly kind: 'track'; readonly result: MpnTrackResult }
  | { readonly type: 'failed'; readonly jobId: string; readonly error: { readonly code: string; readonly message: string; readonly step?: number; readonly term?: string } };
