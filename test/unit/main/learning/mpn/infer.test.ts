// MPN inference (METHODS.md §2.8) on synthetic walkers: a briefly trained model tracks a held-out sequence
// into valid MOT rows (one box per id and frame, interpolated gaps) with high IDF1 by the TrackEval-identical
// metrics, far above the untrained model; windows, cancel, features and result-row conversion.
import { describe, expect, it } from 'vitest';
import { allocTable, type MotTable, sliceTable } from '../../../../../src-shared/formats/motTable';
import { isMotChallengeError, preprocessMotChallenge } from '../../../../../src-shared/metrics/motChallenge';
import { evaluateSequence, trackEvalFields } from '../../../../../src-shared/metrics/trackEval';
import { colorHistogram, cropPixels } from '../../../../../src-shared/tracking/colorHistogram';
import type { MpnSequence } from '../../../../../src-main/learning/mpn/clips';
import { computeNodeFeatures, featureSpecOf } from '../../../../../src-main/learning/mpn/features';
import { predictEdges, resultRows, trackDetectionsMpn, trackMpn } from '../../../../../src-main/learning/mpn/infer';
import { trainMpn } from '../../../../../src-main/learning/mpn/train';
import { loadMpnModel, type MpnWeights } from '../../../../../src-main/learning/mpn/weights';
import { syntheticSequence } from '../../../../helpers/mpnSynthetic';
import { useTfBackend } from '../../../../helpers/tf';

useTfBackend('wasm');

const spec = { people: 6, frames: 60, fps: 12, missRate: 0.15, fpPerFrame: 1 };
const TEST = syntheticSequence({ ...spec, seed: 9 });

/** The sequence's detections as a det table and its true boxes (detections with a GT id) as a GT table. */
function tables(s: MpnSequence): { det: MotTable; gt: MotTable } {
  const det = allocTable('det', 10, s.nodes.count);
  const gt = allocTable('gt', 10, s.nodes.count);
  for (let i = 0; i < s.nodes.count; i++) {
    for (const [t, id] of [[det, -1], [gt, s.nodes.gtId[i]! + 1]] as const) {
      if (t === gt && id <= 0) continue;
      const r = t.count++;
      t.frame[r] = s.nodes.frame[i]!;
      t.id[r] = id;
      t.x[r] = s.nodes.tlwh[4 * i]!;
      t.y[r] = s.nodes.tlwh[4 * i + 1]!;
      t.w[r] = s.nodes.tlwh[4 * i + 2]!;
      t.h[r] = s.nodes.tlwh[4 * i + 3]!;
      t.conf[r] = 1;
    }
  }
  return { det: sliceTable(det, det.count), gt: sliceTable(gt, gt.count) };
}

function idf1(gt: MotTable, res: MotTable): number {
  const d = preprocessMotChallenge(gt, res, { benchmark: 'MOT15', doPreproc: true, seqLength: spec.frames });
  if (isMotChallengeError(d)) throw new Error(d.message);
  return trackEvalFields(evaluateSequence(d)).fields['IDF1']!;
}

function expectValidRows(t: MotTable): void {
  const seen = new Set<string>();
  for (let r = 0; r < t.count; r++) {
    const key = `${t.frame[r]}:${t.id[r]}`;
    expect(seen.has(key), `id ${t.id[r]} twice in frame ${t.frame[r]}`).toBe(false);
    seen.add(key);
    expect(t.frame[r]).toBeGreaterThanOrEqual(1);
    expect(t.frame[r]).toBeLessThanOrEqual(spec.frames);
    expect(t.w[r]! > 0 && t.h[r]! > 0).toBe(true);
    if (r > 0) expect(t.frame[r]! > t.frame[r - 1]! || (t.frame[r] === t.frame[r - 1] && t.id[r]! > t.id[r - 1]!)).toBe(true);
  }
}

async function model(steps: number): Promise<MpnWeights> {
  const train = [syntheticSequence({ ...spec, seed: 1 }), syntheticSequence({ ...spec, seed: 2 })];
  const r = await trainMpn(
    { loss: 'bce', steps, seed: 1, graphsPerStep: 2, learningRate: steps > 1 ? 1e-2 : 1e-12, arch: { steps: 4, classSteps: 3 }, graph: { k: 10 }, clips: { framesPerGraph: 8, minDetections: 10 } },
    { features: { kind: 'none', dim: 1 }, train },
  );
  return r.weights;
}

