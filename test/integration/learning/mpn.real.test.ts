// The MPN on real data (METHODS.md §2, §6.3): trained briefly on MOT17-02 and MOT17-04 public FRCNN
// detections (labels from GT by the §0.2 Hungarian, IoU ≥ 0.5; no frames, so 'none' node features),
// it classifies the edges of held-out MOT17-09 far better than chance and the untrained model, tracks
// MOT17-09 into valid MOT rows, and scores (TrackEval-identical metrics) near SORT's reference HOTA on the
// same detections (../shared/data/parity, TrackEval output). The UniTrack arm runs on the same data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMotText } from '../../../src-shared/formats/parseMotText';
import type { MotTable } from '../../../src-shared/formats/motTable';
import { isMotChallengeError, preprocessMotChallenge } from '../../../src-shared/metrics/motChallenge';
import { evaluateSequence, trackEvalFields } from '../../../src-shared/metrics/trackEval';
import { assignGtIds, gtObjectRows, nodesFromTable } from '../../../src-shared/mpn/nodes';
import type { MpnSequence } from '../../../src-main/learning/mpn/clips';
import { trackDetectionsMpn } from '../../../src-main/learning/mpn/infer';
import { trainMpn } from '../../../src-main/learning/mpn/train';
import type { MpnTrainingData, MpnTrainRequest } from '../../../src-main/learning/mpn/types';
import { SHARED_DATA } from '../../helpers/sharedData';
import { useTfBackend } from '../../helpers/tf';

useTfBackend('wasm');

const MOT17 = join(SHARED_DATA, 'mot17', 'MOT17-train');
const read = (seq: string, kind: 'det' | 'gt'): MotTable =>
  parseMotText(readFileSync(join(MOT17, seq, kind, `${kind}.txt`), 'utf8'), { kind, fileName: `${seq}/${kind}` }).table;

function sequence(name: string): MpnSequence {
  const gt = read(name, 'gt');
  const nodes = assignGtIds(nodesFromTable(read(name, 'det')), gt, gtObjectRows(gt, { classVisibility: true, minVisibility: 0 }));
  return { name, fps: 30, imageWidth: 1920, imageHeight: 1080, nodes, features: { dim: 1, values: new Float32Array(nodes.count).fill(1) } };
}

const data = (): MpnTrainingData => ({ features: { kind: 'none', dim: 1 }, train: [sequence('MOT17-02-FRCNN'), sequence('MOT17-04-FRCNN')], validation: [sequence('MOT17-09-FRCNN')] });
// Clips of 15 frames at 6 fps capped at 200 detections, K = 20, 2 graphs per step: ~0.4 s a step here.
const request = (r: Partial<MpnTrainRequest>): MpnTrainRequest => ({ loss: 'bce', steps: 40, seed: 1, graphsPerStep: 2, learningRate: 1e-2, graph: { k: 20 }, clips: { maxDetections: 200 }, ...r });

function scores(res: MotTable): Record<string, number> {
  const d = preprocessMotChallenge(read('MOT17-09-FRCNN', 'gt'), res, { benchmark: 'MOT17', doPreproc: true, seqLength: 525 });
  if (isMotChallengeError(d)) throw new Error(d.message);
  return trackEvalFields(evaluateSequence(d)).fields;
}

describe('MPN on MOT17 public detections', () => {
  it('trains on MOT17-02/04, classifies held-out MOT17-09 edges and tracks it about as well as SORT', async () => {
    const d = data();
    const trained = await trainMpn(request({}), d);
    const untrained = await trainMpn(request({ steps: 1, learningRate: 1e-12 }), d);
    const [t, u] = [trained.validation.at(-1)!.metrics, untrained.validation.at(-1)!.metrics];
    expect(t['edges']).toBeGreaterThan(5000);
    expect(t['balancedAccuracy']).toBeGreaterThan(0.85);
    expect(t['balancedAccuracy']).toBeGreaterThan(u['balancedAccuracy']! + 0.2);
    expect(t['bce']).toBeLessThan(u['bce']!);

    const det = read('MOT17-09-FRCNN', 'det');
    const mine = await trackDetectionsMpn(trained.weights, det, 30);
    const base = await trackDetectionsMpn(untrained.weights, det, 30);
    // Valid rows: frames 1..525, one box per id and frame, positive sizes.
    const seen = new Set<string>();
    for (let r = 0; r < mine.table.count; r++) {
      expect(mine.table.frame[r]! >= 1 && mine.table.frame[r]! <= 525).toBe(true);
      expect(mine.table.w[r]! > 0 && mine.table.h[r]! > 0).toBe(true);
      const key = `${mine.table.frame[r]}:${mine.table.id[r]}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    const [m, b] = [scores(mine.table), scores(base.table)];
    const sort = JSON.parse(readFileSync(join(SHARED_DATA, 'parity', 'trackeval.json'), 'utf8')).sort_mot17pub.preproc.sequences['MOT17-09-FRCNN'];
    expect(m['HOTA']).toBeGreaterThan(b['HOTA']! + 0.15);
    expect(m['IDF1']).toBeGreaterThan(b['IDF1']! + 0.15);
    expect(m['HOTA']).toBeGreaterThan(0.85 * sort.HOTA);
    expect(m['MOTA']).toBeGreaterThan(0.85 * sort.MOTA);
  }, 60_000);

  it('the +UniTrack arm (B1) trains on the same data with finite terms', async () => {
    const r = await trainMpn(request({ loss: 'unitrack', steps: 3 }), { ...data(), validation: [] });
    for (const c of r.curves) for (const k of ['bce', 'unitrack', 'utFlow', 'utSpatial', 'utTemporal']) expect(Number.isFinite(c.losses[k]), k).toBe(true);
    expect(r.curves.at(-1)!.lambdaS).toBeGreaterThan(0);
  }, 60_000);
});
