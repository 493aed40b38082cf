// Training through the API with the real job runner and the built worker: PETS09-S2L1 (real frames,
// MOT15 public detections) and a synthetic sample sequence; progress with losses, λ and throughput;
// the run stored (config, backend, curves, validation, checkpoint, final weights the tracker loads);
// cancel, then resume giving exactly the weights of an uninterrupted run; NaN stopping a run with step
// and term in its error. Steps are tiny: the point is the plumbing, not the learning.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../src-main/compose';
import { weightsFromStored } from '../../src-main/learning/modelWeights';
import { decodeRgb } from '../../src-main/media/images';
import { invoke } from '../../src-main/services/api';
import { writeSyntheticSequence } from '../../src-main/services/sample/sample';
import { loadReidWeights } from '../../src-main/services/training/trainArtifacts';
import { loadEmbedder } from '../../src-main/workers/reidEmbedder';
import type { ApiChannel, ApiRequest, ApiResponse } from '../../src-shared/ipc/contract';
import type { JobFinished, JobProgress } from '../../src-shared/ipc/schemas';
import { reidCrops } from '../../src-shared/learning/crops';
import { frameDetections } from '../../src-shared/tracking/types';
import { builtApp, ROOT } from '../helpers/built';
import { SHARED_DATA } from '../helpers/sharedData';
import { useTfBackend } from '../helpers/tf';
import { tempDir } from '../helpers/tmp';

useTfBackend('wasm'); // loadEmbedder runs in this process (as in a worker)

let backend: Backend;
let project: string;
let petsRun: number | undefined;
const progress: JobProgress[] = [];
const finished = new Map<string, JobFinished>();
const waiters = new Map<string, (f: JobFinished) => void>();
const call = async <C extends ApiChannel>(c: C, r: ApiRequest<C>): Promise<ApiResponse<C>> => {
  const out = await invoke(backend.handlers, c, r, { transport: 'cli' });
  if (!out.ok) throw new Error(`${c}: ${out.error.message}`);
  return out.value;
};
const done = (jobId: string): Promise<JobFinished> => (finished.has(jobId) ? Promise.resolve(finished.get(jobId)!) : new Promise((r) => waiters.set(jobId, r)));
const artifactJson = async (runId: number, name: string): Promise<unknown> => JSON.parse(new TextDecoder().decode((await call('runs.artifact', { project, runId, name })).data));
const weightBytes = async (runId: number): Promise<number[]> => Array.from((await call('runs.artifact', { project, runId, name: 'weights' })).data);

beforeAll(async () => {
  builtApp(); // the worker entries come from the build
  backend = createBackend({ dataDir: tempDir(), version: 't', workersDir: new URL('out/main/', `file://${ROOT}/`), probeBackend: async () => ({ state: 'failed', message: 'unused' }) });
  backend.events.subscribe((event, p) => {
    if (event === 'jobs.progress') progress.push(p as JobProgress);
    if (event !== 'jobs.finished') return;
    const f = p as JobFinished;
    finished.set(f.jobId, f);
    waiters.get(f.jobId)?.(f);
  });
  const dir = tempDir();
  project = (await call('projects.create', { name: 'train', directory: dir })).path;
  await call('import.mot', { project, path: join(SHARED_DATA, 'mot15', 'MOT15-train', 'PETS09-S2L1') });
  await writeSyntheticSequence(join(dir, 'walkers'), { name: 'walkers', seed: 5, frames: 150, figures: 8, width: 480, height: 270 });
  await call('import.mot', { project, path: join(dir, 'walkers') });
}, 60_000);
afterAll(async () => {
  await backend.runner.stopAll();
  backend.close();
  expect(backend.runner.liveWorkers).toBe(0);
});

