// A run's artifacts: checkpoints round-trip bit for bit through the project file (resume depends on
// it), weights are stored as the manifest plus float32 bytes the appearance tracker loads.
import { afterEach, describe, expect, it } from 'vitest';
import { decodeCheckpoint, encodeCheckpoint, loadCheckpoint, loadReidWeights, storeCheckpoint, storeTrainResult } from '../../../../../src-main/services/training/trainArtifacts';
import type { ProjectStore } from '../../../../../src-main/store/project/projectStore';
import type { TrainCheckpointWire } from '../../../../../src-shared/learning/trainWire';
import { checkDatabaseLeaks } from '../../../../helpers/leaks';
import { projectWithSequence } from '../../../../helpers/project';

checkDatabaseLeaks();
const open: ProjectStore[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));

const manifest = { format: 'trackwright.reid-weights', version: 1, config: { inputHeight: 8, inputWidth: 4, convs: [{ channels: 2, stride: 1 }], embeddingDim: 3 }, entries: [{ name: 'w', shape: [5], offset: 0 }] };
const checkpoint: TrainCheckpointWire = {
  format: 'trackwright.train-checkpoint',
  version: 1,
  config: { loss: 'both', steps: 9, seed: 4 },
  step: 3,
  weights: { manifest, data: Float32Array.of(0.1, -2, 3e-8, Math.PI, -0) },
  optimizer: { t: 3, m: Float32Array.of(1, 2, 3, 4, 5), v: Float32Array.of(5e-9, 4, 3, 2, 1) },
  rng: { seed: 4, counter: 3 },
  lambdaState: [0.25, 0.75],
  curves: [{ step: 1, losses: { total: 1.5 }, lambdaS: 0.5, lambdaT: 0.5, stepMs: 10 }],
  validation: [{ step: 3, metrics: { nnAccuracy: 0.5 } }],
};

describe('training artifacts', () => {
  it('round-trips a checkpoint exactly, also through SQLite', () => {
    const e = encodeCheckpoint(checkpoint);
    expect(decodeCheckpoint(JSON.parse(JSON.stringify(e.meta)), e.data)).toEqual(checkpoint);
    const p = projectWithSequence(3);
    open.push(p.store);
    const run = p.store.runs.insert({ jobId: 'j', kind: 'train', title: 't', config: {}, createdMs: 1 });
    storeCheckpoint(p.store, run, checkpoint, 5);
    storeCheckpoint(p.store, run, { ...checkpoint, step: 4 }, 6); // the latest replaces the previous
    expect(p.store.runs.artifacts(run).filter((a) => a.name === 'checkpoint')).toHaveLength(1);
    const back = loadCheckpoint(p.store, run);
    expect(back.step).toBe(4);
    expect(Array.from(back.optimizer.v)).toEqual(Array.from(checkpoint.optimizer.v));
    expect(Object.is(back.weights.data[4], -0)).toBe(true);
  });

  it('stores weights as the tracker loads them, and refuses runs without them', () => {
    const p = projectWithSequence(3);
    open.push(p.store);
    const run = p.store.runs.insert({ jobId: 'j', kind: 'train', title: 't', config: {}, createdMs: 1 });
    expect(() => loadReidWeights(p.store, run)).toThrow(/no trained weights/);
    storeTrainResult(p.store, run, { weights: checkpoint.weights, curves: checkpoint.curves, validation: [] }, 7);
    const w = loadReidWeights(p.store, run);
    expect(JSON.parse(w.manifest)).toEqual(manifest);
    expect(Array.from(new Float32Array(w.data.slice().buffer))).toEqual(Array.from(checkpoint.weights.data));
    const evalRun = p.store.runs.insert({ jobId: 'k', kind: 'eval', title: 'e', config: {}, createdMs: 1 });
    expect(() => loadReidWeights(p.store, evalRun)).toThrow(/not a training run/);
    expect(() => loadCheckpoint(p.store, evalRun)).toThrow(/no checkpoint/);
  });
});
