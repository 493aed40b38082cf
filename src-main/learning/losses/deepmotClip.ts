// DeepMOT on a training clip, appearance branch (METHODS.md §4.6 with the §4.7 Sinkhorn substitute,
// §6.2: "run the online association with current embeddings over the clip (host side)"). Tracks are
// simulated online: hypotheses = tracks so far with prototype = mean of their last ≤ 10 embeddings,
// objects = the frame's GT-matched crops; the per-frame proxies of §4.5 are averaged over the clip.
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_DEEPMOT_OPTIONS, type DeepmotOptions, deepmotFrame, softAssignSinkhorn } from './deepmot';

/** A frame of the clip: rows of the embedding matrix and their GT ids (−1 = FP, not an object). */
export interface DeepmotClipFrame {
  readonly rows: ArrayLike<number>;
  readonly gtIds: ArrayLike<number>;
}

/** Options of the clip simulation. */
export interface DeepmotClipOptions extends DeepmotOptions {
  readonly epsS: number;
  readonly deltaD: number;
  readonly iters: number;
  /** Prototype = mean of the track's last `protoLength` embeddings. */
  readonly protoLength: number;
}

/** §4.7 constants and §6.4 weights. */
export const DEFAULT_DEEPMOT_CLIP_OPTIONS: DeepmotClipOptions = { ...DEFAULT_DEEPMOT_OPTIONS, epsS: 0.02, deltaD: 0.3, iters: 50, protoLength: 10 };

/** Mean loss over the frames that had hypotheses and objects, with soft counts summed over them. */
export interface DeepmotClipOutput {
  readonly loss: tf.Scalar;
  readonly frames: number;
  readonly fp: number;
  readonly fn: number;
  readonly ids: number;
}

/** DeepMOT-Sinkhorn loss of one clip on L2-normalised embeddings `emb` [n, D]. */
export function deepmotClipLoss(emb: tf.Tensor2D, frames: readonly DeepmotClipFrame[], opts: DeepmotClipOptions = DEFAULT_DEEPMOT_CLIP_OPTIONS): DeepmotClipOutput {
  const n = emb.shape[0];
  const tracks: { hyp: number; rows: number[] }[] = [];
  let prev = new Map<number, number>();
  const losses: tf.Scalar[] = [];
  const sums = { fp: 0, fn: 0, ids: 0 };
  try {
    for (const f of frames) {
      const objRows: number[] = [];
      const objIds: number[] = [];
      for (let i = 0; i < f.rows.length; i++) {
        if (f.gtIds[i]! < 0) continue;
        objRows.push(f.rows[i]!);
        objIds.push(f.gtIds[i]!);
      }
      const M = objRows.length;
      const N = tracks.length;
      if (M > 0 && N > 0) {
        // Constant averaging / selection matrices stand in for gather (no gather gradient on wasm).
        const avg = new Float32Array(N * n);
        tracks.forEach((t, k) => t.rows.forEach((r) => (avg[k * n + r] = 1 / t.rows.length)));
        const sel = new Float32Array(M * n);
        objRows.forEach((r, m) => (sel[m * n + r] = 1));
        const hypIds = tracks.map((t) => t.hyp);
        let decided: { prev: Map<number, number>; argmax: Int32Array } | undefined;
        const loss = tf.tidy(() => {
          const proto = tf.matMul(tf.tensor2d(avg, [N, n]), emb);
          const p = tf.div(proto, tf.maximum(tf.norm(proto, 'euclidean', 1, true), 1e-12));
          const g = tf.matMul(tf.tensor2d(sel, [M, n]), emb);
          const d = tf.mul(0.5, tf.sub(1, tf.matMul(p, g, false, true))) as tf.Tensor2D; // D^app (§4.2)
          const sa = softAssignSinkhorn(d, opts.epsS, opts.deltaD, opts.iters);
          const r = deepmotFrame(sa, d, hypIds, objIds, prev, opts);
          sums.fp += r.fp.dataSync()[0]!;
          sums.fn += r.fn.dataSync()[0]!;
          sums.ids += r.ids.dataSync()[0]!;
          decided = { prev: r.prev, argmax: r.argmax };
          return r.loss;
        });
        losses.push(loss);
        prev = decided!.prev;
        // Host-side bookkeeping: matched objects extend their track, missed ones start a new track.
        decided!.argmax.forEach((k, m) => {
          if (k < N) {
            const rows = tracks[k]!.rows;
            rows.push(objRows[m]!);
            if (rows.length > opts.protoLength) rows.shift();
          } else tracks.push({ hyp: tracks.length, rows: [objRows[m]!] });
        });
      } else {
        // No hypotheses yet (first frame): every object starts a track; frames with M = 0 add nothing.
        objRows.forEach((r, m) => {
          prev.set(objIds[m]!, tracks.length);
          tracks.push({ hyp: tracks.length, rows: [r] });
        });
      }
    }
    const loss = losses.length ? (tf.tidy(() => tf.div(tf.addN(losses), losses.length)) as tf.Scalar) : tf.scalar(0);
    return { loss, frames: losses.length, ...sums };
  } finally {
    tf.dispose(losses);
  }
}
