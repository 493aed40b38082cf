// Embedding diagnostics through the API with the real job runner and the built worker: a short training
// run on a synthetic sequence, then embeddings.start on it. Checks the stored run (a child of the
// training run, kind eval, backend recorded), that the stored embeddings are the model's embeddings of
// the annotated crops (recomputed here with loadEmbedder), that the stored figures follow from them,
// and the errors for bad requests. Deleting the training run takes its diagnostics with it.
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../src-main/compose';
import { decodeRgb } from '../../src-main/media/images';
import { invoke } from '../../src-main/services/api';
import { writeSyntheticSequence } from '../../src-main/services/sample/sample';
import { loadReidWeights } from '../../src-main/services/training/trainArtifacts';
import { loadEmbedder } from '../../src-main/workers/reidEmbedder';
import { similarityStats, type SimilarityStats } from '../../src-shared/analysis/embeddingSimilarity';
import type { ApiChannel, ApiRequest, ApiResponse } from '../../src-shared/ipc/contract';
import type { JobFinished } from '../../src-shared/ipc/schemas';
import { decodeEmbeddings } from '../../src-shared/jobs/embeddingDiagnostics';
import { builtApp } from '../helpers/built';
import { useTfBackend } from '../helpers/tf';
import { tempDir } from '../helpers/tmp';

useTfBackend('wasm'); // loadEmbedder runs in this process too

let backend: Backend;
let project: string;
let dir: string;
const finished = new Map<string, JobFinished>();
const waiters = new Map<string, (f: JobFinished) => void>();
const call = async <C extends ApiChannel>(c: C, r: ApiRequest<C>): Promise<ApiResponse<C>> => {
  const out = await invoke(backend.handlers, c, r, { transport: 'cli' });
  if (!out.ok) throw new Error(`${c}: ${out.error.code}: ${out.error.message}`);
  return out.value;
};
const done = (jobId: string): Promise<JobFinished> => (finished.has(jobId) ? Promise.resolve(finished.get(jobId)!) : new Promise((r) => waiters.set(jobId, r)));

beforeAll(async () => {
  const workersDir = pathToFileURL(`${dirname(builtApp().cli)}/`);
  backend = createBackend({ dataDir: tempDir(), version: 't', workersDir, probeBackend: async () => ({ state: 'failed', message: 'unused' }) });
  backend.events.subscribe((event, p) => {
    if (event !== 'jobs.finished') return;
    const f = p as JobFinished;
    finished.set(f.jobId, f);
    waiters.get(f.jobId)?.(f);
  });
  dir = tempDir();
  project = (await call('projects.create', { name: 'diag', directory: dir })).path;
  await writeSyntheticSequence(join(dir, 'walkers'), { name: 'walkers', seed: 7, frames: 40, figures: 5, width: 320, height: 180 });
  await call('import.mot', { project, path: join(dir, 'walkers') });
}, 60_000);
afterAll(async () => {
  await backend.runner.stopAll();
  backend.close();
  expect(backend.runner.liveWorkers).toBe(0);
});

