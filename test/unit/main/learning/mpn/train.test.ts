// trainMpn() on synthetic walkers: the loss falls and held-out edge classification beats chance and the
// untrained model, cancel returns a resumable checkpoint, a resumed run equals the uninterrupted one bit for
// bit (both arms), NaN stops the run naming the term, weights survive the store round trip, no tensor leaks.
import { describe, expect, it } from 'vitest';
import type { MpnSequence } from '../../../../../src-main/learning/mpn/clips';
import { trainMpn } from '../../../../../src-main/learning/mpn/train';
import type { MpnCheckpoint, MpnTrainingData, MpnTrainRequest } from '../../../../../src-main/learning/mpn/types';
import { mpnWeightsFromStored, unpackMpnWeights } from '../../../../../src-main/learning/mpn/weights';
import { NonFiniteLossError } from '../../../../../src-main/learning/trainTypes';
import { syntheticSequence } from '../../../../helpers/mpnSynthetic';
import { useTfBackend } from '../../../../helpers/tf';

useTfBackend('wasm');

const spec = { people: 6, frames: 60, fps: 12, missRate: 0.15, fpPerFrame: 1 };
const TRAIN = [syntheticSequence({ ...spec, seed: 1 }), syntheticSequence({ ...spec, seed: 2 })];
const VAL = [syntheticSequence({ ...spec, seed: 3 })];
const data = (train: readonly MpnSequence[] = TRAIN): MpnTrainingData => ({ features: { kind: 'none', dim: 1 }, train, validation: VAL });
// Small clips (8 sampled frames at 6 fps, K = 10) and 4 message-passing steps keep a step ~50 ms.
const req = (r: Partial<MpnTrainRequest>): MpnTrainRequest => ({
  loss: 'unitrack',
  steps: 4,
  seed: 3,
  graphsPerStep: 2,
  learningRate: 1e-2,
  arch: { steps: 4, classSteps: 3 },
  graph: { k: 10 },
  clips: { framesPerGraph: 8, minDetections: 10 },
  maxValidationGraphs: 6,
  ...r,
});

describe('trainMpn()', () => {
  it('reduces the loss and beats the untrained model on held-out edges', async () => {
    const r = await trainMpn(req({ loss: 'bce', steps: 40, validateEverySteps: 40 }), data());
    const mean = (a: number, b: number): number => r.curves.slice(a, b).reduce((s, c) => s + c.losses['bce']!, 0) / (b - a);
    expect(r.status).toBe('completed');
    expect(mean(35, 40)).toBeLessThan(0.6 * mean(0, 5));
    const untrained = await trainMpn(req({ loss: 'bce', steps: 1, learningRate: 1e-12 }), data());
    const trained = r.validation[0]!.metrics;
    expect(trained['balancedAccuracy']).toBeGreaterThan(0.85);
    expect(trained['balancedAccuracy']).toBeGreaterThan(untrained.validation[0]!.metrics['balancedAccuracy']! + 0.2);
    expect(trained['bce']).toBeLessThan(untrained.validation[0]!.metrics['bce']!);
  }, 60_000);

  it('B1 reports the UniTrack terms and λ̄ in (0, 1)', async () => {
    const r = await trainMpn(req({ steps: 3 }), data());
    for (const c of r.curves) {
      for (const k of ['bce', 'unitrack', 'utFlow', 'utSpatial', 'utTemporal', 'utConservation', 'total']) expect(Number.isFinite(c.losses[k]), k).toBe(true);
      expect(c.lambdaS! > 0 && c.lambdaS! < 1 && Math.abs(c.lambdaS! + c.lambdaT! - 1) < 1e-9).toBe(true);
      expect(c.losses['total']).toBeCloseTo(c.losses['bce']! + c.losses['unitrack']!, 4);
    }
  });

  it('cancel stops before the next step and returns a resumable checkpoint', async () => {
    const ac = new AbortController();
    const seen: number[] = [];
    const r = await trainMpn(req({ steps: 50 }), data(), {
      signal: ac.signal,
      onProgress: (p) => {
        seen.push(p.step);
        if (p.step === 2) ac.abort();
      },
    });
    expect(r.status).toBe('cancelled');
    expect(seen).toEqual([1, 2]);
    expect(r.checkpoint.step).toBe(2);
  });

  it.each(['bce', 'unitrack'] as const)('resumed from a checkpoint, %s training equals the uninterrupted run exactly', async (loss) => {
    const whole = await trainMpn(req({ loss, steps: 4 }), data());
    const saved: MpnCheckpoint[] = [];
    await trainMpn(req({ loss, steps: 4 }), data(), { checkpoint: { everySteps: 2, save: (c) => void saved.push(structuredClone(c)) } });
    expect(saved.map((c) => c.step)).toEqual([2]);
    const resumed = await trainMpn(req({ loss, steps: 4 }), data(), { resumeFrom: saved[0]! });
    expect(Array.from(resumed.weights.data)).toEqual(Array.from(whole.weights.data));
    expect(resumed.curves.map((c) => c.losses)).toEqual(whole.curves.map((c) => c.losses));
    expect(resumed.checkpoint.lambdaState).toEqual(whole.checkpoint.lambdaState);
    expect(Array.from(resumed.checkpoint.optimizer.v)).toEqual(Array.from(whole.checkpoint.optimizer.v));
  }, 60_000);

  it('refuses a checkpoint of another configuration', async () => {
    const r = await trainMpn(req({ steps: 1 }), data());
    await expect(trainMpn(req({ steps: 2, learningRate: 5e-2 }), data(), { resumeFrom: r.checkpoint })).rejects.toThrow(/different training configuration/);
  });

  it('stops with NonFiniteLossError naming the step and the term', async () => {
    // NaN node features on every 5th detection reach the node encoder, hence every logit.
    const poisoned = TRAIN.map((s) => ({ ...s, features: { dim: 1, values: s.features.values.map((v, i) => (i % 5 === 0 ? Number.NaN : v)) } }));
    const e1 = await trainMpn(req({ loss: 'bce' }), data(poisoned)).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(NonFiniteLossError);
    expect(e1).toMatchObject({ step: 1, term: 'bce' });
    // A NaN image size reaches only UniTrack's spatial term (distances over the diagonal).
    const noDiag = TRAIN.map((s) => ({ ...s, imageWidth: Number.NaN }));
    const e2 = await trainMpn(req({ loss: 'unitrack' }), data(noDiag)).catch((e: unknown) => e);
    expect(e2).toMatchObject({ step: 1, term: 'utSpatial' });
  });

  it('weights survive the store round trip and carry the model config', async () => {
    const r = await trainMpn(req({ steps: 1 }), data());
    const bytes = new Uint8Array(r.weights.data.buffer.slice(0));
    const back = mpnWeightsFromStored(JSON.stringify(r.weights.manifest), bytes);
    expect(Array.from(back.data)).toEqual(Array.from(r.weights.data));
    expect(back.manifest.config).toEqual(r.config.model);
    expect(unpackMpnWeights(back).get('cls/1/bias')).toHaveLength(1);
    expect(() => mpnWeightsFromStored(JSON.stringify({ ...r.weights.manifest, format: 'other' }), bytes)).toThrow(/not trackwright.mpn-weights/);
  });
});
