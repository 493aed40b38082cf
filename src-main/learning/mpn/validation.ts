// Built-in validation of an MPN on held-out clip graphs: class-balanced BCE of the last step, edge
// accuracy, balanced accuracy (chance = 0.5 whatever the class ratio), precision/recall of active edges,
// and the flow-constraint satisfaction rate before rounding (METHODS.md §6.4 item 6).
import * as tf from '@tensorflow/tfjs';
import { constraintSatisfaction } from '../../../src-shared/mpn/rounding';
import { assembleMpnBatch } from './batch';
import type { Clip, MpnSequence } from './clips';
import type { MpnModelConfig } from './config';
import { posWeight } from './loss';
import { disposeGraphTensors, graphTensors, type MpnParams, mpnForward } from './model';

/** Edge metrics over all directed copies of the clips (threshold 0.5 on σ(ℓ^(L))). */
export interface EdgeMetrics {
  readonly bce: number;
  readonly accuracy: number;
  readonly balancedAccuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly constraintSatisfaction: number;
  readonly edges: number;
}

/** Runs the MPN on each clip's graph (one at a time) and scores its last-step edge predictions. */
export function evaluateEdges(params: MpnParams, model: MpnModelConfig, seqs: readonly MpnSequence[], clips: readonly Clip[]): EdgeMetrics {
  let tp = 0, fp = 0, tn = 0, fn = 0, bce = 0, edges = 0, sat = 0, nodes = 0;
  for (const clip of clips) {
    const b = assembleMpnBatch(seqs, [clip], model.graph, false);
    const E = b.src.length;
    if (E === 0) continue;
    const g = graphTensors(b.n, b.x, b.dim, b.edgeAttr, b.src, b.dst);
    let out: tf.Tensor | undefined;
    let logits: Float32Array;
    try {
      // dataSync outside tf.tidy: tidy walks a returned typed array element by element.
      out = tf.tidy(() => mpnForward(params, model.arch, g, true).logits[0]!);
      logits = out.dataSync() as Float32Array;
    } finally {
      out?.dispose();
      disposeGraphTensors(g);
    }
    const pw = posWeight(b.labels);
    const pUndirected = new Float64Array(E);
    for (let e = 0; e < 2 * E; e++) {
      const l = logits[e]!;
      const y = b.labels[e]!;
      // softplus(−l) = −log σ(l), softplus(l) = −log(1 − σ(l)), computed stably.
      const sp = (x: number): number => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
      bce += y ? pw * sp(-l) : sp(l);
      const on = l > 0;
      if (on && y) tp++;
      else if (on) fp++;
      else if (y) fn++;
      else tn++;
      pUndirected[e % E] = pUndirected[e % E]! + 0.5 / (1 + Math.exp(-l));
    }
    sat += constraintSatisfaction(b.n, b.src, b.dst, pUndirected) * b.n;
    nodes += b.n;
    edges += 2 * E;
  }
  const ratio = (a: number, c: number): number => (c > 0 ? a / c : 0);
  return {
    bce: ratio(bce, edges),
    accuracy: ratio(tp + tn, edges),
    balancedAccuracy: (ratio(tp, tp + fn) + ratio(tn, tn + fp)) / 2,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    constraintSatisfaction: nodes ? sat / nodes : 1,
    edges,
  };
}
