// UniTrack loss (METHODS.md §1, paper-faithful reading of §1.5) as one tfjs op over the embeddings:
// logits S = E·Eᵀ/τ are the only tensor maths; flows, targets, q, λ and |E| are evaluated by the
// float64 core (losses/unitrackCore.ts) with its exact adjoint, so every stop-gradient of §1.8 holds
// by construction and the loss costs a matmul plus microseconds of JS per step.
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_UNITRACK_CORE, type UnitrackCoreOptions, type UnitrackValues, type UnitrackWindow, unitrackCore } from './unitrackCore';

/** All UniTrack hyper-parameters (§1.7). */
export interface UnitrackOptions extends UnitrackCoreOptions {
  /** Flow temperature τ (logits = cos/τ). */
  readonly tau: number;
}

/** §1.7 defaults: τ 0.1, 50 Sinkhorn iterations, α 0.9, η 0.01, κ_s 1, κ_t 0.5, ε 1e-3, proximity graph. */
export const DEFAULT_UNITRACK_OPTIONS: UnitrackOptions = { ...DEFAULT_UNITRACK_CORE, tau: 0.1 };

/** Index of each entry in the `terms` tensor. */
export const UNITRACK_TERMS = ['total', 'flow', 'spatial', 'temporal'] as const;

/** The loss tensor and its diagnostics. */
export interface UnitrackOutput {
  /** [total, flow, spatial, temporal] (window means; total includes q, λ̄ and log(|E|+1)); differentiable. */
  readonly terms: tf.Tensor1D;
  readonly values: UnitrackValues;
  /** λ̄ after this batch (EMA state to pass to the next step). */
  readonly lambdaState: [number, number];
}

/**
 * UniTrack on a logit matrix [n, n] (entry (a, b) = association logit of crop a to crop b, i.e.
 * cos/τ + nothing else; motion logits go in the windows). Differentiable w.r.t. `logits` and `z`.
 */
export function unitrackFromLogits(logits: tf.Tensor2D, z: tf.Scalar, windows: readonly UnitrackWindow[], lambdaState: readonly [number, number], opts: UnitrackCoreOptions = DEFAULT_UNITRACK_CORE): UnitrackOutput {
  const n = logits.shape[0];
  let out: { values: UnitrackValues; lambdaState: [number, number] } | undefined;
  const op = tf.customGrad((...inputs) => {
    const [l, zz] = inputs as [tf.Tensor, tf.Tensor];
    const r = unitrackCore(l.dataSync(), n, zz.dataSync()[0]!, windows, lambdaState, opts);
    out = r;
    const v = r.values;
    return {
      value: tf.tensor1d([v.total, v.flow, v.spatial, v.temporal]),
      gradFunc: (dy: tf.Tensor) => {
        const d = dy.dataSync();
        const g = r.backward([d[0]!, d[1]!, d[2]!, d[3]!]);
        return [tf.tensor2d(Float32Array.from(g.logitsBar), [n, n]), tf.scalar(g.zBar)];
      },
    };
  });
  const terms = op(logits, z) as tf.Tensor1D;
  return { terms, values: out!.values, lambdaState: out!.lambdaState };
}

/**
 * UniTrack on L2-normalised embeddings `emb` [n, D] whose rows the windows reference (§1.5.1:
 * S_ij = cos(e_t^i, e_{t+1}^j)/τ). Gradients reach `emb` (hence the CNN) and `z` only through the flows.
 */
export function unitrackLoss(emb: tf.Tensor2D, z: tf.Scalar, windows: readonly UnitrackWindow[], lambdaState: readonly [number, number], opts: UnitrackOptions = DEFAULT_UNITRACK_OPTIONS): UnitrackOutput {
  const logits = tf.tidy(() => tf.div(tf.matMul(emb, emb, false, true), opts.tau) as tf.Tensor2D);
  try {
    return unitrackFromLogits(logits, z, windows, lambdaState, opts);
  } finally {
    logits.dispose();
  }
}
