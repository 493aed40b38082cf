// train() on synthetic coloured-blob clips with a tiny CNN: the loss falls, cancel stops between
// steps, a resumed run equals the uninterrupted one bit for bit, NaN/Inf stops the run naming the step
// and the term, every arm runs, and no tensor leaks (checked after each test by useTfBackend).
import { describe, expect, it } from 'vitest';
import { inMemoryData, type TrainClip, type TrainingData } from '../../../../src-main/learning/data';
import type { ReidConfig } from '../../../../src-main/learning/reidModel';
import { train } from '../../../../src-main/learning/train';
import { LOSS_CHOICES, NonFiniteLossError, type TrainCheckpoint, type TrainRequest } from '../../../../src-main/learning/trainTypes';
import { syntheticClips } from '../../../helpers/syntheticClips';
import { useTfBackend } from '../../../helpers/tf';

useTfBackend('wasm');

const TINY: ReidConfig = { inputHeight: 16, inputWidth: 8, convs: [{ channels: 8, stride: 2 }, { channels: 16, stride: 2 }], embeddingDim: 16 };
const spec = { identities: 8, framesPerClip: 6, peoplePerClip: 3, cropHeight: 16, cropWidth: 8, fpRate: 0.2, missRate: 0.1 };
const TRAIN = syntheticClips({ ...spec, clips: 12, seed: 1 });
const VAL = syntheticClips({ ...spec, clips: 3, seed: 2 });
const data = (train: TrainClip[] = TRAIN): TrainingData => inMemoryData({ cropHeight: 16, cropWidth: 8, numIdentities: 8, train, validation: VAL });
const req = (r: Partial<TrainRequest>): TrainRequest => ({ loss: 'both', steps: 6, seed: 3, model: TINY, learningRate: 3e-3, unitrack: { window: 3 }, ...r });

