// The training form as data: requests it makes (and the reasons it refuses), resuming a stored run, and
// the curves the charts draw from live progress and stored artifacts.
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../src-shared/ipc/contract/runs';
import { buildRequest, EMPTY_FORM, resumeForm, type TrainFormState } from '../../../src-renderer/views/train/trainRequest';
import { addPoint, lossTerms, pointFromDetail, pointsFromCurves, thin, validationFrom } from '../../../src-renderer/views/train/trainSeries';

const form = (o: Partial<TrainFormState>): TrainFormState => ({ ...EMPTY_FORM, trainSequences: ['S1'], ...o });

describe('buildRequest', () => {
  it('makes a train.start request with only what was given', () => {
    expect(buildRequest('p', form({ loss: 'unitrack', steps: '200', learningRate: '1e-3', window: '7', seed: '4', detectionSet: 'det', backend: 'wasm', validationSequences: ['S2'] }))).toEqual({
      channel: 'train.start',
      request: { project: 'p', backend: 'wasm', trainSequences: ['S1'], validationSequences: ['S2'], detectionSet: 'det', loss: 'unitrack', steps: 200, seed: 4, learningRate: 0.001, window: 7 },
    });
    // The window only goes with the losses that use it; empty fields take the service's defaults.
    expect(buildRequest('p', form({ loss: 'contrastive', window: '7' })).request).toEqual({ project: 'p', trainSequences: ['S1'], loss: 'contrastive', steps: 500, seed: 0 });
  });

  it('asks the MPN tracker for its model and feature run', () => {
    expect(buildRequest('p', form({ model: 'mpn', loss: 'baseline', featureRunId: '3' })).request).toMatchObject({ model: 'mpn', featureRunId: 3, loss: 'baseline' });
    expect(() => buildRequest('p', form({ model: 'mpn', loss: 'deepmot' }))).toThrow(/MPN tracker does not train with the deepmot loss/);
  });

  it('makes an ablate.start request', () => {
    const r = buildRequest('p', form({ mode: 'ablate', testSequences: ['S3'], detectionSet: 'det', arms: ['baseline', 'unitrack', 'deepmot'], seeds: '1, 2 3', steps: '50' }));
    expect(r).toEqual({ channel: 'ablate.start', request: { project: 'p', trainSequences: ['S1'], testSequences: ['S3'], detectionSet: 'det', arms: ['baseline', 'unitrack', 'deepmot'], steps: 50, seeds: [1, 2, 3] } });
  });

  it('says what to fix', () => {
    expect(() => buildRequest('p', form({ trainSequences: [] }))).toThrow(/at least one training sequence/);
    expect(() => buildRequest('p', form({ steps: '2.5' }))).toThrow(/steps must be a whole number from 1 to 1000000 \(got "2.5"\)/);
    expect(() => buildRequest('p', form({ learningRate: 'fast' }))).toThrow(/learning rate/);
    expect(() => buildRequest('p', form({ loss: 'both', window: '1' }))).toThrow(/window must be a whole number from 2 to 32/);
    expect(() => buildRequest('p', form({ mode: 'ablate', testSequences: ['S3'] }))).toThrow(/pick a detection set/);
    expect(() => buildRequest('p', form({ mode: 'ablate', testSequences: ['S3'], detectionSet: 'det', arms: ['unitrack', 'both'] }))).toThrow(/tick baseline/);
    expect(() => buildRequest('p', form({ mode: 'ablate', testSequences: ['S3'], detectionSet: 'det', seeds: '1, x' }))).toThrow(/each seed/);
  });
});

