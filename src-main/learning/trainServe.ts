// The worker side of training jobs (ARCHITECTURE.md §3), shared by every training worker entry: maps
// {start, cancel} messages to train(), throttles progress, posts checkpoints, and transfers weight
// buffers back. Entries differ only in where the data comes from (in-memory clips, a project plan).
import type { MessagePort } from 'node:worker_threads';
import { type SelectedBackend, selectBackend } from './backend';
import type { TrainingData } from './data';
import { train } from './train';
import type { TrainWorkerEvent } from './trainMessages';
import { NonFiniteLossError, type TrainCheckpoint, type TrainRequest, type TrainResult } from './trainTypes';
import type { TfBackendName } from '../../src-shared/ipc/schemas';

/** The fields of a start message every training entry reads. */
export interface TrainStart {
  readonly type: 'start';
  readonly jobId: string;
  readonly request: TrainRequest;
  readonly backend?: TfBackendName;
  readonly resumeFrom?: TrainCheckpoint;
  readonly checkpointEverySteps?: number;
  readonly progressIntervalMs?: number;
}

/** Every distinct ArrayBuffer under `x` (typed arrays of weights, moments): the transfer list. */
export function transferables(x: unknown, out = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(x)) out.add(x.buffer as ArrayBuffer);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) transferables(v, out);
  return [...out];
}

/** A thrown error as the runner's `failed` payload (NaN/Inf keeps its step and term). */
export function failure(e: unknown): { code: string; message: string; step?: number; term?: string } {
  if (e instanceof NonFiniteLossError) return { code: e.code, message: e.message, step: e.step, term: e.term };
  const appError = (e as { appError?: { code: string; message: string } } | null)?.appError;
  return appError ? { code: appError.code, message: appError.message } : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

let backend: Promise<SelectedBackend> | undefined;

/** The backend of this worker, chosen once (a failed choice is retried by the next job). */
export function workerBackend(override?: TfBackendName): Promise<SelectedBackend> {
  backend ??= selectBackend(override).catch((e: unknown) => {
    backend = undefined;
    throw e;
  });
  return backend;
}

/**
 * Serves training jobs on `port`: `dataFor` builds each job's TrainingData, `extra` adds figures to
 * its result (e.g. the data pipeline's throughput). A cancelled run ends with `finished`.
 */
export function serveTraining<M extends TrainStart>(port: MessagePort, dataFor: (m: M) => TrainingData | Promise<TrainingData>, extra: (m: M) => Record<string, unknown> = () => ({})): void {
  const running = new Map<string, AbortController>();
  const post = (e: TrainWorkerEvent, transfer = false): void => port.postMessage(e, transfer ? transferables(e) : []);
  port.on('message', async (m: M | { type: 'cancel'; jobId: string }) => {
    if (m.type === 'cancel') return void running.get(m.jobId)?.abort();
    const { jobId } = m;
    const ac = new AbortController();
    running.set(jobId, ac);
    let last = 0;
    try {
      const b = await workerBackend(m.backend);
      post({ type: 'started', jobId, backend: b.name, backendDetail: b.detail });
      const result: TrainResult = await train(m.request, await dataFor(m), {
        signal: ac.signal,
        ...(m.resumeFrom ? { resumeFrom: m.resumeFrom } : {}),
        onProgress: (progress) => {
          if (Date.now() - last < (m.progressIntervalMs ?? 250) && progress.step < progress.totalSteps && !progress.validation) return;
          last = Date.now();
          post({ type: 'progress', jobId, progress });
        },
        ...(m.checkpointEverySteps ? { checkpoint: { everySteps: m.checkpointEverySteps, save: (checkpoint) => post({ type: 'checkpoint', jobId, checkpoint }, true) } } : {}),
      });
      post({ type: 'finished', jobId, result: { ...result, ...extra(m) } }, true);
    } catch (e) {
      post({ type: 'failed', jobId, error: failure(e) });
    } finally {
      running.delete(jobId);
    }
  });
}
