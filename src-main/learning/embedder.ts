// Inference with the ReID CNN: crops in, L2-normalised embedding rows out. This is what the appearance
// tracker receives (as a function) — it never sees tfjs.
import * as tf from '@tensorflow/tfjs';
import { type ReidWeights, unpackWeights } from './modelWeights';
import { type ParamTensors, type ReidConfig, backboneParamSpecs, embedRaw, l2Normalize } from './reidModel';

/** Embeds crops (NHWC RGB in [0, 1], count × inputHeight × inputWidth × 3) into count × dim rows. */
export interface Embedder {
  readonly dim: number;
  readonly inputHeight: number;
  readonly inputWidth: number;
  embed(crops: Float32Array, count: number): Float32Array;
  /** Frees the weights on the tfjs backend (only for embedders that own them). */
  dispose(): void;
}

/** An embedder over existing parameter tensors, which stay owned by the caller (used during training). */
export function embedderFromParams(params: ParamTensors, cfg: ReidConfig, batchSize = 64): Embedder {
  const per = cfg.inputHeight * cfg.inputWidth * 3;
  return {
    dim: cfg.embeddingDim,
    inputHeight: cfg.inputHeight,
    inputWidth: cfg.inputWidth,
    embed(crops, count) {
      if (crops.length !== count * per) throw new Error(`embed: expected ${count}×${cfg.inputHeight}×${cfg.inputWidth}×3 values, got ${crops.length}`);
      const out = new Float32Array(count * cfg.embeddingDim);
      for (let s = 0; s < count; s += batchSize) {
        const n = Math.min(batchSize, count - s);
        const rows = tf.tidy(() => {
          const x = tf.tensor4d(crops.subarray(s * per, (s + n) * per), [n, cfg.inputHeight, cfg.inputWidth, 3]);
          return l2Normalize(embedRaw(params, cfg, x, true)).dataSync();
        });
        out.set(rows, s * cfg.embeddingDim);
      }
      return out;
    },
    dispose() {},
  };
}

/** An embedder that owns a copy of `weights` on the current tfjs backend (heads, if any, are ignored). */
export function createEmbedder(weights: ReidWeights, batchSize = 64): Embedder {
  const values = unpackWeights(weights);
  const cfg = weights.manifest.config;
  const params: Record<string, tf.Tensor> = {};
  for (const s of backboneParamSpecs(cfg)) params[s.name] = tf.tensor(values.get(s.name)!, [...s.shape]);
  const inner = embedderFromParams(params, cfg, batchSize);
  return { ...inner, dispose: () => tf.dispose(Object.values(params)) };
}
