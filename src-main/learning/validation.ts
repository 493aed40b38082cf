// Built-in validation metrics on held-out clips, computed from inference-mode embeddings in plain JS:
// cheap signals of association quality for the loss curves (the tracker-level evaluation — HOTA,
// IDF1, IDSW by type — is the ablation runner's job, through the `validate` hook of train()).
import { checkClip, type TrainingData } from './data';
import type { Embedder } from './embedder';
import { assembleBatch } from './batch';
import { DEFAULT_UNITRACK_CORE, unitrackCore } from './losses/unitrackCore';

/** Options of the built-in metrics. */
export interface ValidationOptions {
  readonly maxClips: number;
  readonly window: number;
  readonly tau: number;
  readonly dustbin: number;
}

/**
 * - `nnAccuracy`: share of detections (with an identity seen in the previous frame) whose most similar
 *   previous-frame detection has the same identity;
 * - `cosGap`: mean cosine of same-identity minus different-identity pairs across consecutive frames;
 * - `flow`: UniTrack's L_flow (§1.5.3, −1 perfect … +1 all wrong) on the validation windows.
 */
export async function builtinValidation(embedder: Embedder, data: TrainingData, opts: ValidationOptions): Promise<Record<string, number>> {
  const n = opts.maxClips > 0 ? Math.min(opts.maxClips, data.validationClipCount) : data.validationClipCount;
  let hits = 0, queries = 0, pos = 0, posN = 0, neg = 0, negN = 0, flow = 0, flowN = 0;
  const D = embedder.dim;
  for (let c = 0; c < n; c++) {
    const clip = await data.validationClip(c);
    checkClip(clip, data.cropHeight, data.cropWidth, `validation clip ${c}`);
    const b = assembleBatch([clip], opts.window, data.cropHeight, data.cropWidth);
    const e = embedder.embed(b.crops, b.count);
    const cos = (i: number, j: number): number => {
      let s = 0;
      for (let k = 0; k < D; k++) s += e[i * D + k]! * e[j * D + k]!;
      return s;
    };
    const frames = b.clips[0]!.frames;
    for (let t = 1; t < frames.length; t++) {
      const [A, B] = [frames[t - 1]!, frames[t]!];
      for (let j = 0; j < B.rows.length; j++) {
        const g = B.gtIds[j]!;
        if (g < 0) continue;
        let best = -Infinity, bestId = -2, present = false;
        for (let i = 0; i < A.rows.length; i++) {
          if (A.gtIds[i]! < 0) continue;
          const s = cos(A.rows[i]!, B.rows[j]!);
          if (A.gtIds[i] === g) {
            present = true;
            pos += s;
            posN++;
          } else {
            neg += s;
            negN++;
          }
          if (s > best) {
            best = s;
            bestId = A.gtIds[i]!;
          }
        }
        if (present) {
          queries++;
          if (bestId === g) hits++;
        }
      }
    }
    if (b.windows.length) {
      const logits = new Float64Array(b.count * b.count);
      for (let i = 0; i < b.count; i++) for (let j = 0; j < b.count; j++) logits[i * b.count + j] = cos(i, j) / opts.tau;
      const v = unitrackCore(logits, b.count, opts.dustbin, b.windows, [0.5, 0.5], { ...DEFAULT_UNITRACK_CORE, fixedLambda: [0.5, 0.5] }).values;
      flow += v.flow * v.windows;
      flowN += v.windows;
    }
  }
  const out: Record<string, number> = {};
  if (queries) out['nnAccuracy'] = hits / queries;
  if (posN && negN) out['cosGap'] = pos / posN - neg / negN;
  if (flowN) out['flow'] = flow / flowN;
  return out;
}