describe('resumeForm', () => {
  const stored: RunSummary = {
    id: 7,
    jobId: 'j',
    parentId: null,
    kind: 'train',
    state: 'cancelled',
    title: 't',
    config: { request: { loss: 'both', steps: 300, seed: 2, learningRate: 0.0005, unitrack: { window: 6 } }, trainSequences: ['A', 'B'], validationSequences: null, detectionSet: 'det' },
    backend: 'wasm',
    progress: null,
    summary: null,
    error: null,
    createdMs: 0,
    startedMs: 0,
    finishedMs: 1,
  };

  it("keeps the run's settings, asks for its planned steps, and sends resumeRunId", () => {
    const f = resumeForm(stored, 40);
    expect(f).toMatchObject({ loss: 'both', steps: '300', seed: '2', learningRate: '0.0005', window: '6', trainSequences: ['A', 'B'], validationSequences: [], detectionSet: 'det', resumeRunId: 7, resumeStep: 40 });
    expect(buildRequest('p', f).request).toMatchObject({ resumeRunId: 7, steps: 300, loss: 'both', seed: 2, learningRate: 0.0005, window: 6 });
    // A finished run continues for as many steps again; fewer steps than it reached is refused.
    expect(resumeForm(stored, 300).steps).toBe('600');
    expect(() => buildRequest('p', { ...f, steps: '40' })).toThrow(/already reached step 40/);
    expect(() => resumeForm({ ...stored, kind: 'eval' }, 1)).toThrow(/only training runs resume/);
    // An MPN run keeps the API's loss name at the top of its config (its request has learning's 'bce').
    const mpn = resumeForm({ ...stored, config: { model: 'mpn', loss: 'baseline', request: { loss: 'bce', steps: 20, seed: 0 }, trainSequences: ['A'], featureRunId: 3 } }, 5);
    expect(buildRequest('p', mpn).request).toMatchObject({ model: 'mpn', loss: 'baseline', featureRunId: 3, resumeRunId: 7, steps: 20 });
  });
});

describe('training curves', () => {
  it('takes points from training progress details, not from other phases', () => {
    expect(pointFromDetail({ phase: 'train', step: 4, losses: { total: 1, triplet: 0.3, bad: 'x' }, lambdaS: 0.6, lambdaT: 0.4, cropsPerSec: 90 })).toEqual({ step: 4, losses: { total: 1, triplet: 0.3 }, lambdaS: 0.6, lambdaT: 0.4, cropsPerSec: 90, series: undefined });
    expect(pointFromDetail({ phase: 'train', arm: 'unitrack', seed: 2, step: 1, losses: {} })?.series).toBe('unitrack (seed 2)');
    expect(pointFromDetail({ model: 'mpn', phase: 'train', step: 2, losses: { total: 0.5 }, edgesPerSec: 900 })).toMatchObject({ step: 2, edgesPerSec: 900, cropsPerSec: undefined });
    expect(pointFromDetail({ phase: 'armStart', arm: 'x' })).toBeUndefined();
    expect(pointFromDetail(undefined)).toBeUndefined();
  });

  it('reads stored curves and validation, refusing a curves artifact that is not a list', () => {
    expect(pointsFromCurves([{ step: 1, losses: { total: 2 }, stepMs: 500 }, { nope: 1 }])).toEqual([{ step: 1, losses: { total: 2 }, lambdaS: undefined, lambdaT: undefined, stepMs: 500 }]);
    expect(() => pointsFromCurves({})).toThrow(/not a list/);
    expect(validationFrom([{ step: 10, metrics: { nnAccuracy: 0.7 } }])).toEqual([{ step: 10, metrics: { nnAccuracy: 0.7 } }]);
  });

  it('merges points by step, the newer replacing the older, and orders terms with total first', () => {
    let pts = addPoint([], { step: 2, losses: { triplet: 1, total: 3 } });
    pts = addPoint(pts, { step: 1, losses: { total: 4 } });
    pts = addPoint(pts, { step: 2, losses: { total: 2.5 } });
    pts = addPoint(pts, { step: 3, losses: { total: 2 } });
    expect(pts.map((p) => [p.step, p.losses['total']])).toEqual([
      [1, 4],
      [2, 2.5],
      [3, 2],
    ]);
    expect(lossTerms([{ step: 1, losses: { triplet: 1, crossEntropy: 2, total: 3 } }])).toEqual(['total', 'triplet', 'crossEntropy']);
  });

  it('thins long series evenly and keeps both ends', () => {
    const xs = Array.from({ length: 10_001 }, (_, i) => i);
    const t = thin(xs, 101);
    expect(t).toHaveLength(101);
    expect(t[0]).toBe(0);
    expect(t[100]).toBe(10_000);
    expect(t[50]).toBe(5000);
    expect(thin([1, 2], 5)).toEqual([1, 2]);
  });
});
