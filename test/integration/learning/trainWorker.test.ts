// train.worker.ts in a real worker thread (TypeScript through tsx): start → started/progress/finished
// with transferred weights, cancel → a cancelled result, NaN → a failed message naming step and term.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { TrainDataset, TrainWorkerEvent, TrainWorkerRequest } from '../../../src-main/learning/trainMessages';
import { syntheticClips } from '../../helpers/syntheticClips';

const TINY = { inputHeight: 16, inputWidth: 8, convs: [{ channels: 8, stride: 2 }], embeddingDim: 8 };
const spec = { identities: 5, framesPerClip: 5, peoplePerClip: 2, cropHeight: 16, cropWidth: 8 };
const dataset = (): TrainDataset => ({ cropHeight: 16, cropWidth: 8, numIdentities: 5, train: syntheticClips({ ...spec, clips: 4, seed: 1 }), validation: [] });

let worker: Worker | undefined;
afterEach(async () => {
  await worker?.terminate();
  worker = undefined;
});

function start(): { events: TrainWorkerEvent[]; send: (m: TrainWorkerRequest) => void; until: (type: TrainWorkerEvent['type']) => Promise<TrainWorkerEvent> } {
  // The entry is TypeScript: register tsx's ESM hooks in the worker thread, then import it.
  const entry = new URL('../../../src-main/learning/train.worker.ts', import.meta.url).href;
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  worker = new Worker(boot, { eval: true, stdout: true, stderr: true });
  worker.stdout.resume();
  worker.stderr.resume();
  const events: TrainWorkerEvent[] = [];
  const waiters: (() => void)[] = [];
  let crashed: Error | undefined;
  worker.on('message', (e: TrainWorkerEvent) => {
    events.push(e);
    waiters.splice(0).forEach((w) => w());
  });
  worker.on('error', (e) => {
    crashed = e;
    waiters.splice(0).forEach((w) => w());
  });
  const until = (type: TrainWorkerEvent['type']): Promise<TrainWorkerEvent> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const hit = events.find((e) => e.type === type);
        if (hit) resolve(hit);
        else if (crashed) reject(crashed);
        else waiters.push(check);
      };
      check();
    });
  return { events, send: (m) => worker!.postMessage(m), until };
}

describe('train.worker', () => {
  it('runs a job to the end with throttled progress and transferred weights', async () => {
    const w = start();
    w.send({ type: 'start', jobId: 'j1', backend: 'wasm', request: { loss: 'both', steps: 4, model: TINY, unitrack: { window: 3 } }, dataset: dataset(), progressIntervalMs: 60_000, checkpointEverySteps: 2 });
    const done = await w.until('finished');
    expect(w.events[0]).toMatchObject({ type: 'started', jobId: 'j1', backend: 'wasm' });
    // Throttled to one per minute: the first step goes out, then only the last.
    expect(w.events.filter((e) => e.type === 'progress').map((e) => (e.type === 'progress' ? e.progress.step : 0))).toEqual([1, 4]);
    expect(w.events.filter((e) => e.type === 'checkpoint')).toHaveLength(1);
    if (done.type !== 'finished') throw new Error('unreachable');
    expect(done.result.status).toBe('completed');
    expect(done.result.weights.data).toBeInstanceOf(Float32Array);
    expect(done.result.weights.data.length).toBeGreaterThan(0);
  }, 60_000);

  it('cancels between steps and reports NaN failures with step and term', async () => {
    const w = start();
    w.send({ type: 'start', jobId: 'long', backend: 'wasm', request: { loss: 'baseline', steps: 100_000, model: TINY }, dataset: dataset(), progressIntervalMs: 0 });
    await w.until('progress');
    w.send({ type: 'cancel', jobId: 'long' });
    const done = await w.until('finished');
    if (done.type !== 'finished') throw new Error('unreachable');
    expect(done.result.status).toBe('cancelled');
    expect(done.result.steps).toBeLessThan(100_000);
    const full = dataset();
    const bad = { ...full, train: full.train.slice(0, 1) };
    bad.train[0]!.frames[0]!.crops[0] = Number.NaN;
    w.send({ type: 'start', jobId: 'nan', backend: 'wasm', request: { loss: 'baseline', steps: 3, model: TINY }, dataset: bad });
    const failed = await w.until('failed');
    expect(failed).toMatchObject({ jobId: 'nan', error: { code: 'non-finite-loss', step: 1, term: 'crossEntropy' } });
  }, 60_000);
});
