// The job runner (ARCHITECTURE.md §3): one worker thread per job; every state change persisted as the
// job's run (queued -> running -> succeeded | failed | cancelled), progress forwarded as events,
// cancellation as a message first and terminate() after a grace period, messages correlated by job id.
//
// Worker protocol (learning/trainMessages.ts is one instance of it):
//   runner -> worker   { type: 'start', jobId, ...payload } | { type: 'cancel', jobId }
//   worker -> runner   { type: 'started', jobId, backend?, backendDetail? }
//                      { type: 'progress', jobId, progress }      (any plain data)
//                      { type: 'checkpoint', jobId, checkpoint }
//                      { type: 'finished', jobId, result }        (result.status 'cancelled' when it stopped early)
//                      { type: 'failed', jobId, error: { code, message, ... } }
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { ProjectStore } from '../store/project/projectStore';
import type { RunKind, RunState } from '../store/project/readers/runs';

/** Progress as every client sees it; `detail` carries the kind-specific payload (losses, trial table...). */
export interface JobProgressEvent {
  readonly jobId: string;
  readonly runId: number;
  readonly kind: RunKind;
  readonly project: string;
  readonly done: number;
  readonly total: number;
  readonly message: string;
  readonly etaMs: number | null;
  readonly detail?: unknown;
}

/** The end of a job. */
export interface JobFinishedEvent {
  readonly jobId: string;
  readonly runId: number;
  readonly kind: RunKind;
  readonly project: string;
  readonly state: Exclude<RunState, 'queued' | 'running'>;
  readonly error?: { code: string; message: string };
}

/** Where the runner reports (the services' event bus). */
export interface JobSink {
  progress(e: JobProgressEvent): void;
  finished(e: JobFinishedEvent): void;
}

/** One job to run. */
export interface JobSpec<P, R> {
  readonly kind: RunKind;
  readonly title: string;
  /** Stored with the run (what was asked). */
  readonly config: unknown;
  readonly parentRunId?: number;
  /** The worker entry (built `*.worker.js`), or inline code (tests). */
  readonly worker: URL | { readonly code: string };
  /** The start message's payload (plain data and typed arrays). */
  readonly payload: P;
  /** Buffers to transfer (not copy) with the start message. */
  readonly transfer?: ArrayBuffer[];
  /** Maps the worker's progress to done/total/message (detail is stored and forwarded as is). */
  readonly describeProgress?: (progress: unknown) => { done: number; total: number; message: string; detail?: unknown };
  /** Stores the result (in one transaction with the state change) and returns the run's summary. */
  readonly onFinished: (result: R, runId: number) => unknown;
  readonly onCheckpoint?: (checkpoint: unknown, runId: number) => void;
  /** Stores what a progress message carries (e.g. a finished tuning trial as a child run). */
  readonly onProgress?: (progress: unknown, runId: number) => void;
}

interface Live {
  readonly worker: Worker;
  readonly runId: number;
  readonly store: ProjectStore;
  readonly kind: RunKind;
  cancelTimer?: NodeJS.Timeout;
  cancelling: boolean;
  settled: boolean;
  readonly done: Promise<RunState>;
}

/** Runs jobs in worker threads and keeps their runs current in the project's store. */
export class JobRunner {
  readonly #live = new Map<string, Live>();

  constructor(
    private readonly sink: JobSink,
    private readonly now: () => number = Date.now,
    private readonly cancelGraceMs = 5000,
  ) {}

  /** Number of workers alive (tests assert 0 after each case). */
  get liveWorkers(): number {
    return this.#live.size;
  }

