// DeepMOT soft CLEAR-MOT proxies (METHODS.md §4.4–4.7): soft assignments from the DHN's softmax form
// or from our Sinkhorn substitute, soft FP/FN/IDS counts, MOTP from hard (stop-gradient) matches,
// loss = (FN~ + FP~ + γ·IDS~)/M + λ·motpDist. All arg-max / masks / `prev` bookkeeping is host-side.
import * as tf from '@tensorflow/tfjs';
import { sinkhornDustbinOp } from '../sinkhorn';

/** Hyper-parameters of §4.5 (app defaults of §6.4: γ = 1, λ = 5). */
export interface DeepmotOptions {
  readonly gamma: number;
  readonly lambda: number;
  /** §4.5 quirk: a brand-new object that is missed still adds its column to IDS~ (kept for parity). */
  readonly newMissedCountsAsIDS: boolean;
}

/** γ = 1, λ = 5, quirk on. */
export const DEFAULT_DEEPMOT_OPTIONS: DeepmotOptions = { gamma: 1, lambda: 5, newMissedCountsAsIDS: true };

/** Row-wise C^r [N, M+1] and column-wise C^c [N+1, M] soft assignments. */
export interface SoftAssignment {
  readonly cr: tf.Tensor2D;
  readonly cc: tf.Tensor2D;
}

/** §4.4 (DHN output Ã given): C^r = softmax_row(s·[Ã | δ]), C^c = softmax_col(s·[Ã ; δ]). */
export function softAssignSoftmax(a: tf.Tensor2D, s: number, delta: number): SoftAssignment {
  return tf.tidy(() => {
    const [N, M] = a.shape;
    const cr = tf.softmax(tf.mul(tf.concat([a, tf.fill([N, 1], delta)], 1), s), 1) as tf.Tensor2D;
    const ccT = tf.softmax(tf.mul(tf.concat([tf.transpose(a), tf.fill([M, 1], delta)], 1), s), 1);
    return { cr, cc: tf.transpose(ccT) as tf.Tensor2D };
  });
}

/**
 * §4.7 substitute for the DHN: Sinkhorn with a dustbin on S = −D/ε_s, z = −δ_D/ε_s (ε_s = 0.02,
 * δ_D = 0.3); C^r = F[0:N, :], C^c = F[:, 0:M]. Reported as "DeepMOT-Sinkhorn", not the paper's DHN.
 */
export function softAssignSinkhorn(d: tf.Tensor2D, epsS = 0.02, deltaD = 0.3, iters = 50): SoftAssignment {
  return tf.tidy(() => {
    const [N, M] = d.shape;
    const f = sinkhornDustbinOp(tf.div(d, -epsS) as tf.Tensor2D, tf.scalar(-deltaD / epsS), iters);
    return { cr: tf.slice(f, [0, 0], [N, M + 1]), cc: tf.slice(f, [0, 0], [N + 1, M]) };
  });
}

/** One frame's proxies and the updated gtId → hypothesis-id memory. */
export interface DeepmotFrameOutput {
  readonly loss: tf.Scalar;
  readonly fp: tf.Scalar;
  readonly fn: tf.Scalar;
  readonly ids: tf.Scalar;
  readonly motpDist: number;
  readonly prev: Map<number, number>;
  /** n*(m) per GT column (N = missed), the hard decisions used. */
  readonly argmax: Int32Array;
}

/**
 * §4.5 for one frame: N hypotheses (rows, `hypIds`) × M GT objects (columns, `gtIds`), distance matrix
 * `d` [N, M] (differentiable; enters MOTP), previous memory `prev` (not modified). `argmax` may be given
 * (host-side decisions); otherwise it is read from `cc`. Requires M ≥ 1 and N ≥ 1.
 */
