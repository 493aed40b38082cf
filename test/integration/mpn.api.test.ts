// The MPN graph tracker through the API with the real job runner and the built workers, on real MOT17
// public detections (no frames: 'none' node features): train.start with model mpn (progress, stored run,
// weights, checkpoint, curves, validation edge metrics), track.start with the trained model on held-out
// MOT17-09 (a result set identical to trackDetectionsMpn in this process), eval.start on that set with its
// metrics stored; cancel and resume giving exactly the uninterrupted run; and the refusals that name the
// field at fault. Steps are few: the point is the plumbing (mpn.real.test.ts checks the learning).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { trackDetectionsMpn } from '../../src-main/learning/mpn/infer';
import { mpnWeightsFromStored } from '../../src-main/learning/mpn/weights';
import { exportRows } from '../../src-main/services/exports/exportMot';
import { resolveSequence } from '../../src-main/services/sequences/resolve';
import { useJobsBackend } from '../helpers/jobsBackend';
import { SHARED_DATA } from '../helpers/sharedData';
import { useTfBackend } from '../helpers/tf';
import { tempDir } from '../helpers/tmp';

useTfBackend('wasm'); // trackDetectionsMpn runs in this process too (as in the worker)
const { backend, call, done, progress, artifactJson } = useJobsBackend();
const MOT17 = join(SHARED_DATA, 'mot17', 'MOT17-train');
let project: string;
let mpnRun: number;
let reidLikeRun: number;

beforeAll(async () => {
  project = (await call('projects.create', { name: 'mpn', directory: tempDir() })).path;
  for (const s of ['MOT17-02-FRCNN', 'MOT17-09-FRCNN']) await call('import.mot', { project, path: join(MOT17, s) });
}, 30_000);

const base = { trainSequences: ['MOT17-02-FRCNN'], validationSequences: ['MOT17-09-FRCNN'], detectionSet: 'det', model: 'mpn' as const, graphsPerStep: 1 };