  /** Starts a job; returns its job id and run id at once. `done` resolves with the final state. */
  start<P, R>(store: ProjectStore, spec: JobSpec<P, R>): { jobId: string; runId: number; done: Promise<RunState> } {
    const jobId = randomUUID();
    const runId = store.transaction(() => store.runs.insert({ jobId, parentId: spec.parentRunId ?? null, kind: spec.kind, title: spec.title, config: spec.config, createdMs: this.now() }));
    const worker =
      spec.worker instanceof URL ? new Worker(spec.worker, { stdout: true, stderr: true }) : new Worker(spec.worker.code, { eval: true, stdout: true, stderr: true });
    // Libraries in workers print advice (tfjs); keep it out of the CLI's output, but keep errors.
    worker.stdout.resume();
    let stderr = '';
    worker.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const started = this.now();
    let resolveDone!: (s: RunState) => void;
    const live: Live = { worker, runId, store, kind: spec.kind, cancelling: false, settled: false, done: new Promise((r) => (resolveDone = r)) };
    this.#live.set(jobId, live);

    /** Final state; `results` (if given) stores the outcome in the same transaction as the state. */
    const settle = (state: Exclude<RunState, 'queued' | 'running'>, extra: { error?: { code: string; message: string } }, results?: () => unknown): void => {
      if (live.settled) return;
      live.settled = true;
      clearTimeout(live.cancelTimer);
      try {
        store.transaction(() => {
          const summary = results?.();
          store.runs.update(runId, { state, finishedMs: this.now(), ...(summary !== undefined ? { summary } : {}), ...(extra.error ? { error: extra.error } : {}) });
        });
      } catch (e) {
        // Storing the outcome failed and rolled back: record the failure instead.
        state = 'failed';
        extra = { error: { code: 'internal', message: `storing the job's result failed: ${(e as Error).message}` } };
        store.runs.update(runId, { state, finishedMs: this.now(), error: extra.error });
      }
      this.#live.delete(jobId);
      void worker.terminate();
      this.sink.finished({ jobId, runId, kind: spec.kind, project: store.path, state, ...(extra.error ? { error: extra.error } : {}) });
      resolveDone(state);
    };

    worker.on('message', (m: { type: string; jobId?: string } & Record<string, unknown>) => {
      if (m.jobId !== jobId || live.settled) return;
      try {
        switch (m.type) {
          case 'started':
            store.runs.update(runId, { state: 'running', startedMs: this.now(), ...(typeof m['backend'] === 'string' ? { backend: m['backend'] } : {}) });
            break;
          case 'progress': {
            spec.onProgress?.(m['progress'], runId);
            const d = spec.describeProgress?.(m['progress']) ?? { done: 0, total: 0, message: 'working' };
            const elapsed = this.now() - started;
            const etaMs = d.total > d.done && d.done > 0 ? Math.round((elapsed / d.done) * (d.total - d.done)) : null;
            store.runs.update(runId, { progress: { done: d.done, total: d.total, message: d.message, detail: d.detail ?? null } });
            this.sink.progress({ jobId, runId, kind: spec.kind, project: store.path, done: d.done, total: d.total, message: d.message, etaMs, ...(d.detail !== undefined ? { detail: d.detail } : {}) });
            break;
          }
          case 'checkpoint':
            spec.onCheckpoint?.(m['checkpoint'], runId);
            break;
          case 'finished': {
            const result = m['result'] as R & { status?: string };
            const cancelled = live.cancelling || result?.status === 'cancelled';
            settle(cancelled ? 'cancelled' : 'succeeded', {}, () => spec.onFinished(result, runId));
            break;
          }
          case 'failed': {
            const e = m['error'] as { code?: string; message?: string } | undefined;
            settle('failed', { error: { code: e?.code ?? 'internal', message: e?.message ?? 'the job failed' } });
            break;
          }
        }
      } catch (e) {
        settle('failed', { error: { code: 'internal', message: `handling the job's ${m.type} failed: ${(e as Error).message}` } });
      }
    });
    worker.on('error', (e) => settle('failed', { error: { code: 'internal', message: `worker crashed: ${e.message}` } }));
    worker.on('exit', (code) => {
      if (live.cancelling) settle('cancelled', {});
      else settle('failed', { error: { code: 'internal', message: `worker exited (code ${code}) before finishing${stderr ? `: ${stderr.trim().split('\n').pop()}` : ''}` } });
    });
    worker.postMessage({ type: 'start', jobId, ...(spec.payload as object) }, spec.transfer ?? []);
    return { jobId, runId, done: live.done };
  }

  /** Asks a job to stop; terminates its worker if it has not stopped after the grace period. */
  cancel(jobId: string): boolean {
    const live = this.#live.get(jobId);
    if (!live) return false;
    live.cancelling = true;
    live.worker.postMessage({ type: 'cancel', jobId });
    live.cancelTimer ??= setTimeout(() => void live.worker.terminate(), this.cancelGraceMs);
    return true;
  }

  /** The final state of a running job (undefined when it is not running here). */
  whenDone(jobId: string): Promise<RunState> | undefined {
    return this.#live.get(jobId)?.done;
  }

  /** Cancels every job and waits for them (app shutdown). */
  async stopAll(): Promise<void> {
    const all = [...this.#live.entries()];
    for (const [id] of all) this.cancel(id);
    await Promise.all(all.map(([, l]) => l.done));
  }
}
