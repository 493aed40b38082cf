// A training run's weights as the appearance tracker's embedding function, for worker entries (the
// services may not load tfjs: they pass `loadReidWeights(store, runId)` from services/training in the
// job's payload). Crops are cut exactly as training cut them (src-shared/learning/crops.ts), so the
// network sees at inference the pixels it was trained on.
import { reidCrops, type RgbPixels } from '../../src-shared/learning/crops';
import type { FrameDetections } from '../../src-shared/tracking/types';
import { createEmbedder } from '../learning/embedder';
import { weightsFromStored } from '../learning/modelWeights';

/** Embeds detections: L2-normalised rows of `dim` values. */
export interface FrameEmbedder {
  readonly dim: number;
  readonly inputHeight: number;
  readonly inputWidth: number;
  /** The rows of a decoded frame's detections (count × dim). */
  embedFrame(img: RgbPixels, d: FrameDetections): Float32Array;
  /** The rows of ready crops (NHWC RGB in [0, 1]). */
  embed(crops: Float32Array, count: number): Float32Array;
  /** Frees the weights on the tfjs backend. */
  dispose(): void;
}

/** Loads stored weights (manifest JSON + float32 bytes) on the worker's current tfjs backend. */
export function loadEmbedder(weights: { readonly manifest: string; readonly data: Uint8Array }): FrameEmbedder {
  const model = createEmbedder(weightsFromStored(weights.manifest, weights.data));
  return {
    dim: model.dim,
    inputHeight: model.inputHeight,
    inputWidth: model.inputWidth,
    embedFrame: (img, d) => (d.count === 0 ? new Float32Array(0) : model.embed(reidCrops(img, d.tlbr, d.count, model.inputHeight, model.inputWidth), d.count)),
    embed: (crops, count) => model.embed(crops, count),
    dispose: () => model.dispose(),
  };
}
