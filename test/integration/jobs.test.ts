// Evaluation, tracking and tuning as jobs through the API: real worker threads (the built worker
// entries), real project files, real MOT data; results stored as runs and result sets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../src-main/compose';
import { invoke } from '../../src-main/services/api';
import type { ApiChannel, ApiRequest, ApiResponse } from '../../src-shared/ipc/contract';
import type { JobFinished } from '../../src-shared/ipc/schemas';
import { builtApp, ROOT } from '../helpers/built';
import { SHARED_DATA } from '../helpers/sharedData';
import { tempDir } from '../helpers/tmp';

let backend: Backend;
const finished = new Map<string, JobFinished>();
const waiters = new Map<string, (f: JobFinished) => void>();
const call = async <C extends ApiChannel>(c: C, r: ApiRequest<C>): Promise<ApiResponse<C>> => {
  const out = await invoke(backend.handlers, c, r, { transport: 'cli' });
  if (!out.ok) throw new Error(`${c}: ${out.error.message}`);
  return out.value;
};
const done = (jobId: string): Promise<JobFinished> => (finished.has(jobId) ? Promise.resolve(finished.get(jobId)!) : new Promise((r) => waiters.set(jobId, r)));

beforeAll(() => {
  builtApp(); // the worker entries come from the build
  backend = createBackend({ dataDir: tempDir(), version: 't', workersDir: new URL('../out/main/', `file://${ROOT}/`), probeBackend: async () => ({ state: 'failed', message: 'unused' }) });
  backend.events.subscribe((event, p) => {
    if (event !== 'jobs.finished') return;
    const f = p as JobFinished;
    finished.set(f.jobId, f);
    waiters.get(f.jobId)?.(f);
  });
});
afterAll(async () => {
  await backend.runner.stopAll();
  backend.close();
  expect(backend.runner.liveWorkers).toBe(0);
});

describe('evaluation jobs', () => {
  it('evaluates a result set and stores metrics per sequence, COMBINED_SEQ and typed ID-switch events', async () => {
    const project = (await call('projects.create', { name: 'eval', directory: tempDir() })).path;
    await call('import.mot', { project, path: join(SHARED_DATA, 'mot15_tud', 'MOT15-train') });
    await call('import.results', { project, folder: join(SHARED_DATA, 'mot15_tud', 'trackers', 'pymotmetrics_test') });
    const job = await call('eval.start', { project, resultSet: 'pymotmetrics_test' });
    expect((await done(job.jobId)).state).toBe('succeeded');
    const run = await call('runs.get', { project, runId: job.runId, events: true });
    expect(run.run).toMatchObject({ kind: 'eval', state: 'succeeded' });
    const ref = JSON.parse(readFileSync(join(SHARED_DATA, 'reference', 'trackeval.json'), 'utf8'))['mot15_tud/pymotmetrics_test'].sequences;
    for (const seq of ['TUD-Campus', 'TUD-Stadtmitte', 'COMBINED_SEQ']) {
      for (const f of ['HOTA', 'MOTA', 'IDF1', 'IDSW', 'CLR_FP', 'IDTP']) expect(run.metrics[seq]![f], `${seq} ${f}`).toBeCloseTo(ref[seq][f], 9);
    }
    const events = run.events['TUD-Campus']!.filter((e) => (e as { kind?: string }).kind !== 'fragmentation') as { type: number }[];
    expect(events).toHaveLength(ref['TUD-Campus'].IDSW);
    expect(run.run.summary).toMatchObject({ IDSW: ref.COMBINED_SEQ.IDSW, resultSet: 'pymotmetrics_test' });
    const history = await call('runs.list', { project });
    expect(history.map((r) => r.id)).toContain(job.runId);
  });
});

describe('tracking and tuning jobs', () => {
  let project: string;
  beforeAll(async () => {
    project = (await call('projects.create', { name: 'track', directory: tempDir() })).path;
    for (const s of ['MOT17-02-SDP', 'MOT17-05-SDP']) await call('import.mot', { project, path: join(SHARED_DATA, 'mot17', 'MOT17-train', s) });
  });

  it('tracks a detection set into a result set that can be evaluated and exported', async () => {
    const job = await call('track.start', { project, detectionSet: 'det_yolox', tracker: 'bytetrack', officialPreset: true, resultSet: 'bytetrack' });
    expect((await done(job.jobId)).state).toBe('succeeded');
    const seqs = await call('sequences.list', { project });
    const set = seqs.find((s) => s.name === 'MOT17-05-SDP')!.sets.find((s) => s.kind === 'res' && s.name === 'bytetrack')!;
    // The official ByteTrack output of this sequence (parity data) has the same number of rows.
    const parity = readFileSync(join(SHARED_DATA, 'parity', 'bytetrack_yolox', 'MOT17-05-SDP.txt'), 'utf8').trim().split('\n');
    expect(set.rowCount).toBe(parity.length);
    expect(set.origin).toMatchObject({ runId: job.runId, tracker: 'bytetrack', detectionSet: 'det_yolox' });
    const ev = await call('eval.start', { project, resultSet: 'bytetrack' });
    expect((await done(ev.jobId)).state).toBe('succeeded');
    const hota = ((await call('runs.get', { project, runId: ev.runId })).metrics['COMBINED_SEQ']!['HOTA']) as number;
    expect(hota).toBeGreaterThan(0.4);
  });

  it('tunes SORT on two MOT17 sequences: beats the defaults, stores every trial, and can be cancelled', async () => {
    const job = await call('tune.start', { project, sequences: ['MOT17-02-SDP', 'MOT17-05-SDP'], detectionSet: 'det', tracker: 'sort', metric: 'HOTA', trials: 16, sampler: 'tpe', seed: 3 });
    expect((await done(job.jobId)).state).toBe('succeeded');
    const run = await call('runs.get', { project, runId: job.runId });
    expect(run.children).toHaveLength(16);
    const summary = run.run.summary as { best: number; defaults: number; bestParams: Record<string, number> };
    expect(summary.best).toBeGreaterThan(summary.defaults); // the official defaults are trial 0
    expect(run.artifacts.map((a) => a.name)).toContain('trials');

    const resumed = await call('tune.start', { project, sequences: ['MOT17-02-SDP', 'MOT17-05-SDP'], detectionSet: 'det', tracker: 'sort', metric: 'HOTA', trials: 18, sampler: 'tpe', seed: 3, resumeRunId: job.runId });
    expect((await done(resumed.jobId)).state).toBe('succeeded');
    expect((await call('runs.get', { project, runId: resumed.runId })).children).toHaveLength(2); // only the new trials run

    const long = await call('tune.start', { project, sequences: ['MOT17-02-SDP'], detectionSet: 'det', tracker: 'sort', metric: 'IDF1', trials: 5000, sampler: 'random' });
    await new Promise<void>((r) => {
      const off = backend.events.subscribe((event, p) => {
        if (event === 'jobs.progress' && (p as { jobId: string }).jobId === long.jobId) {
          off();
          r();
        }
      });
    });
    expect(await call('runs.cancel', { project, jobId: long.jobId })).toEqual({ cancelled: true });
    expect((await done(long.jobId)).state).toBe('cancelled');
    expect((await call('runs.get', { project, runId: long.runId })).run.state).toBe('cancelled');
  });
});