export function deepmotFrame(sa: SoftAssignment, d: tf.Tensor2D, hypIds: readonly number[], gtIds: readonly number[], prev: ReadonlyMap<number, number>, opts: DeepmotOptions = DEFAULT_DEEPMOT_OPTIONS, argmax?: Int32Array): DeepmotFrameOutput {
  const [N, M] = d.shape;
  let am = argmax;
  if (!am) {
    const cc = sa.cc.dataSync();
    am = new Int32Array(M);
    for (let m = 0; m < M; m++) for (let n = 1; n <= N; n++) if (cc[n * M + m]! > cc[am[m]! * M + m]!) am[m] = n;
  }
  // IDS~ mask over C^c's real rows (missedMatchErrorV3): which entries of column m count as a switch.
  const idsMask = new Float32Array((N + 1) * M);
  const btp = new Float32Array(N * M);
  const next = new Map(prev);
  let nTP = 0;
  for (let m = 0; m < M; m++) {
    const g = gtIds[m]!;
    const missed = am[m] === N;
    const h = prev.get(g);
    if (h !== undefined) {
      const nPrev = hypIds.indexOf(h);
      for (let n = 0; n < N; n++) if (n !== nPrev) idsMask[n * M + m] = 1;
    } else if (missed && opts.newMissedCountsAsIDS) {
      for (let n = 0; n < N; n++) idsMask[n * M + m] = 1;
    }
    if (!missed) {
      btp[am[m]! * M + m] = 1;
      nTP++;
      next.set(g, hypIds[am[m]!]!);
    }
  }
  const out = tf.tidy(() => {
    const fp = tf.sum(tf.slice(sa.cr, [0, M], [N, 1])) as tf.Scalar; // hypotheses assigned to clutter
    const fn = tf.sum(tf.slice(sa.cc, [N, 0], [1, M])) as tf.Scalar; // objects assigned to "missed"
    const ids = tf.sum(tf.mul(sa.cc, tf.tensor2d(idsMask, [N + 1, M]))) as tf.Scalar;
    const motp = tf.div(tf.sum(tf.mul(d, tf.tensor2d(btp, [N, M]))), Math.max(1, nTP)) as tf.Scalar;
    const loss = tf.add(tf.div(tf.add(tf.add(fn, fp), tf.mul(ids, opts.gamma)), M), tf.mul(motp, opts.lambda)) as tf.Scalar;
    return { fp, fn, ids, loss, motp };
  });
  const motpDist = out.motp.dataSync()[0]!;
  out.motp.dispose();
  return { loss: out.loss, fp: out.fp, fn: out.fn, ids: out.ids, motpDist, prev: next, argmax: am };
}

/**
 * §4.2 box distance D_nm = ½[(1 − IoU⁺¹) + (1 − exp(−5·sqrt(1e-12 + ‖Δc/diag‖²)))] between hypothesis
 * boxes [N, 4] and GT boxes [M, 4] (xyxy px, inclusive "+1 pixel" IoU as in the official code).
 */
export function boxDistanceMatrix(hyp: tf.Tensor2D, gt: tf.Tensor2D, imageWidth: number, imageHeight: number): tf.Tensor2D {
  return tf.tidy(() => {
    const diag = Math.hypot(imageWidth, imageHeight);
    const [h, g] = [tf.expandDims(hyp, 1), tf.expandDims(gt, 0)]; // [N,1,4], [1,M,4]
    const col = (t: tf.Tensor, i: number): tf.Tensor => tf.squeeze(tf.slice(t, [0, 0, i], [-1, -1, 1]), [2]);
    const [hx1, hy1, hx2, hy2] = [0, 1, 2, 3].map((i) => col(h, i)) as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
    const [gx1, gy1, gx2, gy2] = [0, 1, 2, 3].map((i) => col(g, i)) as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
    const iw = tf.relu(tf.add(tf.sub(tf.minimum(hx2, gx2), tf.maximum(hx1, gx1)), 1));
    const ih = tf.relu(tf.add(tf.sub(tf.minimum(hy2, gy2), tf.maximum(hy1, gy1)), 1));
    const inter = tf.mul(iw, ih);
    const area = (x1: tf.Tensor, y1: tf.Tensor, x2: tf.Tensor, y2: tf.Tensor): tf.Tensor => tf.mul(tf.add(tf.sub(x2, x1), 1), tf.add(tf.sub(y2, y1), 1));
    const iou = tf.div(inter, tf.sub(tf.add(area(hx1, hy1, hx2, hy2), area(gx1, gy1, gx2, gy2)), inter));
    const dx = tf.div(tf.sub(tf.div(tf.add(hx1, hx2), 2), tf.div(tf.add(gx1, gx2), 2)), diag);
    const dy = tf.div(tf.sub(tf.div(tf.add(hy1, hy2), 2), tf.div(tf.add(gy1, gy2), 2)), diag);
    const centre = tf.sub(1, tf.exp(tf.mul(-5, tf.sqrt(tf.add(tf.add(tf.square(dx), tf.square(dy)), 1e-12)))));
    return tf.mul(0.5, tf.add(tf.sub(1, iou), centre)) as tf.Tensor2D;
  });
}