describe('MPN inference', () => {
  it('a trained model tracks a held-out sequence into valid rows with high IDF1', async () => {
    const { det, gt } = tables(TEST);
    const trained = await trackDetectionsMpn(await model(40), det, TEST.fps);
    const untrained = await trackDetectionsMpn(await model(1), det, TEST.fps);
    expect(trained.status).toBe('completed');
    expectValidRows(trained.table);
    expect(trained.table.kind).toBe('res');
    // 12 fps at the 6 fps target: every other frame is tracked, the frames between are interpolated.
    expect(trained.windows).toBeGreaterThan(1);
    const evenFrames = Array.from(trained.table.frame).filter((f) => f % 2 === 0).length;
    expect(evenFrames).toBeGreaterThan(0.3 * trained.table.count);
    const f1 = idf1(gt, trained.table);
    expect(f1).toBeGreaterThan(0.8);
    expect(f1).toBeGreaterThan(idf1(gt, untrained.table) + 0.2);
    const rows = resultRows(trained.table);
    expect(rows).toHaveLength(trained.table.count);
    expect(rows[0]).toMatchObject({ frame: trained.table.frame[0], box: { id: trained.table.id[0] } });
  }, 60_000);

  it('averages edges over overlapping windows and stops on cancel', async () => {
    const m = loadMpnModel(await model(1));
    try {
      const ones = { dim: 1, values: new Float32Array(TEST.nodes.count).fill(1) };
      const all = await predictEdges(m, TEST.nodes, ones, TEST.fps, { window: { maxFrames: 6 } });
      const strided = await predictEdges(m, TEST.nodes, ones, TEST.fps, { window: { maxFrames: 6, stride: 3 } });
      expect(all.windows).toBe(30 - 6 + 1);
      expect(strided.windows).toBe(9);
      expect(all.p.every((p) => p >= 0 && p <= 1)).toBe(true);
      const ac = new AbortController();
      const r = await trackMpn(m, TEST.nodes, ones, TEST.fps, { signal: ac.signal, onProgress: (d) => d === 2 && ac.abort() });
      expect(r.status).toBe('cancelled');
      expect(r.windows).toBe(2);
      expect(r.table.count).toBe(0);
      // No detections at all: no windows, an empty result.
      const none = { count: 0, frame: new Int32Array(0), tlwh: new Float64Array(0), score: new Float64Array(0) };
      const empty = await trackMpn(m, none, { dim: 1, values: new Float32Array(0) }, TEST.fps);
      expect([empty.status, empty.windows, empty.table.count]).toEqual(['completed', 0, 0]);
    } finally {
      m.dispose();
    }
  });

  it('computes colour-histogram and ReID node features from the sources it is given', async () => {
    // A 20×10 frame: left half red, right half blue.
    const data = new Uint8Array(20 * 10 * 3);
    for (let p = 0; p < 200; p++) data.set(p % 20 < 10 ? [255, 0, 0] : [0, 0, 255], 3 * p);
    const nodes = { count: 2, frame: Int32Array.of(1, 1), tlwh: Float64Array.of(0, 0, 10, 10, 10, 0, 10, 10), score: new Float64Array(2) };
    const source = { loadFrame: async () => ({ width: 20, height: 10, data }) };
    const spec = featureSpecOf(source);
    expect(spec).toEqual({ kind: 'color-histogram', dim: 48 });
    const f = await computeNodeFeatures(spec, nodes, source);
    const crop = cropPixels(data, 20, 10, 3, [10, 0, 20, 10]);
    expect(Array.from(f.values.subarray(48))).toEqual(Array.from(colorHistogram(crop.pixels, crop.width, crop.height, 3)));
    const embedder = { dim: 2, inputHeight: 2, inputWidth: 1, embed: (c: Float32Array, n: number) => Float32Array.from({ length: 2 * n }, (_, q) => c[6 * (q >> 1) + (q & 1)]!), dispose: () => {} };
    const loadCrops = async (_f: number, _b: Float64Array, n: number) => Uint8Array.from({ length: 6 * n }, (_, q) => (q < 6 ? 255 : 51));
    const r = await computeNodeFeatures({ kind: 'reid', dim: 2 }, nodes, { embedder, loadCrops });
    expect(Array.from(r.values)).toEqual([1, 1, 0.2, 0.2].map((v) => Math.fround(v)));
    await expect(computeNodeFeatures({ kind: 'reid', dim: 2 }, nodes, source)).rejects.toThrow(/embedder/);
  });
});
