// The MPN with the built-in colour-histogram node features on real frames (PETS09-S2L1, ACF detections,
// frames decoded with sharp): trained on frames 1–120, it classifies the edges of frames 121–200 better
// than chance and the untrained model, and tracks them into valid rows that score above the untrained
// model by the TrackEval-identical metrics (MOT15 conventions).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type MotTable, sliceTable } from '../../../src-shared/formats/motTable';
import { parseMotText } from '../../../src-shared/formats/parseMotText';
import { isMotChallengeError, preprocessMotChallenge } from '../../../src-shared/metrics/motChallenge';
import { evaluateSequence, trackEvalFields } from '../../../src-shared/metrics/trackEval';
import { assignGtIds, gtObjectRows, nodesFromTable } from '../../../src-shared/mpn/nodes';
import type { MpnSequence } from '../../../src-main/learning/mpn/clips';
import { computeNodeFeatures, featureSpecOf, type FeatureSource } from '../../../src-main/learning/mpn/features';
import { trackDetectionsMpn } from '../../../src-main/learning/mpn/infer';
import { trainMpn } from '../../../src-main/learning/mpn/train';
import type { MpnTrainRequest } from '../../../src-main/learning/mpn/types';
import { decodeRgb } from '../../../src-main/media/images';
import { SHARED_DATA } from '../../helpers/sharedData';
import { useTfBackend } from '../../helpers/tf';

useTfBackend('wasm');

const SEQ = join(SHARED_DATA, 'mot15', 'MOT15-train', 'PETS09-S2L1');
const table = (kind: 'det' | 'gt'): MotTable => parseMotText(readFileSync(join(SEQ, kind, `${kind}.txt`), 'utf8'), { kind, fileName: `PETS09-S2L1/${kind}`, ...(kind === 'gt' ? { gtLayout: 'world' as const } : {}) }).table;
const source: FeatureSource = { loadFrame: (f) => decodeRgb(join(SEQ, 'img1', `${String(f).padStart(6, '0')}.jpg`)) };
const rowsIn = (t: MotTable, a: number, b: number): MotTable => {
  const keep: number[] = [];
  for (let r = 0; r < t.count; r++) if (t.frame[r]! >= a && t.frame[r]! <= b) keep.push(r);
  return sliceTable(t, keep.length, keep);
};

async function part(name: string, det: MotTable, gt: MotTable, a: number, b: number): Promise<MpnSequence> {
  const nodes = assignGtIds(nodesFromTable(det, (r) => det.frame[r]! >= a && det.frame[r]! <= b), gt, gtObjectRows(gt, { classVisibility: false, minVisibility: 0 }));
  return { name, fps: 7, imageWidth: 768, imageHeight: 576, nodes, features: await computeNodeFeatures(featureSpecOf(source), nodes, source) };
}

describe('MPN with colour-histogram features on PETS09-S2L1', () => {
  it('learns from frames 1–120 and tracks frames 121–200', async () => {
    const [det, gt] = [table('det'), table('gt')];
    const spec = featureSpecOf(source);
    const data = { features: spec, train: [await part('train', det, gt, 1, 120)], validation: [await part('val', det, gt, 121, 200)] };
    expect(data.train[0]!.features.dim).toBe(48);
    const req = (r: Partial<MpnTrainRequest>): MpnTrainRequest => ({ loss: 'bce', steps: 60, seed: 2, graphsPerStep: 2, learningRate: 1e-2, clips: { maxDetections: 120 }, ...r });
    const trained = await trainMpn(req({}), data);
    const untrained = await trainMpn(req({ steps: 1, learningRate: 1e-12 }), data);
    const [t, u] = [trained.validation.at(-1)!.metrics, untrained.validation.at(-1)!.metrics];
    expect(trained.weights.manifest.config.features).toEqual({ kind: 'color-histogram', dim: 48 });
    expect(trained.weights.manifest.config.graph.knn).toBe('appearance');
    expect(t['balancedAccuracy']).toBeGreaterThan(0.8);
    expect(t['balancedAccuracy']).toBeGreaterThan(u['balancedAccuracy']! + 0.2);

    const testDet = rowsIn(det, 121, 200);
    const mine = await trackDetectionsMpn(trained.weights, testDet, 7, source);
    const base = await trackDetectionsMpn(untrained.weights, testDet, 7, source);
    const seen = new Set<string>();
    for (let r = 0; r < mine.table.count; r++) {
      const key = `${mine.table.frame[r]}:${mine.table.id[r]}`;
      expect(seen.has(key) || mine.table.frame[r]! < 121 || mine.table.frame[r]! > 200).toBe(false);
      seen.add(key);
    }
    const score = (res: MotTable): Record<string, number> => {
      const d = preprocessMotChallenge(rowsIn(gt, 121, 200), res, { benchmark: 'MOT15', doPreproc: true, seqLength: 200 });
      if (isMotChallengeError(d)) throw new Error(d.message);
      return trackEvalFields(evaluateSequence(d)).fields;
    };
    const [m, b] = [score(mine.table), score(base.table)];
    expect(m['HOTA']).toBeGreaterThan(b['HOTA']! + 0.1);
    expect(m['IDF1']).toBeGreaterThan(b['IDF1']!);
    // The model needs its features: tracking without frames is refused.
    await expect(trackDetectionsMpn(trained.weights, testDet, 7)).rejects.toThrow(/frames/);
  }, 60_000);
});