describe('train()', () => {
  it('reduces the loss on synthetic identities and improves validation association', async () => {
    const r = await train(req({ loss: 'both', steps: 60, validateEverySteps: 30 }), data());
    const mean = (a: number, b: number): number => r.curves.slice(a, b).reduce((s, c) => s + c.losses['total']!, 0) / (b - a);
    expect(r.status).toBe('completed');
    expect(mean(55, 60)).toBeLessThan(mean(0, 5) - 0.5);
    expect(r.validation.map((v) => v.step)).toEqual([30, 60]);
    const untrained = await train(req({ loss: 'both', steps: 1 }), data());
    expect(r.validation[1]!.metrics['cosGap']).toBeGreaterThan(untrained.validation[0]!.metrics['cosGap']! + 0.2);
    expect(r.validation[1]!.metrics['flow']).toBeLessThan(untrained.validation[0]!.metrics['flow']! - 0.1);
    expect(r.curves.every((c) => c.lambdaS! > 0 && c.lambdaS! < 1 && Math.abs(c.lambdaS! + c.lambdaT! - 1) < 1e-9)).toBe(true);
    expect(r.weights.manifest.heads).toBeUndefined(); // the result's weights are the tracker's backbone
  }, 60_000);

  it('cancel stops before the next step and returns a resumable checkpoint', async () => {
    const ac = new AbortController();
    const seen: number[] = [];
    const r = await train(req({ steps: 50 }), data(), {
      signal: ac.signal,
      onProgress: (p) => {
        seen.push(p.step);
        if (p.step === 3) ac.abort();
      },
    });
    expect(r.status).toBe('cancelled');
    expect(r.steps).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
    expect(r.checkpoint.step).toBe(3);
  });

  it.each(['both', 'deepmot'] as const)('resumed from a checkpoint, %s training equals the uninterrupted run exactly', async (loss) => {
    const whole = await train(req({ loss, steps: 6 }), data());
    const saved: TrainCheckpoint[] = [];
    const first = await train(req({ loss, steps: 6 }), data(), { checkpoint: { everySteps: 2, save: (c) => void saved.push(structuredClone(c)) } });
    expect(saved.map((c) => c.step)).toEqual([2, 4]);
    expect(Array.from(first.weights.data)).toEqual(Array.from(whole.weights.data));
    const resumed = await train(req({ loss, steps: 6 }), data(), { resumeFrom: saved[0]! });
    expect(resumed.steps).toBe(6);
    expect(Array.from(resumed.weights.data)).toEqual(Array.from(whole.weights.data));
    expect(resumed.curves.map((c) => c.losses)).toEqual(whole.curves.map((c) => c.losses));
    expect(resumed.checkpoint.lambdaState).toEqual(whole.checkpoint.lambdaState);
    expect(Array.from(resumed.checkpoint.optimizer.v)).toEqual(Array.from(whole.checkpoint.optimizer.v));
  }, 60_000);

  it('refuses a checkpoint of another configuration', async () => {
    const r = await train(req({ steps: 1 }), data());
    await expect(train(req({ steps: 2, learningRate: 1e-2 }), data(), { resumeFrom: r.checkpoint })).rejects.toThrow(/different training configuration/);
  });

  it('stops with NonFiniteLossError naming the step and the term', async () => {
    const poisoned = (mutate: (c: TrainClip) => void): TrainClip[] =>
      TRAIN.map((c) => {
        const copy: TrainClip = { ...c, frames: c.frames.map((f) => ({ ...f, boxesXyxy: f.boxesXyxy.slice(), crops: f.crops.slice() })) };
        mutate(copy);
        return copy;
      });
    const nanBox = poisoned((c) => (c.frames[1]!.boxesXyxy[0] = Number.NaN));
    const err1 = await train(req({ loss: 'unitrack' }), data(nanBox)).catch((e: unknown) => e);
    expect(err1).toBeInstanceOf(NonFiniteLossError);
    expect(err1).toMatchObject({ step: 1, term: 'unitrackSpatial' });
    expect((err1 as Error).message).toBe("training stopped at step 1: loss term 'unitrackSpatial' is NaN");
    const infPixel = poisoned((c) => (c.frames[0]!.crops[5] = Number.POSITIVE_INFINITY));
    await expect(train(req({ loss: 'baseline' }), data(infPixel))).rejects.toMatchObject({ step: 1, term: 'crossEntropy' });
  });

  it.each(LOSS_CHOICES)('runs the %s arm and reports its terms', async (loss) => {
    const progress: string[][] = [];
    const r = await train(req({ loss, steps: 2 }), data(), { onProgress: (p) => progress.push(Object.keys(p.losses).sort()) });
    const want = {
      baseline: ['crossEntropy', 'total', 'triplet'],
      unitrack: ['crossEntropy', 'total', 'triplet', 'unitrack', 'unitrackFlow', 'unitrackSpatial', 'unitrackTemporal'],
      contrastive: ['contrastive', 'crossEntropy', 'total', 'triplet'],
      both: ['contrastive', 'crossEntropy', 'total', 'triplet', 'unitrack', 'unitrackFlow', 'unitrackSpatial', 'unitrackTemporal'],
      deepmot: ['crossEntropy', 'deepmot', 'total', 'triplet'],
    }[loss];
    expect(progress).toEqual([want, want]);
    expect(r.backend).toBe('wasm');
    expect(JSON.parse(JSON.stringify(r.config))).toEqual(r.config);
  });

  it('skips the contrastive term during its warm-up steps', async () => {
    const keys: boolean[] = [];
    await train(req({ loss: 'contrastive', steps: 3, contrastive: { warmupSteps: 2 } }), data(), { onProgress: (p) => keys.push('contrastive' in p.losses) });
    expect(keys).toEqual([false, false, true]);
  });

  it('merges the validate hook with the built-in metrics and rejects mismatched crops', async () => {
    const calls: number[] = [];
    const r = await train(req({ loss: 'baseline', steps: 2 }), data(), {
      validate: (emb, step) => {
        calls.push(step);
        return { dim: emb.dim };
      },
    });
    expect(calls).toEqual([2]);
    expect(Object.keys(r.validation[0]!.metrics).sort()).toEqual(['cosGap', 'dim', 'flow', 'nnAccuracy']);
    await expect(train(req({ steps: 1, model: { ...TINY, inputHeight: 32 } }), data())).rejects.toThrow(/crops are 16×8/);
  });
});