describe('train.start', () => {
  it('trains on PETS09-S2L1 real frames with progress, and stores the whole run', async () => {
    const job = await call('train.start', { project, trainSequences: ['PETS09-S2L1'], detectionSet: 'det', loss: 'both', steps: 3 });
    expect((await done(job.jobId)).state).toBe('succeeded');
    const mine = progress.filter((p) => p.jobId === job.jobId);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.map((p) => p.done)).toEqual([...mine.map((p) => p.done)].sort((a, b) => a - b));
    const last = mine[mine.length - 1]!;
    expect(last).toMatchObject({ runId: job.runId, kind: 'train', done: 3, total: 3 });
    const d = last.detail as { losses: Record<string, number>; lambdaS: number; lambdaT: number; cropsPerSec: number; etaMs: number; step: number };
    for (const term of ['total', 'crossEntropy', 'triplet', 'unitrack', 'contrastive']) expect(Number.isFinite(d.losses[term]), term).toBe(true);
    expect(d.lambdaS + d.lambdaT).toBeCloseTo(1, 6);
    expect(d.cropsPerSec).toBeGreaterThan(0);
    expect(d.etaMs).toBe(0);
    expect(last.message).toMatch(/^step 3\/3 · loss \d/);

    const run = await call('runs.get', { project, runId: job.runId });
    expect(run.run).toMatchObject({ kind: 'train', state: 'succeeded', config: { request: { loss: 'both', steps: 3, seed: 0 }, detectionSet: 'det', split: 'time-blocks' } });
    expect(['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']).toContain(run.run.backend);
    const cfg = run.run.config as { planHash: string; warnings: string[]; data: { identities: number; trainClips: number } };
    expect(cfg.planHash).toMatch(/^[0-9a-f]{64}$/);
    expect(cfg.warnings.join('\n')).toMatch(/split in time/);
    expect(cfg.data.identities).toBeGreaterThan(5);
    const summary = run.run.summary as { steps: number; validation: Record<string, number>; pipeline: { framesDecoded: number; cropsDecoded: number } };
    expect(summary.steps).toBe(3);
    expect(summary.validation).toMatchObject({ step: 3 });
    expect(summary.validation['nnAccuracy']).toBeGreaterThan(0);
    expect(summary.pipeline.cropsDecoded).toBeGreaterThan(0);
    expect(run.artifacts.map((a) => a.name).sort()).toEqual(['checkpoint', 'curves', 'validation', 'weights']);
    expect(((await artifactJson(job.runId, 'curves')) as unknown[]).length).toBe(3);
    // The final weights load as the appearance tracker loads them.
    const w = loadReidWeights(backend.services.projects.store(project), job.runId);
    const reid = weightsFromStored(w.manifest, w.data);
    expect(reid.manifest.config).toMatchObject({ inputHeight: 64, inputWidth: 32 });
    expect(reid.manifest.heads).toBeUndefined();
    petsRun = job.runId;
  }, 60_000);

  it("gives the appearance tracker the run's weights as an embedding function (loadEmbedder)", async () => {
    const e = loadEmbedder(loadReidWeights(backend.services.projects.store(project), petsRun!));
    try {
      const img = await decodeRgb(join(SHARED_DATA, 'mot15', 'MOT15-train', 'PETS09-S2L1', 'img1', '000001.jpg'));
      // Two of frame 1's detections (det.txt rows 1 and 2), tlbr.
      const d = frameDetections([500, 158, 530.979, 228.299, 246, 218, 286.258, 309.355], [1, 1]);
      const rows = e.embedFrame(img, d);
      expect(rows).toHaveLength(2 * e.dim);
      for (let i = 0; i < 2; i++) expect(Math.hypot(...rows.subarray(i * e.dim, (i + 1) * e.dim))).toBeCloseTo(1, 5);
      // The crops are the training crops: embedding them directly gives the same rows.
      expect(Array.from(e.embed(reidCrops(img, d.tlbr, 2, 64, 32), 2))).toEqual(Array.from(rows));
    } finally {
      e.dispose();
    }
  });

  it('trains on the sample sequence with its annotations as detections', async () => {
    const job = await call('train.start', { project, trainSequences: ['walkers'], loss: 'contrastive', steps: 2 });
    expect((await done(job.jobId)).state).toBe('succeeded');
    const run = await call('runs.get', { project, runId: job.runId });
    expect(run.run.config).toMatchObject({ detectionSet: null, data: { boxes: 'gt', falsePositives: 0 } });
    expect((run.run.summary as { losses: Record<string, number> }).losses['contrastive']).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('cancels, and a resumed run ends with the weights of an uninterrupted one', async () => {
    const base = { project, trainSequences: ['walkers'], detectionSet: 'det', loss: 'baseline' as const, seed: 3 };
    const whole = await call('train.start', { ...base, steps: 5 });
    expect((await done(whole.jobId)).state).toBe('succeeded');

    const long = await call('train.start', { ...base, steps: 1000 });
    while (!progress.some((p) => p.jobId === long.jobId)) await new Promise((r) => setTimeout(r, 20));
    expect(await call('runs.cancel', { project, jobId: long.jobId })).toEqual({ cancelled: true });
    expect((await done(long.jobId)).state).toBe('cancelled');
    const stopped = await call('runs.get', { project, runId: long.runId });
    const at = (stopped.run.summary as { steps: number }).steps;
    expect(at).toBeGreaterThanOrEqual(1);
    expect(at).toBeLessThan(5);
    expect(stopped.artifacts.find((a) => a.name === 'checkpoint')!.meta).toMatchObject({ step: at });

    const resumed = await call('train.start', { ...base, steps: 5, resumeRunId: long.runId });
    expect((await done(resumed.jobId)).state).toBe('succeeded');
    expect((await call('runs.get', { project, runId: resumed.runId })).run.config).toMatchObject({ resumedFrom: long.runId });
    expect(await weightBytes(resumed.runId)).toEqual(await weightBytes(whole.runId));
    const curves = async (id: number) => ((await artifactJson(id, 'curves')) as { step: number; losses: unknown }[]).map((c) => [c.step, c.losses]);
    expect(await curves(resumed.runId)).toEqual(await curves(whole.runId));

    // A resume must keep the run's settings, and the data must not have changed.
    await expect(call('train.start', { ...base, loss: 'unitrack', steps: 6, resumeRunId: long.runId })).rejects.toThrow(/keeps its loss, sequences/);
  }, 90_000);

  it('stops a run whose loss turns NaN, naming the step and the term in the run', async () => {
    const job = await call('train.start', { project, trainSequences: ['walkers'], detectionSet: 'det', loss: 'baseline', steps: 4, learningRate: 1e30 });
    const end = await done(job.jobId);
    expect(end.state).toBe('failed');
    expect(end.error).toMatchObject({ code: 'non-finite-loss' });
    expect(end.error!.message).toMatch(/step \d: loss term '\w+' is (NaN|-?Infinity)/);
    expect((await call('runs.get', { project, runId: job.runId })).run.error).toEqual(end.error);
  }, 60_000);
});
