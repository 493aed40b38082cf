// A backend for API tests that run jobs: the built worker entries (the build in $TRACKWRIGHT_OUT_DIR,
// else out/), a typed `call` that throws the AppError's message, and the job events as they arrive.
import { afterAll, beforeAll, expect } from 'vitest';
import { createBackend, type Backend } from '../../src-main/compose';
import { invoke } from '../../src-main/services/api';
import type { ApiChannel, ApiRequest, ApiResponse } from '../../src-shared/ipc/contract';
import type { JobFinished, JobProgress } from '../../src-shared/ipc/schemas';
import { builtApp, ROOT } from './built';
import { tempDir } from './tmp';

/** The test file's backend and its job events. */
export interface JobsBackend {
  readonly backend: () => Backend;
  readonly call: <C extends ApiChannel>(c: C, r: ApiRequest<C>) => Promise<ApiResponse<C>>;
  /** The job's end (resolves at once if it has ended). */
  readonly done: (jobId: string) => Promise<JobFinished>;
  /** Every progress event so far. */
  readonly progress: JobProgress[];
  /** A run's artifact parsed as JSON. */
  readonly artifactJson: (project: string, runId: number, name: string) => Promise<unknown>;
}

/** Creates the backend before the file's tests and stops every job (checking no worker is left) after them. */
export function useJobsBackend(): JobsBackend {
  let backend: Backend | undefined;
  const progress: JobProgress[] = [];
  const finished = new Map<string, JobFinished>();
  const waiters = new Map<string, (f: JobFinished) => void>();
  beforeAll(() => {
    builtApp(); // the worker entries come from the build
    const out = process.env['TRACKWRIGHT_OUT_DIR'] ?? 'out';
    backend = createBackend({ dataDir: tempDir(), version: 't', workersDir: new URL(`${out}/main/`, `file://${ROOT}/`), probeBackend: async () => ({ state: 'failed', message: 'unused' }) });
    backend.events.subscribe((event, p) => {
      if (event === 'jobs.progress') progress.push(p as JobProgress);
      if (event !== 'jobs.finished') return;
      const f = p as JobFinished;
      finished.set(f.jobId, f);
      waiters.get(f.jobId)?.(f);
    });
  });
  afterAll(async () => {
    await backend?.runner.stopAll();
    backend?.close();
    expect(backend?.runner.liveWorkers ?? 0).toBe(0);
  });
  const call = async <C extends ApiChannel>(c: C, r: ApiRequest<C>): Promise<ApiResponse<C>> => {
    const out = await invoke(backend!.handlers, c, r, { transport: 'cli' });
    if (!out.ok) throw new Error(`${c}: ${out.error.message}`);
    return out.value;
  };
  return {
    backend: () => backend!,
    call,
    done: (jobId) => (finished.has(jobId) ? Promise.resolve(finished.get(jobId)!) : new Promise((r) => waiters.set(jobId, r))),
    progress,
    artifactJson: async (project, runId, name) => JSON.parse(new TextDecoder().decode((await call('runs.artifact', { project, runId, name })).data)),
  };
}
