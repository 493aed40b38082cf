// MPN inference on a whole sequence (METHODS.md §2.8): sample frames at the model's rate, run the MPN on
// every window of n sampled frames (stride 1), average each edge's σ(ℓ^(L)) over the windows that kept it
// and over its two directed copies, round exactly (max-weight bipartite matching on the LAP solver), link
// trajectories, drop short ones and interpolate gaps → MOT result rows like any other tracker's.
import * as tf from '@tensorflow/tfjs';
import type { MotTable } from '../../../src-shared/formats/motTable';
import { buildGraph } from '../../../src-shared/mpn/graph';
import { type MpnNodes, type NodeFeatures, nodesFromTable } from '../../../src-shared/mpn/nodes';
import { constraintSatisfaction, roundEdges } from '../../../src-shared/mpn/rounding';
import { buildTrajectories, DEFAULT_TRAJECTORY_OPTIONS, type TrajectoryOptions } from '../../../src-shared/mpn/trajectories';
import { DEFAULT_WINDOW_OPTIONS, EdgeAverager, planWindows, sampleSequence, samplingStep, type WindowOptions } from '../../../src-shared/mpn/windows';
import type { ResultRow } from '../../../src-shared/tracking/sequence';
import { constantFeatures, graphOptionsOf } from './config';
import { computeNodeFeatures, type FeatureSource } from './features';
import { disposeGraphTensors, graphTensors, mpnForward } from './model';
import { loadMpnModel, type MpnModel, type MpnWeights } from './weights';

/** Inference settings (defaults: §2.8). */
export interface MpnTrackOptions {
  readonly window?: Partial<WindowOptions>;
  readonly trajectories?: Partial<TrajectoryOptions>;
  /** Rounding threshold on p_e (0.5). */
  readonly threshold?: number;
  /** Sample at 9 fps instead of the model's rate (§2.2, moving camera). */
  readonly movingCamera?: boolean;
  readonly signal?: AbortSignal;
  /** Called after each window. */
  readonly onProgress?: (windowsDone: number, windows: number) => void;
}

/** Edge probabilities of the sampled sequence (positions in `sampled`), before rounding. */
export interface EdgeProbabilities {
  readonly sampled: Int32Array;
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly p: Float64Array;
  readonly windows: number;
  readonly cancelled: boolean;
}

/** Result rows and diagnostics of one sequence. */
export interface MpnTrackResult {
  readonly status: 'completed' | 'cancelled';
  /** Kind 'res', 10 columns, sorted by (frame, id). Empty when cancelled. */
  readonly table: MotTable;
  readonly trackCount: number;
  readonly windows: number;
  readonly edges: number;
  /** Nodes meeting the flow constraints under plain thresholding (before exact rounding). */
  readonly constraintSatisfaction: number;
  readonly durationMs: number;
}

function resolveFeatures(model: MpnModel, nodes: MpnNodes, f: NodeFeatures | undefined): NodeFeatures {
  const spec = model.config.features;
  if (spec.kind === 'none') return constantFeatures(nodes.count);
  if (!f) throw new Error(`this MPN model needs ${spec.kind} node features`);
  if (f.dim !== spec.dim || f.values.length !== nodes.count * f.dim) throw new Error(`node features are ${f.dim}-d, the model takes ${spec.dim}`);
  return f;
}

