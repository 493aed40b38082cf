// The evaluation half of an MPN ablation (METHODS.md §6.4-3, -6): every trained arm's MPN tracks the
// held-out sequences' detections with the same inference settings (§2.8 defaults), and each result is
// evaluated against the annotations (HOTA, IDF1, MOTA, ID switches by type). Node features of a test
// sequence are computed once and shared by every model.
import { evaluateTables, isEvaluationError } from '../../src-shared/evaluation/evaluate';
import { fail } from '../../src-shared/ipc/result';
import type { AblationRow } from '../../src-shared/learning/ablationWire';
import type { MpnArmName, MpnTestSequence } from '../../src-shared/learning/mpnWire';
import { nodesFromTable } from '../../src-shared/mpn/nodes';
import { sampleSequence, samplingStep } from '../../src-shared/mpn/windows';
import type { MotTable } from '../../src-shared/formats/motTable';
import { trackMpn } from '../learning/mpn/infer';
import { loadMpnModel, type MpnWeights } from '../learning/mpn/weights';
import { rowMetrics } from './ablationEval';
import type { NodeFeatureMaker } from './mpnData';

/** A trained arm to evaluate. */
export interface MpnArmModel {
  readonly arm: MpnArmName;
  readonly seed: number;
  readonly weights: MpnWeights;
}

/** Tracks with every model and evaluates; null when cancelled. */
export async function evaluateMpnArms(
  models: readonly MpnArmModel[],
  test: readonly MpnTestSequence[],
  maker: NodeFeatureMaker,
  hooks: { readonly signal: AbortSignal; readonly progress: (done: number, total: number, message: string) => void },
): Promise<AblationRow[] | null> {
  if (!models.length) return [];
  const targetFps = models[0]!.weights.manifest.config.targetFps;
  const tables: MotTable[][] = models.map(() => []);
  const total = test.length * models.length;
  let done = 0;
  for (const s of test) {
    const nodes = nodesFromTable(s.dets);
    // Every arm shares the architecture and sampling rate: features of the sampled nodes, once.
    const sampled = sampleSequence(nodes, samplingStep(s.fps, targetFps)).nodes;
    const features = maker.spec.kind === 'none' ? undefined : await maker.features(s.name, nodes, s.frameFiles, sampled);
    for (const [k, m] of models.entries()) {
      hooks.progress(done, total, `tracking ${s.name} with ${m.arm} (seed ${m.seed})`);
      const model = loadMpnModel(m.weights);
      try {
        const r = await trackMpn(model, nodes, features, s.fps, { signal: hooks.signal });
        if (r.status === 'cancelled') return null;
        tables[k]!.push(r.table);
      } finally {
        model.dispose();
      }
      done++;
    }
  }
  hooks.progress(total, total, 'evaluating');
  const rows: AblationRow[] = [];
  models.forEach((m, k) => {
    const r = evaluateTables(
      test.map((s, i) => ({ name: s.name, gt: s.gt, tracker: tables[k]![i]!, seqLength: s.seqLength, fps: s.fps, gtHasClassVisibility: s.gtHasClassVisibility })),
      { benchmark: test[0]!.benchmark, doPreproc: true, events: true },
    );
    if (isEvaluationError(r)) fail('invalid_file', `${r.sequence} (${r.which === 'gt' ? 'annotations' : 'results'}) line ${r.line}: ${r.message}`);
    const types = { type1: 0, type2: 0, type3: 0 };
    for (const seq of r.sequences) {
      const t = seq.switches!.totals;
      rows.push({ arm: m.arm, seed: m.seed, sequence: seq.name, metrics: rowMetrics(seq.fields, t) });
      types.type1 += t.type1;
      types.type2 += t.type2;
      types.type3 += t.type3;
    }
    rows.push({ arm: m.arm, seed: m.seed, sequence: 'COMBINED_SEQ', metrics: rowMetrics(r.combined.fields, types) });
  });
  return rows;
}
