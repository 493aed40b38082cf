// MPN graph tracker (issue 7, METHODS.md §2) on the wasm backend: graph construction and whole-sequence
// inference (windows, MPN, exact rounding, trajectories) per 1,000 MOT17-04 public FRCNN detections,
// against SORT on the same detections; training step time on one clip graph of §2.2 size, against the
// forward pass of that graph, and the +UniTrack arm (§1.10) against the BCE arm. Anchors measured in the
// same run (ARCHITECTURE.md §6.9).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { Adam } from '../src-main/learning/adam';
import { selectBackend } from '../src-main/learning/backend';
import { registerFastMatMulGradient } from '../src-main/learning/matMulGrad';
import { assembleMpnBatch } from '../src-main/learning/mpn/batch';
import { type Clip, type MpnSequence, validationClips } from '../src-main/learning/mpn/clips';
import { defaultModelConfig, graphOptionsOf } from '../src-main/learning/mpn/config';
import { trackMpn } from '../src-main/learning/mpn/infer';
import { disposeGraphTensors, graphTensors, initMpnValues, mpnForward, mpnParamSpecs } from '../src-main/learning/mpn/model';
import { mpnTrainStep } from '../src-main/learning/mpn/step';
import { resolveMpnConfig } from '../src-main/learning/mpn/types';
import { loadMpnModel, packMpnWeights } from '../src-main/learning/mpn/weights';
import { parseMotText } from '../src-shared/formats/parseMotText';
import { buildGraph } from '../src-shared/mpn/graph';
import { assignGtIds, gtObjectRows, nodesFromTable } from '../src-shared/mpn/nodes';
import { planWindows, sampleSequence, samplingStep } from '../src-shared/mpn/windows';
import { createTracker, trackingSetup } from '../src-shared/tracking/registry';
import { groupByFrame, trackSequence } from '../src-shared/tracking/sequence';
import { sequentialIds } from '../src-shared/tracking/types';
import { SHARED_DATA } from '../test/helpers/sharedData';
import { type Bench, type BenchRow, medianMs } from './harness';

const SEQ = join(SHARED_DATA, 'mot17', 'MOT17-train', 'MOT17-04-FRCNN');
/** Frames 1..FRAMES of MOT17-04 (1050 in all): ~5.5k detections keep the bench under a minute on 2 cores. */
const FRAMES = 200;

