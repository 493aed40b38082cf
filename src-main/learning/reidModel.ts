// The appearance (ReID) CNN: plain 3×3 convs + ReLU, global average pooling, a linear embedding,
// L2-normalised. Functional (named tensors, no tfjs-layers) so that training, serialisation and
// inference share one parameter list, and no normalisation layer keeps train/eval behaviour identical.
// Only ops whose gradients run on every backend (after registerTrainableConv2dGradient) are used:
// no depthwise convs, no gather, no batch norm.
import * as tf from '@tensorflow/tfjs';
import { Rng, hashString, mixSeed } from './rng';

/** One 3×3 convolution stage: output channels and stride (2 halves the resolution). */
export interface ConvSpec {
  readonly channels: number;
  readonly stride: number;
}

/** Architecture of the ReID CNN; stored with the weights so a tracker can rebuild it. */
export interface ReidConfig {
  /** Crop height × width in pixels (RGB, values in [0, 1]). */
  readonly inputHeight: number;
  readonly inputWidth: number;
  readonly convs: readonly ConvSpec[];
  /** Length of the L2-normalised embedding. */
  readonly embeddingDim: number;
}

/**
 * The default network: ~232k parameters, 64×32 crops, 128-d embedding. The stride-2 stem halves the
 * cost of the first two stages (the bulk of the FLOPs at full resolution): ~1.6× the training
 * throughput of a stride-1 stem on wasm for a similar parameter count (bench/learning.bench.ts).
 */
export const DEFAULT_REID_CONFIG: ReidConfig = {
  inputHeight: 64,
  inputWidth: 32,
  convs: [
    { channels: 24, stride: 2 },
    { channels: 32, stride: 1 },
    { channels: 48, stride: 2 },
    { channels: 64, stride: 1 },
    { channels: 96, stride: 2 },
    { channels: 128, stride: 1 },
  ],
  embeddingDim: 128,
};

/** Training-only heads; none of them is needed for inference. */
export interface HeadSpec {
  /** Identity classes of the ID cross-entropy head (0 = no classifier). */
  readonly classes: number;
  /** Whether the FDTA projection head (CFE, METHODS.md §3.2) exists. */
  readonly projection: boolean;
  /** Initial UniTrack dustbin logit (METHODS.md §1.4); undefined = no dustbin parameter. */
  readonly dustbinInit?: number;
}

/** A named parameter and how to initialise it. */
export interface ParamSpec {
  readonly name: string;
  readonly shape: readonly number[];
  /** 'he': N(0, 2/fanIn); 'glorot': N(0, 2/(fanIn+fanOut)); or a constant fill. */
  readonly init: 'he' | 'glorot' | number;
  readonly fanIn: number;
  readonly fanOut: number;
}

/** Parameters of the backbone and embedding, in forward order. */
export function backboneParamSpecs(cfg: ReidConfig): ParamSpec[] {
  const specs: ParamSpec[] = [];
  let cin = 3;
  cfg.convs.forEach((c, i) => {
    specs.push({ name: `conv${i}/kernel`, shape: [3, 3, cin, c.channels], init: 'he', fanIn: 9 * cin, fanOut: 9 * c.channels });
    specs.push({ name: `conv${i}/bias`, shape: [c.channels], init: 0, fanIn: 0, fanOut: 0 });
    cin = c.channels;
  });
  specs.push({ name: 'embed/kernel', shape: [cin, cfg.embeddingDim], init: 'glorot', fanIn: cin, fanOut: cfg.embeddingDim });
  specs.push({ name: 'embed/bias', shape: [cfg.embeddingDim], init: 0, fanIn: 0, fanOut: 0 });
  return specs;
}