describe('embeddings.start', () => {
  let modelRun: number;

  it('embeds the annotated objects of frame pairs with a trained model and stores the figures', async () => {
    const train = await call('train.start', { project, trainSequences: ['walkers'], loss: 'baseline', steps: 2 });
    expect((await done(train.jobId)).state).toBe('succeeded');
    modelRun = train.runId;

    const job = await call('embeddings.start', { project, modelRunId: modelRun, sequence: 'walkers', gap: 3, anchors: 6 });
    const end = await done(job.jobId);
    expect(end, JSON.stringify(end.error)).toMatchObject({ state: 'succeeded', kind: 'eval' });
    const got = await call('runs.get', { project, runId: job.runId });
    expect(got.run).toMatchObject({ kind: 'eval', parentId: modelRun, config: { diagnostics: 'embeddings', modelRunId: modelRun, sequence: 'walkers', gap: 3, anchors: 6, frames: 12 } });
    expect(['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']).toContain(got.run.backend);
    expect(got.artifacts.map((a) => a.name).sort()).toEqual(['embeddings', 'similarity']);
    expect((await call('runs.get', { project, runId: modelRun })).children.map((c) => c.id)).toContain(job.runId);
    // Top-level history lists the training run, not its diagnostics.
    expect((await call('runs.list', { project })).map((r) => r.id)).not.toContain(job.runId);

    const a = await call('runs.artifact', { project, runId: job.runId, name: 'embeddings' });
    const { meta, boxes } = decodeEmbeddings(a.meta, a.data);
    expect(meta.anchors).toHaveLength(6);
    expect(new Set(boxes.frame).size).toBe(12);
    for (let i = 0; i < boxes.count; i++) expect(Math.hypot(...boxes.embeddings.subarray(i * boxes.dim, (i + 1) * boxes.dim))).toBeCloseTo(1, 4);

    // The stored rows of the first anchor frame are the model's embeddings of its annotated boxes.
    const store = backend.services.projects.store(project);
    const t = meta.anchors[0]!;
    const gt = (await call('annotations.frame', { project, sequence: 'walkers', frame: t })).boxes as { trackId: number; x: number; y: number; w: number; h: number }[];
    const rows = [...boxes.frame.keys()].filter((i) => boxes.frame[i] === t);
    expect(rows.length).toBeGreaterThan(0);
    const model = loadEmbedder(loadReidWeights(store, modelRun));
    try {
      const seq = store.sequences.list().find((s) => s.name === 'walkers')!;
      const file = store.sequences.frameFiles(seq.id).find((f) => f.frame === t)!.file;
      const img = await decodeRgb(join(seq.framesDir!, file));
      const tlbr = rows.flatMap((i) => {
        const b = gt.find((g) => g.trackId === boxes.id[i])!;
        return [b.x, b.y, b.x + b.w, b.y + b.h];
      });
      const mine = model.embedFrame(img, { count: rows.length, tlbr: Float64Array.from(tlbr), score: new Float64Array(rows.length).fill(1) });
      const stored = boxes.embeddings.subarray(rows[0]! * boxes.dim, (rows[rows.length - 1]! + 1) * boxes.dim);
      mine.forEach((v, k) => expect(v).toBeCloseTo(stored[k]!, 4));
    } finally {
      model.dispose();
    }

    // The stored figures follow from the stored embeddings.
    const stats = JSON.parse(new TextDecoder().decode((await call('runs.artifact', { project, runId: job.runId, name: 'similarity' })).data)) as SimilarityStats;
    expect(stats).toEqual(JSON.parse(JSON.stringify(similarityStats(boxes, meta.anchors, 3, stats.bins))));
    expect(stats.sameCount).toBeGreaterThan(0);
    expect(stats.interCount).toBeGreaterThan(stats.sameCount);
    expect(got.run.summary).toMatchObject({ sequence: 'walkers', gap: 3, boxes: boxes.count, framePairs: 6 });
    expect((got.run.summary as { auc: number }).auc).toBeCloseTo(stats.auc, 12);
  }, 120_000);

  it('says what is wrong with a bad request', async () => {
    const fails = async (r: Partial<ApiRequest<'embeddings.start'>>, message: RegExp) => {
      const out = await invoke(backend.handlers, 'embeddings.start', { project, modelRunId: modelRun, sequence: 'walkers', ...r }, { transport: 'cli' });
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.error.message).toMatch(message);
    };
    await fails({ modelRunId: 999 }, /No run 999/);
    await fails({ sequence: 'nope' }, /nope/);
    await fails({ gap: 40 }, /gap 40 is not shorter than walkers \(40 frames\)/);
    const ev = (await call('runs.get', { project, runId: modelRun })).children[0]!.id;
    await fails({ modelRunId: ev }, new RegExp(`Run ${ev} is not a training run of the appearance model`));
  });

  it('goes with its training run when that is deleted', async () => {
    const children = (await call('runs.get', { project, runId: modelRun })).children.map((c) => c.id);
    expect(children.length).toBeGreaterThan(0);
    await call('runs.delete', { project, runId: modelRun });
    for (const id of children) await expect(call('runs.get', { project, runId: id })).rejects.toThrow(/No run/);
  });
});
