// Messages between the job runner and train.worker.ts (type-only: importing this file loads nothing).
// Payloads are plain data; Float32Array buffers in results and checkpoints are transferred, not copied.
import type { TfBackendName } from '../../src-shared/ipc/schemas';
import type { TrainClip } from './data';
import type { TrainCheckpoint, TrainProgress, TrainRequest, TrainResult } from './trainTypes';

/** Clips materialised by the data pipeline, sent to the worker once (crops as Float32Arrays). */
export interface TrainDataset {
  readonly cropHeight: number;
  readonly cropWidth: number;
  readonly numIdentities: number;
  readonly train: readonly TrainClip[];
  readonly validation: readonly TrainClip[];
}

/** Runner → worker. */
export type TrainWorkerRequest =
  | {
      readonly type: 'start';
      readonly jobId: string;
      readonly request: TrainRequest;
      readonly dataset: TrainDataset;
      /** Backend override (else the worker's first working choice, ARCHITECTURE.md §3). */
      readonly backend?: TfBackendName;
      readonly resumeFrom?: TrainCheckpoint;
      /** Post a checkpoint every N steps (0/absent: only the final state, inside `finished`). */
      readonly checkpointEverySteps?: number;
      /** At most one progress message per this many ms (default 250); the last step always goes out. */
      readonly progressIntervalMs?: number;
    }
  | { readonly type: 'cancel'; readonly jobId: string };

/** Worker → runner. A cancelled run ends with `finished` and `result.status === 'cancelled'`. */
export type TrainWorkerEvent =
  | { readonly type: 'started'; readonly jobId: string; readonly backend: TfBackendName; readonly backendDetail: string }
  | { readonly type: 'progress'; readonly jobId: string; readonly progress: TrainProgress }
  | { readonly type: 'checkpoint'; readonly jobId: string; readonly checkpoint: TrainCheckpoint }
  | { readonly type: 'finished'; readonly jobId: string; readonly result: TrainResult }
  | { readonly type: 'failed'; readonly jobId: string; readonly error: { readonly code: string; readonly message: string; readonly step?: number; readonly term?: string } };