/** §2.8 steps 1–4: window-averaged undirected edge probabilities over the sampled nodes. */
export async function predictEdges(model: MpnModel, nodes: MpnNodes, features: NodeFeatures | undefined, fps: number, opts: MpnTrackOptions = {}): Promise<EdgeProbabilities> {
  const feats = resolveFeatures(model, nodes, features);
  const s = sampleSequence(nodes, samplingStep(fps, opts.movingCamera ? 9 : model.config.targetFps));
  const windows = planWindows(s, { ...DEFAULT_WINDOW_OPTIONS, ...opts.window });
  const avg = new EdgeAverager(s.nodes.length);
  const gopts = graphOptionsOf(model.config.graph, fps);
  let done = 0;
  for (const w of windows) {
    if (opts.signal) {
      await new Promise((r) => setTimeout(r, 0));
      if (opts.signal.aborted) return { sampled: s.nodes, src: new Int32Array(0), dst: new Int32Array(0), p: new Float64Array(0), windows: done, cancelled: true };
    }
    const g = buildGraph(nodes, feats, s.nodes.subarray(w.start, w.end), gopts);
    const E = g.edgeCount;
    if (E > 0) {
      const x = new Float32Array(g.n * feats.dim);
      for (let i = 0; i < g.n; i++) x.set(feats.values.subarray(g.nodes[i]! * feats.dim, (g.nodes[i]! + 1) * feats.dim), i * feats.dim);
      const t = graphTensors(g.n, x, feats.dim, g.edgeAttr, g.src, g.dst);
      // Read the data outside tf.tidy: tidy walks a returned typed array element by element.
      let out: tf.Tensor | undefined;
      let prob: Float32Array;
      try {
        out = tf.tidy(() => tf.sigmoid(mpnForward(model.params, model.config.arch, t, true).logits[0]!));
        prob = out.dataSync() as Float32Array;
      } finally {
        out?.dispose();
        disposeGraphTensors(t);
      }
      for (let e = 0; e < E; e++) avg.add(w.start + g.src[e]!, w.start + g.dst[e]!, (prob[e]! + prob[E + e]!) / 2);
    }
    done++;
    opts.onProgress?.(done, windows.length);
  }
  return { sampled: s.nodes, ...avg.result(), windows: done, cancelled: false };
}

/** Tracks a whole sequence of detections (`features`: required unless the model uses none). */
export async function trackMpn(model: MpnModel, nodes: MpnNodes, features: NodeFeatures | undefined, fps: number, opts: MpnTrackOptions = {}): Promise<MpnTrackResult> {
  const t0 = performance.now();
  const pr = await predictEdges(model, nodes, features, fps, opts);
  const traj = { ...DEFAULT_TRAJECTORY_OPTIONS, ...opts.trajectories };
  const n = pr.sampled.length;
  if (pr.cancelled) return { status: 'cancelled', table: buildTrajectories(nodes, new Int32Array(0), [], [], [], traj).table, trackCount: 0, windows: pr.windows, edges: 0, constraintSatisfaction: 1, durationMs: performance.now() - t0 };
  const threshold = opts.threshold ?? 0.5;
  const active = roundEdges(n, pr.src, pr.dst, pr.p, threshold);
  const out = buildTrajectories(nodes, pr.sampled, pr.src, pr.dst, active, traj);
  return {
    status: 'completed',
    table: out.table,
    trackCount: out.trackCount,
    windows: pr.windows,
    edges: pr.p.length,
    constraintSatisfaction: constraintSatisfaction(n, pr.src, pr.dst, pr.p, threshold),
    durationMs: performance.now() - t0,
  };
}

/**
 * Tracks a detection table with stored weights: nodes from the table, node features for the sampled
 * frames from `source` (frames or crops; not needed for 'none' models), then `trackMpn`.
 */
export async function trackDetectionsMpn(weights: MpnWeights, det: MotTable, fps: number, source?: FeatureSource, opts: MpnTrackOptions = {}): Promise<MpnTrackResult> {
  const nodes = nodesFromTable(det);
  const spec = weights.manifest.config.features;
  const sampled = sampleSequence(nodes, samplingStep(fps, opts.movingCamera ? 9 : weights.manifest.config.targetFps)).nodes;
  const feats = await computeNodeFeatures(spec, nodes, source, sampled);
  const model = loadMpnModel(weights);
  try {
    return await trackMpn(model, nodes, feats, fps, opts);
  } finally {
    model.dispose();
  }
}

/** The result table as tracker result rows (sequence.ts `ResultRow`, for `formatRows` and the services). */
export function resultRows(t: MotTable): ResultRow[] {
  return Array.from({ length: t.count }, (_, r) => ({ frame: t.frame[r]!, box: { id: t.id[r]!, tlwh: Float64Array.of(t.x[r]!, t.y[r]!, t.w[r]!, t.h[r]!), score: t.conf[r]! } }));
}
