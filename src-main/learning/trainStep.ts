// One optimisation step: the arm's losses on one batch (one CNN pass for all of them), the finiteness
// checks, and the Adam update. Shared by train() and the learning benchmark.
import * as tf from '@tensorflow/tfjs';
import type { Adam } from './adam';
import type { StepBatch } from './batch';
import { batchHardTriplet, identityCrossEntropy } from './losses/baseline';
import { deepmotClipLoss } from './losses/deepmotClip';
import { iaAnchorCount, qaInfoNCE } from './losses/qaInfoNCE';
import { unitrackLoss } from './losses/unitrack';
import type { UnitrackValues } from './losses/unitrackCore';
import { classifierLogits, embedRaw, l2Normalize, projectionHead } from './reidModel';
import type { TrainableModel } from './trainableModel';
import { type LossValues, NonFiniteLossError, type TrainConfig } from './trainTypes';

/** Losses of the step and the λ̄ state after it. */
export interface StepOutcome {
  readonly losses: LossValues;
  readonly lambdaState: [number, number];
  readonly unitrack?: UnitrackValues;
}

/** Order in which a non-finite value is blamed: the first bad term in the chain names the cause. */
const TERM_ORDER = ['crossEntropy', 'triplet', 'unitrackFlow', 'unitrackSpatial', 'unitrackTemporal', 'unitrack', 'contrastive', 'deepmot', 'total'];

/**
 * Computes the arm's loss on `batch`, checks every term and the gradient for NaN/Inf (throwing
 * NonFiniteLossError naming `stepNumber` and the term, before any weight changes), then applies Adam.
 */
export function trainStep(model: TrainableModel, optimizer: Adam, batch: StepBatch, cfg: TrainConfig, lambdaState: readonly [number, number], stepNumber: number): StepOutcome {
  const ut = cfg.loss === 'unitrack' || cfg.loss === 'both';
  const ia = (cfg.loss === 'contrastive' || cfg.loss === 'both') && stepNumber > cfg.contrastive.warmupSteps;
  const dm = cfg.loss === 'deepmot';
  const p = model.params;
  const kept: Record<string, tf.Scalar> = {};
  const extra: Record<string, number> = {};
  let utOut: { values: UnitrackValues; lambdaState: [number, number] } | undefined;
  const x = tf.tensor4d(batch.crops, [batch.count, model.config.inputHeight, model.config.inputWidth, 3]);
  const names = new Map([...model.vars].map(([k, v]) => [v.name, k]));
  let grads: tf.NamedTensorMap = {};
  let value: tf.Scalar | undefined;
  try {
    ({ value, grads } = tf.variableGrads(() => {
      const raw = embedRaw(p, model.config, x);
      const emb = l2Normalize(raw);
      const term = (name: string, t: tf.Scalar): tf.Scalar => (kept[name] = tf.keep(t));
      let total = tf.add(
        term('crossEntropy', model.heads.classes > 0 ? identityCrossEntropy(classifierLogits(p, raw), batch.identities, cfg.baseline.labelSmoothing) : tf.scalar(0)),
        term('triplet', batchHardTriplet(emb, batch.identities, cfg.baseline.margin)),
      ) as tf.Scalar;
      if (ut) {
        const out = unitrackLoss(emb, p['unitrack/dustbin'] as tf.Scalar, batch.windows, lambdaState, cfg.unitrack);
        utOut = out;
        Object.assign(extra, { unitrackFlow: out.values.flow, unitrackSpatial: out.values.spatial, unitrackTemporal: out.values.temporal });
        total = tf.add(total, tf.mul(term('unitrack', tf.slice(out.terms, [0], [1]).reshape([]) as tf.Scalar), cfg.lossWeights.unitrack));
      }
      if (ia) {
        // One IA loss per clip (its pool), averaged over the clips that have an anchor (§3.2, §6.2).
        const z = projectionHead(p, emb);
        const parts = batch.clips
          .filter((c) => iaAnchorCount(batch.identities.subarray(c.start, c.end), batch.quality.subarray(c.start, c.end), cfg.contrastive.qMin) > 0)
          .map((c) => qaInfoNCE(tf.slice(z, [c.start, 0], [c.end - c.start, -1]), batch.identities.subarray(c.start, c.end), batch.quality.subarray(c.start, c.end), cfg.contrastive));
        const l = parts.length ? (tf.div(tf.addN(parts), parts.length) as tf.Scalar) : tf.scalar(0);
        total = tf.add(total, tf.mul(term('contrastive', l), cfg.lossWeights.contrastive));
      }
      if (dm) {
        const parts = batch.clips.map((c) => deepmotClipLoss(tf.slice(emb, [c.start, 0], [c.end - c.start, -1]), c.frames, cfg.deepmot));
        const used = parts.filter((r) => r.frames > 0).map((r) => r.loss);
        const l = used.length ? (tf.div(tf.addN(used), used.length) as tf.Scalar) : tf.scalar(0);
        total = tf.add(total, tf.mul(term('deepmot', l), cfg.lossWeights.deepmot));
      }
      return term('total', total);
    }, [...model.vars.values()]));
    const losses: Record<string, number> = { ...extra };
    for (const [k, t] of Object.entries(kept)) losses[k] = t.dataSync()[0]!;
    for (const k of TERM_ORDER) if (k in losses && !Number.isFinite(losses[k])) throw new NonFiniteLossError(stepNumber, k, losses[k]!);
    const gradNorm2 = tf.tidy(() => tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))).dataSync()[0]!);
    if (!Number.isFinite(gradNorm2)) throw new NonFiniteLossError(stepNumber, 'gradient', gradNorm2);
    optimizer.apply(Object.fromEntries(Object.entries(grads).map(([k, g]) => [names.get(k)!, g])));
    return { losses, lambdaState: utOut?.lambdaState ?? [lambdaState[0], lambdaState[1]], ...(utOut ? { unitrack: utOut.values } : {}) };
  } finally {
    tf.dispose([x, ...Object.values(kept), ...Object.values(grads), ...(value ? [value] : [])]);
  }
}