/** Graph construction, inference and training-step figures of the MPN (issue 7). */
export const mpnBench: Bench = {
  name: 'MPN graph tracker (wasm)',
  async run() {
    tf.env().set('IS_TEST', true); // no "install tfjs-node" banner in the table
    await selectBackend('wasm');
    registerFastMatMulGradient();
    const all = parseMotText(readFileSync(join(SEQ, 'det', 'det.txt'), 'utf8'), { kind: 'det', fileName: 'MOT17-04-FRCNN/det' }).table;
    const gt = parseMotText(readFileSync(join(SEQ, 'gt', 'gt.txt'), 'utf8'), { kind: 'gt', fileName: 'MOT17-04-FRCNN/gt' }).table;
    const nodes = nodesFromTable(all, (r) => all.frame[r]! <= FRAMES);
    const perK = 1000 / nodes.count;
    const cfg = defaultModelConfig();
    const weights = packMpnWeights(cfg, initMpnValues(mpnParamSpecs(cfg.arch), 1));
    const ones = { dim: 1, values: new Float32Array(nodes.count).fill(1) };

    // Graph construction alone: every inference window of §2.8 (6 fps, stride 1, reciprocal K = 50).
    const sampled = sampleSequence(nodes, samplingStep(30, cfg.targetFps));
    const windows = planWindows(sampled);
    const gopts = graphOptionsOf(cfg.graph, 30);
    let edges = 0;
    const graphMs = await medianMs(() => {
      edges = 0;
      for (const w of windows) edges += buildGraph(nodes, ones, sampled.nodes.subarray(w.start, w.end), gopts).edgeCount;
    }, 3, 1);
    const model = loadMpnModel(weights);
    let trackMs: number;
    try {
      trackMs = await medianMs(() => trackMpn(model, nodes, ones, 30), 3, 1);
    } finally {
      model.dispose();
    }
    const sortSetup = trackingSetup('sort', { official: true, sequenceName: 'MOT17-04-FRCNN' });
    const dets = groupByFrame(all);
    const sortMs = await medianMs(() => trackSequence(createTracker('sort', sortSetup.params, sequentialIds()), dets, { loop: sortSetup.loop, lastFrame: FRAMES }), 7, 2);

    // Training: one clip graph of §2.2 size (15 frames at 6 fps, ≤ 500 detections, K = 50), no augmentation.
    const labelled = assignGtIds(nodesFromTable(all), gt, gtObjectRows(gt, { classVisibility: true, minVisibility: 0 }));
    const seq: MpnSequence = { name: 'MOT17-04-FRCNN', fps: 30, imageWidth: 1920, imageHeight: 1080, nodes: labelled, features: { dim: 1, values: new Float32Array(labelled.count).fill(1) } };
    const clip: Clip = validationClips([seq], 6)[0]!;
    const batch = assembleMpnBatch([seq], [clip], cfg.graph, false);
    const g = graphTensors(batch.n, batch.x, batch.dim, batch.edgeAttr, batch.src, batch.dst);
    const p = loadMpnModel(weights);
    let fwdMs: number;
    try {
      fwdMs = await medianMs(() => {
        const out = tf.tidy(() => mpnForward(p.params, cfg.arch, g).logits[cfg.arch.classSteps - 1]!);
        out.dataSync();
        out.dispose();
      }, 5, 1);
    } finally {
      p.dispose();
      disposeGraphTensors(g);
    }
    const stepMs = (loss: 'bce' | 'unitrack'): number => {
      const tc = resolveMpnConfig({ loss, steps: 1 }, cfg.features);
      const values = initMpnValues(mpnParamSpecs(tc.model.arch), 1);
      const vars = new Map(mpnParamSpecs(tc.model.arch).map((sp) => [sp.name, tf.variable(tf.tensor(values.get(sp.name)!, [...sp.shape]))]));
      const opt = new Adam(vars, { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
      const b = assembleMpnBatch([seq], [clip], cfg.graph, loss === 'unitrack');
      const times: number[] = [];
      let lambda: [number, number] = [0.5, 0.5];
      try {
        for (let k = 0; k < 5; k++) {
          const t0 = performance.now();
          lambda = mpnTrainStep({ vars, params: Object.fromEntries(vars) }, opt, b, tc, lambda, k + 1).lambdaState;
          if (k > 0) times.push(performance.now() - t0);
        }
      } finally {
        opt.dispose();
        tf.dispose([...vars.values()]);
      }
      return times.sort((x, y) => x - y)[2]!;
    };
    const b0 = stepMs('bce');
    const b1 = stepMs('unitrack');
    const perKSampled = 1000 / sampled.nodes.length;
    return [
      { name: `MOT17-04-FRCNN frames 1–${FRAMES}: ${nodes.count} dets, ${sampled.nodes.length} at 6 fps, ${windows.length} windows, ${edges} edges`, value: nodes.count, unit: 'dets', anchor: 'itself' },
      { name: 'graph construction (all windows) per 1,000 detections', value: graphMs * perK, unit: 'ms', anchor: 'SORT on the same detections', ratio: graphMs / sortMs },
      { name: 'inference (graphs + MPN + rounding + trajectories) per 1,000 dets', value: trackMs * perK, unit: 'ms', anchor: 'SORT on the same detections', ratio: trackMs / sortMs },
      { name: 'inference per 1,000 processed (6 fps) detections', value: trackMs * perKSampled, unit: 'ms', anchor: 'itself' },
      { name: `training step B0 (BCE), 1 clip graph: ${batch.n} nodes, ${2 * batch.src.length} directed edges`, value: b0, unit: 'ms', anchor: 'forward pass of that graph', ratio: b0 / fwdMs },
      { name: 'training step B1 (BCE + UniTrack §1.10), same clip', value: b1, unit: 'ms', anchor: 'B0 step', ratio: b1 / b0 },
    ] satisfies BenchRow[];
  },
};
