// MPN node features from frames (METHODS.md §2.3) through the API: PETS09-S2L1's real frames give colour
// histograms (B1, with the UniTrack terms and λ in the progress); an appearance training run's CNN gives
// ReID embeddings, stored with the MPN run so it tracks real 1080p frames of MOT17-04 (mot17_mini_images)
// even after the appearance run is deleted; a sequence without frames is refused for a model that needs them.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useJobsBackend } from '../helpers/jobsBackend';
import { SHARED_DATA } from '../helpers/sharedData';
import { tempDir } from '../helpers/tmp';

const { call, done, progress } = useJobsBackend();
let project: string;
let histogramRun: number;

beforeAll(async () => {
  project = (await call('projects.create', { name: 'mpn-features', directory: tempDir() })).path;
  await call('import.mot', { project, path: join(SHARED_DATA, 'mot15', 'MOT15-train', 'PETS09-S2L1') });
  await call('import.mot', { project, path: join(SHARED_DATA, 'mot17_mini_images', 'MOT17-train', 'MOT17-04-FRCNN') });
  await call('import.mot', { project, path: join(SHARED_DATA, 'mot17', 'MOT17-train', 'MOT17-09-FRCNN') });
}, 30_000);

describe('MPN node features', () => {
  it('trains B1 on PETS09-S2L1 with colour histograms of its frames', async () => {
    const job = await call('train.start', { project, model: 'mpn', trainSequences: ['PETS09-S2L1'], detectionSet: 'det_sort_frcnn', loss: 'unitrack', steps: 2, graphsPerStep: 1 });
    expect((await done(job.jobId)).state).toBe('succeeded');
    const mine = progress.filter((p) => p.jobId === job.jobId);
    // Feature progress counts every frame with detections of both time blocks from the first message.
    const feats = mine.filter((p) => (p.detail as { phase?: string }).phase === 'features').map((p) => p.detail as { done: number; total: number });
    expect(feats.length).toBeGreaterThanOrEqual(1);
    expect(new Set(feats.map((f) => f.total)).size).toBe(1);
    expect(feats[feats.length - 1]!.done).toBe(feats[0]!.total);
    const last = mine[mine.length - 1]!.detail as { phase: string; losses: Record<string, number>; lambdaS: number; lambdaT: number };
    expect(last.phase).toBe('train');
    for (const k of ['bce', 'unitrack', 'utFlow', 'utSpatial', 'utTemporal', 'utConservation', 'total']) expect(Number.isFinite(last.losses[k]), k).toBe(true);
    expect(last.lambdaS + last.lambdaT).toBeCloseTo(1, 6);
    const run = await call('runs.get', { project, runId: job.runId });
    expect(run.run.config).toMatchObject({ model: 'mpn', loss: 'unitrack', features: 'color-histogram', split: 'time-blocks' });
    expect(run.artifacts.find((a) => a.name === 'weights')!.meta).toMatchObject({ config: { features: { kind: 'color-histogram' } } });
    expect((run.run.summary as { featureMs: number }).featureMs).toBeGreaterThan(0);
    histogramRun = job.runId;
  }, 60_000);

  it('refuses to track a sequence without frames with a model that takes frame features', async () => {
    await expect(call('track.start', { project, sequences: ['MOT17-09-FRCNN'], detectionSet: 'det', tracker: 'mpn', modelRunId: histogramRun })).rejects.toThrow(
      /MOT17-09-FRCNN has no frame images: MPN run \d+ takes color-histogram node features/,
    );
  });

  it('embeds crops with an appearance run\'s CNN, keeps it with the MPN run, and tracks real 1080p frames with it', async () => {
    const reid = await call('train.start', { project, trainSequences: ['PETS09-S2L1'], detectionSet: 'det_sort_frcnn', loss: 'baseline', steps: 1 });
    expect((await done(reid.jobId)).state).toBe('succeeded');
    await expect(call('train.start', { project, model: 'mpn', trainSequences: ['PETS09-S2L1', 'MOT17-09-FRCNN'], detectionSet: 'det', loss: 'baseline', steps: 1, featureRunId: reid.runId })).rejects.toThrow(
      /featureRunId: MOT17-09-FRCNN has no frame images/,
    );
    const job = await call('train.start', { project, model: 'mpn', trainSequences: ['PETS09-S2L1'], validationSequences: ['MOT17-04-FRCNN'], detectionSet: 'det', loss: 'baseline', steps: 1, graphsPerStep: 1, featureRunId: reid.runId });
    expect((await done(job.jobId)).state).toBe('succeeded');
    const run = await call('runs.get', { project, runId: job.runId });
    expect(run.run.config).toMatchObject({ features: 'reid', featureRunId: reid.runId });
    expect(run.artifacts.map((a) => a.name).sort()).toEqual(['checkpoint', 'curves', 'featureWeights', 'validation', 'weights']);
    const reidWeights = (await call('runs.get', { project, runId: reid.runId })).artifacts.find((a) => a.name === 'weights')!;
    expect(run.artifacts.find((a) => a.name === 'featureWeights')!.bytes).toBe(reidWeights.bytes);
    // The ReID CNN's embedding dimension is the node encoder's input.
    const dim = (reidWeights.meta as { config: { embeddingDim: number } }).config.embeddingDim;
    expect(run.artifacts.find((a) => a.name === 'weights')!.meta).toMatchObject({ config: { features: { kind: 'reid', dim } } });

    expect(await call('runs.delete', { project, runId: reid.runId })).toEqual({ deleted: true });
    const track = await call('track.start', { project, sequences: ['MOT17-04-FRCNN'], detectionSet: 'det', tracker: 'mpn', modelRunId: job.runId, params: { minTrackLength: 1 } });
    expect((await done(track.jobId)).state).toBe('succeeded');
    const s = (await call('runs.get', { project, runId: track.runId })).run.summary as { rows: number; windows: number };
    // 8 frames at 30 fps sampled at 6 fps: frames 1 and 6 (205 detections), one window.
    expect(s.windows).toBe(1);
    expect(s.rows).toBeGreaterThan(0);
  }, 60_000);
});
