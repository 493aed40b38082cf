// Weights as plain data (manifest + Float32Array) round-trip through the store's representation and
// drive an embedder whose rows equal the training forward pass; parameter counts of the default CNN.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createEmbedder } from '../../../../src-main/learning/embedder';
import { backboneWeights, unpackWeights, weightsFromStored } from '../../../../src-main/learning/modelWeights';
import { DEFAULT_REID_CONFIG, backboneParamSpecs, countParams, embedRaw, headParamSpecs, l2Normalize } from '../../../../src-main/learning/reidModel';
import { createTrainableModel, disposeModel, exportWeights } from '../../../../src-main/learning/trainableModel';
import { expectClose } from '../../../helpers/close';
import { mulberry32 } from '../../../helpers/rng';
import { useTfBackend } from '../../../helpers/tf';

useTfBackend('wasm');

describe('ReID weights and embedder', () => {
  it('the default CNN is compact: 100k–300k backbone parameters, 128-d embedding on 64×32 crops', () => {
    const n = countParams(backboneParamSpecs(DEFAULT_REID_CONFIG));
    expect(n).toBeGreaterThan(100_000);
    expect(n).toBeLessThan(300_000);
    expect(countParams(headParamSpecs(DEFAULT_REID_CONFIG, { classes: 10, projection: true, dustbinInit: 5 }))).toBe(128 * 10 + 10 + 3 * (128 * 128 + 128) + 1);
  });

  it('stored as JSON + bytes (misaligned), reloads into an embedder equal to the training forward pass', () => {
    const cfg = { ...DEFAULT_REID_CONFIG, inputHeight: 32, inputWidth: 16 };
    const model = createTrainableModel(cfg, { classes: 5, projection: true, dustbinInit: 5 }, 42);
    const r = mulberry32(1);
    const crops = Float32Array.from({ length: 7 * 32 * 16 * 3 }, () => r());
    try {
      const full = exportWeights(model);
      expect(full.manifest.entries.map((e) => e.name)).toContain('unitrack/dustbin');
      // What SQLite gives back: a Buffer slice at an arbitrary offset.
      const bytes = new Uint8Array(full.data.byteLength + 1);
      bytes.set(new Uint8Array(full.data.buffer, full.data.byteOffset, full.data.byteLength), 1);
      const stored = weightsFromStored(JSON.stringify(full.manifest), bytes.subarray(1));
      expect(Array.from(stored.data)).toEqual(Array.from(full.data));
      const slim = backboneWeights(stored);
      expect(slim.manifest.heads).toBeUndefined();
      expect(slim.data.length).toBe(countParams(backboneParamSpecs(cfg)));
      const embedder = createEmbedder(slim, 3); // batches of 3: exercises the chunking
      const rows = embedder.embed(crops, 7);
      embedder.dispose();
      const want = tf.tidy(() => l2Normalize(embedRaw(model.params, cfg, tf.tensor4d(crops, [7, 32, 16, 3]))).dataSync());
      expectClose(rows, want, 1e-5);
      for (let i = 0; i < 7; i++) expect(Math.hypot(...rows.subarray(i * 128, (i + 1) * 128))).toBeCloseTo(1, 5);
      expect(() => embedder.embed(crops, 6)).toThrow(/expected 6×32×16×3/);
    } finally {
      disposeModel(model);
    }
  });

  it('rejects weights whose manifest does not match its architecture or data', () => {
    const model = createTrainableModel(DEFAULT_REID_CONFIG, { classes: 0, projection: false }, 1);
    try {
      const w = exportWeights(model, true);
      expect(() => unpackWeights({ ...w, data: w.data.subarray(1) })).toThrow(/outside the data/);
      const renamed = { ...w.manifest, entries: w.manifest.entries.map((e) => (e.name === 'conv0/kernel' ? { ...e, name: 'x' } : e)) };
      expect(() => unpackWeights({ manifest: renamed, data: w.data })).toThrow(/lack conv0\/kernel/);
      expect(() => weightsFromStored('{"format":"other"}', new Uint8Array(8))).toThrow(/not trackwright.reid-weights/);
    } finally {
      disposeModel(model);
    }
  });

  it('seeds per parameter name: the backbone does not depend on which heads exist', () => {
    const a = createTrainableModel(DEFAULT_REID_CONFIG, { classes: 3, projection: false }, 9);
    const b = createTrainableModel(DEFAULT_REID_CONFIG, { classes: 7, projection: true, dustbinInit: 5 }, 9);
    const c = createTrainableModel(DEFAULT_REID_CONFIG, { classes: 3, projection: false }, 10);
    try {
      expect(Array.from(exportWeights(a, true).data)).toEqual(Array.from(exportWeights(b, true).data));
      expect(Array.from(exportWeights(a, true).data)).not.toEqual(Array.from(exportWeights(c, true).data));
    } finally {
      [a, b, c].forEach(disposeModel);
    }
  });
});
