// mpn.worker.ts in a real worker thread (TypeScript through tsx): a training job runs to the end with
// throttled progress, a checkpoint and transferred weights; a tracking job with those weights returns MOT
// rows; cancel ends a job with a cancelled result; NaN fails naming the step and the term.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { MpnWorkerEvent, MpnWorkerRequest } from '../../../src-main/learning/mpn/messages';
import type { MpnTrainingData, MpnTrainRequest } from '../../../src-main/learning/mpn/types';
import { syntheticSequence } from '../../helpers/mpnSynthetic';

const spec = { people: 4, frames: 30, fps: 6, missRate: 0.1, fpPerFrame: 1 };
const data = (): MpnTrainingData => ({ features: { kind: 'none', dim: 1 }, train: [syntheticSequence({ ...spec, seed: 1 })] });
const request = (steps: number): MpnTrainRequest => ({ loss: 'unitrack', steps, graphsPerStep: 1, arch: { steps: 3, classSteps: 2 }, graph: { k: 8 }, clips: { framesPerGraph: 6, minDetections: 5 } });

let worker: Worker | undefined;
afterEach(async () => {
  await worker?.terminate();
  worker = undefined;
});

function start(): { events: MpnWorkerEvent[]; send: (m: MpnWorkerRequest) => void; until: (type: MpnWorkerEvent['type'], jobId: string) => Promise<MpnWorkerEvent> } {
  const entry = new URL('../../../src-main/learning/mpn/mpn.worker.ts', import.meta.url).href;
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  worker = new Worker(boot, { eval: true, stdout: true, stderr: true });
  worker.stdout.resume();
  worker.stderr.resume();
  const events: MpnWorkerEvent[] = [];
  const waiters: (() => void)[] = [];
  let crashed: Error | undefined;
  worker.on('message', (e: MpnWorkerEvent) => {
    events.push(e);
    waiters.splice(0).forEach((w) => w());
  });
  worker.on('error', (e) => {
    crashed = e;
    waiters.splice(0).forEach((w) => w());
  });
  const until = (type: MpnWorkerEvent['type'], jobId: string): Promise<MpnWorkerEvent> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const hit = events.find((e) => e.type === type && e.jobId === jobId);
        if (hit) resolve(hit);
        else if (crashed) reject(crashed);
        else waiters.push(check);
      };
      check();
    });
  return { events, send: (m) => worker!.postMessage(m), until };
}

describe('mpn.worker', () => {
  it('trains, then tracks with the transferred weights', async () => {
    const w = start();
    w.send({ type: 'start', jobId: 't1', backend: 'wasm', job: { kind: 'train', request: request(4), data: data(), checkpointEverySteps: 2 }, progressIntervalMs: 60_000 });
    const done = await w.until('finished', 't1');
    expect(w.events[0]).toMatchObject({ type: 'started', jobId: 't1', backend: 'wasm' });
    const steps = w.events.filter((e) => e.type === 'progress' && e.jobId === 't1').map((e) => (e.type === 'progress' && e.kind === 'train' ? e.progress.step : 0));
    expect(steps).toEqual([1, 4]);
    expect(w.events.filter((e) => e.type === 'checkpoint')).toHaveLength(1);
    if (done.type !== 'finished' || done.kind !== 'train') throw new Error('unreachable');
    expect(done.result.status).toBe('completed');
    expect(done.result.weights.data).toBeInstanceOf(Float32Array);
    const seq = syntheticSequence({ ...spec, seed: 2 });
    w.send({ type: 'start', jobId: 'k1', job: { kind: 'track', weights: done.result.weights, nodes: seq.nodes, fps: seq.fps }, progressIntervalMs: 0 });
    const tracked = await w.until('finished', 'k1');
    if (tracked.type !== 'finished' || tracked.kind !== 'track') throw new Error('unreachable');
    expect(tracked.result.status).toBe('completed');
    expect(tracked.result.table.kind).toBe('res');
    expect(tracked.result.table.frame).toBeInstanceOf(Int32Array);
    expect(w.events.some((e) => e.type === 'progress' && e.jobId === 'k1' && e.kind === 'track' && e.progress.windowsDone === e.progress.windows)).toBe(true);
  }, 60_000);

  it('cancels between steps and reports NaN failures with step and term', async () => {
    const w = start();
    w.send({ type: 'start', jobId: 'long', backend: 'wasm', job: { kind: 'train', request: { ...request(100_000), loss: 'bce' }, data: data() }, progressIntervalMs: 0 });
    await w.until('progress', 'long');
    w.send({ type: 'cancel', jobId: 'long' });
    const done = await w.until('finished', 'long');
    if (done.type !== 'finished' || done.kind !== 'train') throw new Error('unreachable');
    expect(done.result.status).toBe('cancelled');
    expect(done.result.steps).toBeLessThan(100_000);
    const bad = data();
    bad.train[0]!.features.values.fill(Number.NaN);
    w.send({ type: 'start', jobId: 'nan', job: { kind: 'train', request: { ...request(3), loss: 'bce' }, data: bad } });
    const failed = await w.until('failed', 'nan');
    expect(failed).toMatchObject({ jobId: 'nan', error: { code: 'non-finite-loss', step: 1, term: 'bce' } });
  }, 60_000);
});
