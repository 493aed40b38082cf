// The evaluation half of an ablation (METHODS.md §6.4-3, -6): every trained arm's weights drive the
// appearance tracker with frozen parameters over the held-out sequences, next to the untrained
// colour-histogram tracker. Each frame is decoded once and its crops are embedded by every model, the
// trackers advancing in lockstep, so memory does not grow with the number of arms or the sequence length.
import { evaluateTables, isEvaluationError } from '../../src-shared/evaluation/evaluate';
import { fail } from '../../src-shared/ipc/result';
import { NO_TRAINING, type AblationRow, type AblationTestSequence } from '../../src-shared/learning/ablationWire';
import { reidCrops } from '../../src-shared/learning/crops';
import type { LossArm, ReidWeightsWire } from '../../src-shared/learning/trainWire';
import { colorHistogram, colorHistogramDim, cropPixels } from '../../src-shared/tracking/colorHistogram';
import { createTracker, trackingSetup } from '../../src-shared/tracking/registry';
import { resultTable } from '../../src-shared/tracking/resultTable';
import { groupByFrame, keepBox, type ResultRow } from '../../src-shared/tracking/sequence';
import { sequentialIds, type FrameDetections, type Tracker } from '../../src-shared/tracking/types';
import { createEmbedder } from '../learning/embedder';
import type { ReidWeights } from '../learning/modelWeights';
import { decodeRgb } from '../media/images';

/** A trained model to evaluate. */
export interface ArmModel {
  readonly arm: LossArm;
  readonly seed: number;
  readonly weights: ReidWeightsWire;
}

/** Headline fields kept per row; switch types are also given per 1000 GT boxes (§6.4-6). */
const FIELDS = ['HOTA', 'DetA', 'AssA', 'IDF1', 'MOTA', 'IDSW', 'Frag', 'GT_Dets'] as const;

function histograms(img: { width: number; height: number; data: Uint8Array }, d: FrameDetections): Float32Array {
  const dim = colorHistogramDim();
  const out = new Float32Array(d.count * dim);
  for (let i = 0; i < d.count; i++) {
    const crop = cropPixels(img.data, img.width, img.height, 3, d.tlbr, 4 * i);
    out.set(colorHistogram(crop.pixels, crop.width, crop.height, 3), i * dim);
  }
  return out;
}

/** Progress and cancel hooks. */
export interface EvalHooks {
  readonly aborted: () => boolean;
  readonly progress: (done: number, total: number, message: string) => void;
}

/** Tracks and evaluates every model (and the untrained tracker) on `test`; null when cancelled. */
export async function evaluateArms(
  models: readonly ArmModel[],
  test: readonly AblationTestSequence[],
  trackerParams: Readonly<Record<string, number | boolean | string>>,
  hooks: EvalHooks,
): Promise<{ rows: AblationRow[]; embedded: number; embedMs: number } | null> {
  const embedders = models.map((m) => createEmbedder(m.weights as unknown as ReidWeights));
  const entries: { arm: LossArm | typeof NO_TRAINING; seed: number | null }[] = [{ arm: NO_TRAINING, seed: null }, ...models.map((m) => ({ arm: m.arm, seed: m.seed }))];
  const results: { name: string; rows: ResultRow[][] }[] = [];
  const totalFrames = test.reduce((n, s) => n + s.seqLength, 0);
  let base = 0;
  let embedded = 0;
  let embedMs = 0;
  try {
    for (const s of test) {
      const setup = trackingSetup('appearance', { official: false, sequenceName: s.name, frameRate: s.fps, params: trackerParams });
      const trackers: Tracker[] = entries.map(() => createTracker('appearance', setup.params, sequentialIds(1)));
      const rows: ResultRow[][] = entries.map(() => []);
      const dets = groupByFrame(s.dets);
      const last = Math.min(s.seqLength, dets.lastFrame);
      for (let f = 1; f <= last; f++) {
        const d = dets.frame(f);
        if (d.count === 0 && setup.loop !== 'every-frame') continue;
        const per: FrameDetections[] = entries.map(() => d);
        if (d.count > 0) {
          const file = s.frameFiles[f - 1];
          if (!file) fail('not_found', `${s.name}: no image for frame ${f}`);
          const img = await decodeRgb(file);
          per[0] = { ...d, embeddings: histograms(img, d), embeddingDim: colorHistogramDim() };
          const t0 = performance.now();
          const bySize = new Map<string, Float32Array>();
          embedders.forEach((e, k) => {
            const key = `${e.inputHeight}x${e.inputWidth}`;
            let crops = bySize.get(key);
            if (!crops) bySize.set(key, (crops = reidCrops(img, d.tlbr, d.count, e.inputHeight, e.inputWidth)));
            per[k + 1] = { ...d, embeddings: e.embed(crops, d.count), embeddingDim: e.dim };
          });
          embedMs += performance.now() - t0;
          embedded += d.count * embedders.length;
        }
        trackers.forEach((t, k) => {
          for (const box of t.update(per[k]!)) if (!setup.filter || keepBox(box.tlwh, setup.filter)) rows[k]!.push({ frame: f, box });
        });
        if (f % 25 === 0) hooks.progress(base + f, totalFrames, `tracking ${s.name} (frame ${f}/${last})`);
        if (hooks.aborted()) return null;
      }
      base += s.seqLength;
      results.push({ name: s.name, rows });
    }
  } finally {
    for (const e of embedders) e.dispose();
  }
  hooks.progress(totalFrames, totalFrames, 'evaluating');
  const out: AblationRow[] = [];
  entries.forEach((e, k) => {
    const r = evaluateTables(
      test.map((s, i) => ({ name: s.name, gt: s.gt, tracker: resultTable(results[i]!.rows[k]!), seqLength: s.seqLength, fps: s.fps, gtHasClassVisibility: s.gtHasClassVisibility })),
      { benchmark: test[0]!.benchmark, doPreproc: true, events: true },
    );
    if (isEvaluationError(r)) fail('invalid_file', `${r.sequence} (${r.which === 'gt' ? 'annotations' : 'results'}) line ${r.line}: ${r.message}`);
    const types = { type1: 0, type2: 0, type3: 0 };
    for (const seq of r.sequences) {
      const t = seq.switches!.totals;
      out.push({ arm: e.arm, seed: e.seed, sequence: seq.name, metrics: rowMetrics(seq.fields, t) });
      types.type1 += t.type1;
      types.type2 += t.type2;
      types.type3 += t.type3;
    }
    out.push({ arm: e.arm, seed: e.seed, sequence: 'COMBINED_SEQ', metrics: rowMetrics(r.combined.fields, types) });
  });
  return { rows: out, embedded, embedMs };
}

/** An ablation row's metrics: the headline fields and the switch types, also per 1000 GT boxes (§6.4-6). */
export function rowMetrics(fields: Readonly<Record<string, number>>, t: { type1: number; type2: number; type3: number }): Record<string, number> {
  const m: Record<string, number> = Object.fromEntries(FIELDS.map((k) => [k, fields[k]!]));
  const per1k = (n: number): number => (m['GT_Dets']! > 0 ? (1000 * n) / m['GT_Dets']! : 0);
  return { ...m, type1: t.type1, type2: t.type2, type3: t.type3, type1Per1k: per1k(t.type1), type2Per1k: per1k(t.type2), type3Per1k: per1k(t.type3) };
}
