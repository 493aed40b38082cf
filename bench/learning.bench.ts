// Learning (issue 6) on the wasm backend: training throughput of the default ReID CNN, the step-time
// overhead of each added loss over the baseline loss on the identical batch (UniTrack target ≤ 10 %),
// and inference throughput. Anchors are measured in the same run (ARCHITECTURE.md §6.9).
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../src-main/learning/backend';
import { Adam } from '../src-main/learning/adam';
import { assembleBatch, type StepBatch } from '../src-main/learning/batch';
import { createEmbedder } from '../src-main/learning/embedder';
import { DEFAULT_REID_CONFIG, backboneParamSpecs, countParams, type ReidConfig } from '../src-main/learning/reidModel';
import { createTrainableModel, disposeModel, exportWeights, headsFor } from '../src-main/learning/trainableModel';
import { trainStep } from '../src-main/learning/trainStep';
import { unitrackLoss } from '../src-main/learning/losses/unitrack';
import { type LossChoice, resolveTrainConfig } from '../src-main/learning/trainTypes';
import { syntheticClips } from '../test/helpers/syntheticClips';
import { type Bench, type BenchRow, medianMs } from './harness';

const IDENTITIES = 20;

/**
 * Median ms per training step of each arm on the identical `batch` (fresh model and optimiser per arm,
 * same seed). Arms take turns step by step, so load from other processes hits them alike.
 */
function stepTimes(arms: readonly LossChoice[], cfg: ReidConfig, batch: StepBatch, rounds = 7, warmup = 2): Record<string, number> {
  const runs = arms.map((loss) => {
    const tc = resolveTrainConfig({ loss, steps: 1, model: cfg, seed: 1 });
    const model = createTrainableModel(cfg, headsFor(tc, IDENTITIES), 1);
    return { loss, tc, model, opt: new Adam(model.vars, { learningRate: 1e-4, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }), lambda: [0.5, 0.5] as [number, number], times: [] as number[] };
  });
  try {
    for (let r = 0; r < warmup + rounds; r++) {
      for (const run of runs) {
        const t0 = performance.now();
        run.lambda = trainStep(run.model, run.opt, batch, run.tc, run.lambda, r + 1).lambdaState;
        if (r >= warmup) run.times.push(performance.now() - t0);
      }
    }
    return Object.fromEntries(runs.map((run) => [run.loss, run.times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!]));
  } finally {
    for (const run of runs) {
      run.opt.dispose();
      disposeModel(run.model);
    }
  }
}

export const learningBench: Bench = {
  name: 'Learning (wasm): ReID training and inference',
  async run() {
    tf.env().set('IS_TEST', true); // no "install tfjs-node" banner in the table
    const backend = await selectBackend('wasm');
    const cfg = DEFAULT_REID_CONFIG;
    // One step = 2 clips × 10 frames × 4 people (+ false positives): ~80 crops, T = 10, W = 5.
    const clips = syntheticClips({ identities: IDENTITIES, clips: 2, framesPerClip: 10, peoplePerClip: 4, cropHeight: cfg.inputHeight, cropWidth: cfg.inputWidth, seed: 5, fpRate: 0.3, missRate: 0.1 });
    const batch = assembleBatch(clips, 5, cfg.inputHeight, cfg.inputWidth);
    const arms = stepTimes(['baseline', 'unitrack', 'contrastive', 'both', 'deepmot'], cfg, batch);
    const base = arms['baseline']!;

    const model = createTrainableModel(cfg, { classes: 0, projection: false }, 1);
    const embedder = createEmbedder(exportWeights(model, true));
    disposeModel(model);
    const n = 256;
    const crops = new Float32Array(n * cfg.inputHeight * cfg.inputWidth * 3).map((_, i) => (i % 97) / 97);
    const inferMs = await medianMs(() => embedder.embed(crops, n), 5, 1);
    embedder.dispose();

    // The UniTrack loss alone (logits matmul + op, forward and backward) on embeddings of this batch:
    // robust to machine load, unlike the difference of two noisy step times.
    const emb = tf.tidy(() => tf.variable(tf.randomNormal([batch.count, cfg.embeddingDim], 0, 1, 'float32', 3)));
    const z = tf.variable(tf.scalar(5));
    const utOnly = await medianMs(() => {
      const { value, grads } = tf.variableGrads(() => {
        const e = tf.div(emb, tf.norm(emb, 'euclidean', 1, true)) as tf.Tensor2D;
        return tf.slice(unitrackLoss(e, z, batch.windows, [0.5, 0.5]).terms, [0], [1]).reshape([]) as tf.Scalar;
      }, [emb, z]);
      tf.dispose([value, ...Object.values(grads)]);
    }, 15, 3);
    tf.dispose([emb, z]);

    const trainRate = (batch.count / base) * 1000;
    const inferRate = (n / inferMs) * 1000;
    const params = countParams(backboneParamSpecs(cfg));
    const rows: BenchRow[] = [
      { name: `backend ${backend.name}; CNN ${cfg.inputHeight}×${cfg.inputWidth}, ${params} params, ${batch.count} crops/step`, value: params, unit: 'params', anchor: 'itself' },
      { name: 'inference (fused convs, batches of 64)', value: inferRate, unit: 'crops/s', anchor: 'itself' },
      { name: 'training, baseline loss (CE + batch-hard triplet)', value: trainRate, unit: 'crops/s', anchor: 'inference crops/s', ratio: trainRate / inferRate },
      { name: 'step, baseline loss', value: base, unit: 'ms', anchor: 'itself' },
      { name: 'step, + UniTrack (W=5, 50 Sinkhorn iterations)', value: arms['unitrack']!, unit: 'ms', anchor: 'baseline step, target ≤ 1.10×', ratio: arms['unitrack']! / base, pass: arms['unitrack']! / base <= 1.1 },
      { name: `UniTrack loss alone, fwd + bwd (${batch.windows.length} windows)`, value: utOnly, unit: 'ms', anchor: 'baseline step', ratio: utOnly / base },
      { name: 'step, + FDTA contrastive (projection head)', value: arms['contrastive']!, unit: 'ms', anchor: 'baseline step', ratio: arms['contrastive']! / base },
      { name: 'step, + UniTrack + contrastive', value: arms['both']!, unit: 'ms', anchor: 'baseline step', ratio: arms['both']! / base },
      { name: 'step, + DeepMOT-Sinkhorn', value: arms['deepmot']!, unit: 'ms', anchor: 'baseline step', ratio: arms['deepmot']! / base },
    ];
    return rows;
  },
};