/** Parameters of the training heads. */
export function headParamSpecs(cfg: ReidConfig, heads: HeadSpec): ParamSpec[] {
  const d = cfg.embeddingDim;
  const specs: ParamSpec[] = [];
  if (heads.classes > 0) {
    specs.push({ name: 'classifier/kernel', shape: [d, heads.classes], init: 'glorot', fanIn: d, fanOut: heads.classes });
    specs.push({ name: 'classifier/bias', shape: [heads.classes], init: 0, fanIn: 0, fanOut: 0 });
  }
  if (heads.projection) {
    // FDTA's CFE: 3-layer MLP of the embedding width, ReLU on the hidden layers (METHODS.md §3.2).
    for (let i = 0; i < 3; i++) {
      specs.push({ name: `projection${i}/kernel`, shape: [d, d], init: 'he', fanIn: d, fanOut: d });
      specs.push({ name: `projection${i}/bias`, shape: [d], init: 0, fanIn: 0, fanOut: 0 });
    }
  }
  if (heads.dustbinInit !== undefined) specs.push({ name: 'unitrack/dustbin', shape: [], init: heads.dustbinInit, fanIn: 0, fanOut: 0 });
  return specs;
}

/** Number of scalars in a parameter list. */
export function countParams(specs: readonly ParamSpec[]): number {
  return specs.reduce((s, p) => s + p.shape.reduce((a, b) => a * b, 1), 0);
}

/**
 * Initial values, seeded per parameter name: the same seed gives the same backbone whatever heads
 * exist, so ablation arms start from identical weights (METHODS.md §6.2-3).
 */
export function initParamValues(specs: readonly ParamSpec[], seed: number): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  for (const s of specs) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    const v = new Float32Array(n);
    if (typeof s.init === 'number') v.fill(s.init);
    else {
      const std = Math.sqrt(s.init === 'he' ? 2 / s.fanIn : 2 / (s.fanIn + s.fanOut));
      const r = new Rng(mixSeed(seed, hashString(s.name)));
      for (let i = 0; i < n; i++) v[i] = r.normal() * std;
    }
    out.set(s.name, v);
  }
  return out;
}

/** Named parameter tensors (variables while training, constants in an embedder). */
export type ParamTensors = Readonly<Record<string, tf.Tensor>>;

function param(p: ParamTensors, name: string): tf.Tensor {
  const t = p[name];
  if (!t) throw new Error(`ReID model: missing parameter ${name}`);
  return t;
}

/**
 * Un-normalised embeddings of a batch of crops [B, H, W, 3] in [0, 1].
 * `fused` uses tf.fused.conv2d (faster, but it has no gradient on wasm): inference only.
 */
export function embedRaw(p: ParamTensors, cfg: ReidConfig, crops: tf.Tensor4D, fused = false): tf.Tensor2D {
  return tf.tidy(() => {
    // Centre the [0, 1] pixels; a fixed affine map instead of a learned normaliser.
    let h: tf.Tensor4D = tf.mul(tf.sub(crops, 0.5), 4);
    cfg.convs.forEach((c, i) => {
      const k = param(p, `conv${i}/kernel`) as tf.Tensor4D;
      const b = param(p, `conv${i}/bias`) as tf.Tensor1D;
      h = fused
        ? tf.fused.conv2d({ x: h, filter: k, strides: c.stride, pad: 'same', bias: b, activation: 'relu' })
        : (tf.relu(tf.add(tf.conv2d(h, k, c.stride, 'same'), b)) as tf.Tensor4D);
    });
    const pooled = tf.mean(h, [1, 2]) as tf.Tensor2D;
    return tf.add(tf.matMul(pooled, param(p, 'embed/kernel') as tf.Tensor2D), param(p, 'embed/bias')) as tf.Tensor2D;
  });
}

/** Row-wise L2 normalisation with ‖x‖ ≥ 1e-12 (METHODS.md §0.3-6). */
export function l2Normalize(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.div(x, tf.maximum(tf.norm(x, 'euclidean', 1, true), 1e-12)) as tf.Tensor2D);
}

/** Identity logits of the ID cross-entropy head, on the un-normalised embedding. */
export function classifierLogits(p: ParamTensors, embRaw: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.add(tf.matMul(embRaw, param(p, 'classifier/kernel') as tf.Tensor2D), param(p, 'classifier/bias')) as tf.Tensor2D);
}

/** FDTA's consistent feature extractor g(e) (METHODS.md §3.2); the loss normalises its output. */
export function projectionHead(p: ParamTensors, emb: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    let h = emb;
    for (let i = 0; i < 3; i++) {
      h = tf.add(tf.matMul(h, param(p, `projection${i}/kernel`) as tf.Tensor2D), param(p, `projection${i}/bias`)) as tf.Tensor2D;
      if (i < 2) h = tf.relu(h);
    }
    return h;
  });
}
