// One MPN optimisation step: forward on the batch's union graph, L_MPN (§2.6) plus, for arm B1,
// w_UT·L_UT on the last step's edge flows (§1.10), finiteness checks naming the term, L2 weight decay
// folded into the gradient (PyTorch Adam's weight_decay, §2.7), then Adam.
import * as tf from '@tensorflow/tfjs';
import type { Adam } from '../adam';
import { NonFiniteLossError } from '../trainTypes';
import type { MpnBatch } from './batch';
import { mpnLoss } from './loss';
import { disposeGraphTensors, graphTensors, type MpnParams, mpnForward } from './model';
import type { MpnTrainConfig } from './types';
import { edgeFlows, mpnUnitrackLoss } from './unitrackEdges';

/** Trainable MPN parameters by name. */
export interface MpnTrainable {
  readonly vars: ReadonlyMap<string, tf.Variable>;
  readonly params: MpnParams;
}

/** Loss values, the λ̄ after the step and the number of directed edges seen. */
export interface MpnStepOutcome {
  readonly losses: Readonly<Record<string, number>>;
  readonly lambdaState: [number, number];
  readonly edges: number;
}

const TERM_ORDER = ['bce', 'utFlow', 'utSpatial', 'utTemporal', 'unitrack', 'total'];

/**
 * Computes the arm's loss on `batch`, checks every term and the gradient for NaN/Inf (throwing
 * NonFiniteLossError before any weight changes), then applies weight decay and Adam.
 */
export function mpnTrainStep(model: MpnTrainable, optimizer: Adam, batch: MpnBatch, cfg: MpnTrainConfig, lambdaState: readonly [number, number], stepNumber: number): MpnStepOutcome {
  const E = batch.src.length;
  if (E === 0) return { losses: { total: 0, bce: 0 }, lambdaState: [lambdaState[0], lambdaState[1]], edges: 0 };
  const ut = cfg.loss === 'unitrack';
  const kept: Record<string, tf.Scalar> = {};
  const extra: Record<string, number> = {};
  let lam: [number, number] = [lambdaState[0], lambdaState[1]];
  const g = graphTensors(batch.n, batch.x, batch.dim, batch.edgeAttr, batch.src, batch.dst);
  const names = new Map([...model.vars].map(([k, v]) => [v.name, k]));
  let grads: tf.NamedTensorMap = {};
  let value: tf.Scalar | undefined;
  try {
    ({ value, grads } = tf.variableGrads(() => {
      const term = (name: string, t: tf.Scalar): tf.Scalar => (kept[name] = tf.keep(t));
      const out = mpnForward(model.params, cfg.model.arch, g);
      let total: tf.Scalar = term('bce', mpnLoss(out.logits, batch.labels));
      if (ut) {
        const r = mpnUnitrackLoss(edgeFlows(out.logits[out.logits.length - 1]!), batch.ut, lambdaState, cfg.unitrack);
        lam = r.lambdaState;
        Object.assign(extra, { utFlow: r.values.flow, utSpatial: r.values.spatial, utTemporal: r.values.temporal, utConservation: r.values.conservation });
        total = tf.add(total, tf.mul(term('unitrack', tf.reshape(tf.slice(r.terms, [0], [1]), []) as tf.Scalar), cfg.unitrackWeight));
      }
      return term('total', total);
    }, [...model.vars.values()]));
    const losses: Record<string, number> = { ...extra };
    for (const [k, t] of Object.entries(kept)) losses[k] = t.dataSync()[0]!;
    for (const k of TERM_ORDER) if (k in losses && !Number.isFinite(losses[k])) throw new NonFiniteLossError(stepNumber, k, losses[k]!);
    const gradNorm2 = tf.tidy(() => tf.addN(Object.values(grads).map((x) => tf.sum(tf.square(x)))).dataSync()[0]!);
    if (!Number.isFinite(gradNorm2)) throw new NonFiniteLossError(stepNumber, 'gradient', gradNorm2);
    const decayed = tf.tidy(() =>
      Object.fromEntries(
        Object.entries(grads).map(([k, x]) => {
          const name = names.get(k)!;
          return [name, cfg.weightDecay > 0 ? tf.add(x, tf.mul(model.vars.get(name)!, cfg.weightDecay)) : tf.clone(x)];
        }),
      ),
    );
    try {
      optimizer.apply(decayed);
    } finally {
      tf.dispose(Object.values(decayed));
    }
    return { losses, lambdaState: lam, edges: 2 * E };
  } finally {
    disposeGraphTensors(g);
    tf.dispose([...Object.values(kept), ...Object.values(grads), ...(value ? [value] : [])]);
  }
}