describe('MPN training and tracking jobs', () => {
  it('trains B0 on MOT17-02 with progress, and stores the run with its weights, curves and validation', async () => {
    const job = await call('train.start', { project, ...base, loss: 'baseline', steps: 6, learningRate: 1e-2, seed: 1 });
    expect((await done(job.jobId)).state).toBe('succeeded');
    const mine = progress.filter((p) => p.jobId === job.jobId);
    const last = mine[mine.length - 1]!;
    expect(last).toMatchObject({ kind: 'train', done: 6, total: 6, detail: { model: 'mpn', phase: 'train', step: 6 } });
    expect(last.message).toMatch(/^step 6\/6 · loss \d+\.\d{4} · \d+ edges\/s$/);
    const run = await call('runs.get', { project, runId: job.runId });
    expect(run.run).toMatchObject({ kind: 'train', state: 'succeeded', backend: 'wasm', config: { model: 'mpn', loss: 'baseline', features: 'none', request: { loss: 'bce', steps: 6, graphsPerStep: 1 }, split: 'sequences' } });
    expect((run.run.config as { warnings: string[] }).warnings.join('\n')).toMatch(/node features: none/);
    const summary = run.run.summary as { steps: number; nodes: number; edgesPerSec: number; losses: Record<string, number>; validation: Record<string, number> };
    // Nodes: MOT17-02 and MOT17-09 FRCNN detections with a positive size (8186 + 3049 rows).
    expect(summary).toMatchObject({ model: 'mpn', steps: 6, nodes: 8186 + 3049 });
    expect(summary.edgesPerSec).toBeGreaterThan(0);
    expect(Object.keys(summary.losses).sort()).toEqual(['bce', 'total']);
    expect(summary.validation['step']).toBe(6);
    expect(summary.validation['edges']).toBeGreaterThan(5000);
    expect(run.artifacts.map((a) => a.name).sort()).toEqual(['checkpoint', 'curves', 'validation', 'weights']);
    expect(run.artifacts.find((a) => a.name === 'weights')!.meta).toMatchObject({ format: 'trackwright.mpn-weights', config: { features: { kind: 'none', dim: 1 } } });
    expect(run.artifacts.find((a) => a.name === 'checkpoint')!.meta).toMatchObject({ format: 'trackwright.mpn-checkpoint', step: 6 });
    expect(((await artifactJson(project, job.runId, 'curves')) as { step: number }[]).map((c) => c.step)).toEqual([1, 2, 3, 4, 5, 6]);
    mpnRun = job.runId;
  }, 60_000);

  it('tracks held-out MOT17-09 into a result set (as trackDetectionsMpn does), which evaluates with stored metrics', async () => {
    const job = await call('track.start', { project, sequences: ['MOT17-09-FRCNN'], detectionSet: 'det', tracker: 'mpn', modelRunId: mpnRun });
    expect((await done(job.jobId)).state).toBe('succeeded');
    const run = await call('runs.get', { project, runId: job.runId });
    expect(run.run).toMatchObject({ kind: 'track', backend: 'wasm', config: { tracker: 'mpn', modelRunId: mpnRun, features: 'none' }, summary: { resultSet: `mpn-run${job.runId}`, sequences: 1 } });
    const s = run.run.summary as { rows: number; tracks: number; windows: number; constraintSatisfaction: Record<string, number> };
    expect(s.tracks).toBeGreaterThan(5);
    // 525 frames at 30 fps sampled at 6 fps (step 5): 105 sampled frames; windows of n = 15 of them
    // (≤ 500 / ~6 detections per frame), one per start frame (§2.8-2): 105 − 15 + 1 = 91.
    expect(s.windows).toBe(91);
    expect(s.constraintSatisfaction['MOT17-09-FRCNN']).toBeGreaterThanOrEqual(0);

    // The worker's rows are exactly what the learning function gives in this process.
    const store = backend().services.projects.store(project);
    const seq = resolveSequence(store, 'MOT17-09-FRCNN');
    const w = await call('runs.artifact', { project, runId: mpnRun, name: 'weights' });
    const mine = await trackDetectionsMpn(mpnWeightsFromStored(JSON.stringify(w.meta), w.data), exportRows(store, seq, { kind: 'det', name: 'det' }).table, seq.fps);
    const setId = (await call('sequences.list', { project })).find((x) => x.name === 'MOT17-09-FRCNN')!.sets.find((x) => x.kind === 'res')!.id;
    const rows = await call('sets.rows', { project, setId });
    expect(rows.count).toBe(s.rows);
    expect(rows.count).toBe(mine.table.count);
    for (const k of ['frame', 'id', 'x', 'y', 'w', 'h'] as const) expect(Array.from(rows[k]), k).toEqual(Array.from(mine.table[k]));

    const ev = await call('eval.start', { project, resultSet: `mpn-run${job.runId}` });
    expect((await done(ev.jobId)).state).toBe('succeeded');
    const m = (await call('runs.get', { project, runId: ev.runId })).metrics;
    expect(Object.keys(m).sort()).toEqual(['COMBINED_SEQ', 'MOT17-09-FRCNN']);
    const c = m['COMBINED_SEQ'] as Record<string, number>;
    // MOT17-09's annotations after MOTChallenge preprocessing: 5325 pedestrian boxes.
    expect(c['GT_Dets']).toBe(5325);
    expect(c['HOTA']).toBeGreaterThan(0.05);
    expect(c['HOTA']).toBeLessThan(1);
  }, 60_000);

  it('cancels, and a resumed run ends with the weights of an uninterrupted one', async () => {
    const req = { project, ...base, loss: 'unitrack' as const, seed: 4 };
    const whole = await call('train.start', { ...req, steps: 3 });
    expect((await done(whole.jobId)).state).toBe('succeeded');
    const long = await call('train.start', { ...req, steps: 1000 });
    while (!progress.some((p) => p.jobId === long.jobId && p.done >= 1)) await new Promise((r) => setTimeout(r, 20));
    expect(await call('runs.cancel', { project, jobId: long.jobId })).toEqual({ cancelled: true });
    expect((await done(long.jobId)).state).toBe('cancelled');
    const at = ((await call('runs.get', { project, runId: long.runId })).run.summary as { steps: number }).steps;
    expect(at).toBeGreaterThanOrEqual(1);
    expect(at).toBeLessThan(3);
    const resumed = await call('train.start', { ...req, steps: 3, resumeRunId: long.runId });
    expect((await done(resumed.jobId)).state).toBe('succeeded');
    const bytes = async (id: number): Promise<number[]> => Array.from((await call('runs.artifact', { project, runId: id, name: 'weights' })).data);
    expect(await bytes(resumed.runId)).toEqual(await bytes(whole.runId));
    const curves = async (id: number) => ((await artifactJson(project, id, 'curves')) as { step: number; losses: unknown }[]).map((c) => [c.step, c.losses]);
    expect(await curves(resumed.runId)).toEqual(await curves(whole.runId));
    await expect(call('train.start', { ...req, loss: 'baseline', steps: 5, resumeRunId: long.runId })).rejects.toThrow(/resumeRunId: run \d+ trained unitrack .* keeps its loss/);
  }, 60_000);

  it('refuses bad requests, naming the field', async () => {
    const reid = await call('track.start', { project, sequences: ['MOT17-09-FRCNN'], detectionSet: 'det', tracker: 'iou' });
    expect((await done(reid.jobId)).state).toBe('succeeded');
    reidLikeRun = reid.runId;
    const train = { project, ...base, steps: 1 };
    const track = { project, sequences: ['MOT17-09-FRCNN'], detectionSet: 'det', tracker: 'mpn' as const };
    await expect(call('train.start', { ...train, loss: 'contrastive' })).rejects.toThrow(/loss: the MPN trains with baseline \(B0: class-balanced BCE\) or unitrack/);
    await expect(call('train.start', { ...train, model: 'reid', loss: 'baseline', featureRunId: mpnRun })).rejects.toThrow(/featureRunId applies to model mpn only/);
    await expect(call('train.start', { ...train, loss: 'baseline', featureRunId: mpnRun })).rejects.toThrow(/featureRunId: run \d+ is an MPN run/);
    await expect(call('train.start', { ...train, loss: 'baseline', featureRunId: reidLikeRun })).rejects.toThrow(/featureRunId: run \d+ is a track run/);
    await expect(call('train.start', { project, trainSequences: ['MOT17-02-FRCNN'], loss: 'baseline', steps: 1, resumeRunId: mpnRun })).rejects.toThrow(/resumeRunId: run \d+ trained the MPN; resume it with model mpn/);
    await expect(call('track.start', track)).rejects.toThrow(/modelRunId: the MPN tracker needs a trained MPN/);
    await expect(call('track.start', { ...track, modelRunId: reidLikeRun })).rejects.toThrow(/modelRunId: run \d+ is a track run, not an MPN training run/);
    await expect(call('track.start', { ...track, modelRunId: 999 })).rejects.toThrow(/modelRunId: no run 999/);
    await expect(call('track.start', { ...track, tracker: 'appearance', modelRunId: mpnRun })).rejects.toThrow(/modelRunId: run \d+ is an MPN training run; use it with tracker mpn/);
    await expect(call('track.start', { ...track, modelRunId: mpnRun, params: { k: 3 } })).rejects.toThrow(/params\.k: the MPN tracker takes threshold, minTrackLength and interpolate/);
    await expect(call('track.start', { ...track, modelRunId: mpnRun, params: { threshold: 1.5 } })).rejects.toThrow(/params\.threshold: .* in \(0, 1\)/);
    await expect(call('track.start', { ...track, modelRunId: mpnRun, officialPreset: true })).rejects.toThrow(/officialPreset: /);
    const ablate = { project, trainSequences: ['MOT17-02-FRCNN'], testSequences: ['MOT17-09-FRCNN'], detectionSet: 'det', steps: 1, model: 'mpn' as const };
    await expect(call('ablate.start', { ...ablate, arms: ['baseline', 'deepmot'] })).rejects.toThrow(/arms: the MPN's arms are baseline \(B0: class-balanced BCE\) and unitrack/);
    await expect(call('ablate.start', { ...ablate, model: 'reid', graphsPerStep: 2, arms: ['baseline', 'unitrack'] })).rejects.toThrow(/graphsPerStep applies to model mpn only/);
    expect(backend().runner.liveWorkers).toBe(0);
  }, 30_000);
});
