// The job runner with real worker threads (inline code) and a real project file.
import { afterEach, describe, expect, it } from 'vitest';
import { JobRunner, type JobFinishedEvent, type JobProgressEvent } from '../../../../src-main/jobs/JobRunner';
import type { ProjectStore } from '../../../../src-main/store/project/projectStore';
import { checkDatabaseLeaks } from '../../../helpers/leaks';
import { projectWithSequence } from '../../../helpers/project';

checkDatabaseLeaks();
const stores: ProjectStore[] = [];
let runner: JobRunner;
afterEach(async () => {
  expect(runner.liveWorkers, 'workers left running').toBe(0);
  for (const s of stores.splice(0)) s.close();
});

/** A worker that counts to `n` (one progress per step), honours cancel, and fails on request. */
const COUNTER = `
const { parentPort } = require('node:worker_threads');
let stop = false;
parentPort.on('message', async (m) => {
  if (m.type === 'cancel') { stop = m.ignoreCancel ? false : true; return; }
  parentPort.postMessage({ type: 'started', jobId: m.jobId, backend: 'cpu' });
  if (m.crash) throw new Error('boom');
  if (m.fail) return parentPort.postMessage({ type: 'failed', jobId: m.jobId, error: { code: 'invalid_request', message: 'bad input' } });
  for (let i = 1; i <= m.n; i++) {
    if (stop && !m.stubborn) return parentPort.postMessage({ type: 'finished', jobId: m.jobId, result: { status: 'cancelled', reached: i - 1 } });
    await new Promise((r) => setTimeout(r, m.stepMs));
    parentPort.postMessage({ type: 'progress', jobId: m.jobId, progress: { step: i, of: m.n } });
  }
  parentPort.postMessage({ type: 'finished', jobId: m.jobId, result: { status: 'done', sum: m.n * (m.n + 1) / 2 } });
});`;

function setup() {
  const p = projectWithSequence(10);
  stores.push(p.store);
  const progress: JobProgressEvent[] = [];
  const finished: JobFinishedEvent[] = [];
  runner = new JobRunner({ progress: (e) => progress.push(e), finished: (e) => finished.push(e) }, Date.now, 200);
  const start = (payload: Record<string, unknown>) =>
    runner.start(p.store, {
      kind: 'eval',
      title: 'count',
      config: payload,
      worker: { code: COUNTER },
      payload,
      describeProgress: (x) => {
        const q = x as { step: number; of: number };
        return { done: q.step, total: q.of, message: `step ${q.step}` };
      },
      onFinished: (r: { sum?: number; reached?: number }, runId) => {
        p.store.runs.putSequence(runId, 'COMBINED_SEQ', r);
        return { sum: r.sum ?? null };
      },
    });
  return { store: p.store, start, progress, finished };
}

describe('JobRunner', () => {
  it('runs a job to the end: state, progress, results and summary are stored', async () => {
    const { store, start, progress, finished } = setup();
    const job = start({ n: 5, stepMs: 5 });
    expect(store.runs.get(job.runId)).toMatchObject({ state: 'queued', kind: 'eval', title: 'count' });
    expect(await job.done).toBe('succeeded');
    const run = store.runs.get(job.runId)!;
    expect(run).toMatchObject({ state: 'succeeded', backend: 'cpu', summary: { sum: 15 }, progress: { done: 5, total: 5, message: 'step 5' } });
    expect(run.startedMs).not.toBeNull();
    expect(store.runs.metrics(job.runId)).toEqual({ COMBINED_SEQ: { status: 'done', sum: 15 } });
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5]);
    expect(progress[0]).toMatchObject({ jobId: job.jobId, runId: job.runId, kind: 'eval', project: store.path, total: 5 });
    expect(finished).toEqual([{ jobId: job.jobId, runId: job.runId, kind: 'eval', project: store.path, state: 'succeeded' }]);
  });

  it('cancels cooperatively, and terminates a worker that ignores cancel after the grace period', async () => {
    const { store, start } = setup();
    const a = start({ n: 1000, stepMs: 5 });
    await new Promise((r) => setTimeout(r, 40));
    expect(runner.cancel(a.jobId)).toBe(true);
    expect(await a.done).toBe('cancelled');
    expect((store.runs.metrics(a.runId)['COMBINED_SEQ'] as { reached: number }).reached).toBeLessThan(1000);
    const b = start({ n: 1000, stepMs: 5, stubborn: true });
    await new Promise((r) => setTimeout(r, 40));
    runner.cancel(b.jobId);
    expect(await b.done).toBe('cancelled');
    expect(store.runs.get(b.runId)!.state).toBe('cancelled');
    expect(runner.cancel(b.jobId)).toBe(false);
  });

  it('records failures, crashes and store errors as failed runs with their message', async () => {
    const { store, start } = setup();
    const f = start({ fail: true });
    expect(await f.done).toBe('failed');
    expect(store.runs.get(f.runId)!.error).toEqual({ code: 'invalid_request', message: 'bad input' });
    const c = start({ crash: true });
    expect(await c.done).toBe('failed');
    expect((store.runs.get(c.runId)!.error as { message: string }).message).toMatch(/worker crashed: boom/);
  });

  it('marks runs of a process that is gone as failed on request, and leaves its own alone', async () => {
    const { store } = setup();
    const own = store.transaction(() => store.runs.insert({ jobId: 'own', kind: 'train', title: 't', config: {}, createdMs: 1 }));
    const gone = store.transaction(() => store.runs.insert({ jobId: 'gone', kind: 'train', title: 't', config: {}, createdMs: 1 }));
    // Pretend another process (pid 2^22 + 1, above Linux's pid_max default) owned `gone`.
    (store as unknown as { db: { prepare(s: string): { run(...a: unknown[]): void } } }).db.prepare('UPDATE runs SET owner_pid = ? WHERE id = ?').run(4194305, gone);
    expect(store.runs.failOrphans(5)).toBe(1);
    expect(store.runs.get(own)!.state).toBe('queued');
    expect(store.runs.get(gone)).toMatchObject({ state: 'failed', finishedMs: 5 });
  });
});
