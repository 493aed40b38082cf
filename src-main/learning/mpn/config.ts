// What an MPN model needs besides its weights to track: the architecture, which node features it was
// trained on, how its graphs are built and at what frame rate (METHODS.md §2.2–2.4, §2.8). JSON-able:
// stored in the weights manifest so a run's model is self-describing.
import { DEFAULT_GRAPH_OPTIONS, type GraphOptions } from '../../../src-shared/mpn/graph';
import { type MpnArch, defaultArch } from './model';

/**
 * Node features: 'none' (a constant 1, appearance-free: position and time edge features only),
 * 'color-histogram' (the built-in descriptor, colorHistogram.ts) or 'reid' (the appearance CNN's
 * embedding). `dim` is the feature length the node encoder takes.
 */
export interface MpnFeatureSpec {
  readonly kind: 'none' | 'color-histogram' | 'reid';
  readonly dim: number;
}

/** Graph construction stored with a model (maxFrameGap absent = the whole clip). */
export interface MpnGraphConfig {
  readonly k: number;
  readonly knn: 'appearance' | 'position';
  readonly maxFrameGap?: number;
}

/** Everything inference needs apart from the weights. */
export interface MpnModelConfig {
  readonly arch: MpnArch;
  readonly features: MpnFeatureSpec;
  readonly graph: MpnGraphConfig;
  /** Target sampling rate (§2.2: 6 fps static camera, 9 fps moving camera). */
  readonly targetFps: number;
}

/** The feature spec of 'none': one constant value per node. */
export const NO_FEATURES: MpnFeatureSpec = { kind: 'none', dim: 1 };

/** §2.2/§2.4 defaults for a feature spec: K = 50, appearance pruning when there are features (else position), 6 fps. */
export function defaultModelConfig(features: MpnFeatureSpec = NO_FEATURES): MpnModelConfig {
  return { arch: defaultArch(features.dim), features, graph: { k: DEFAULT_GRAPH_OPTIONS.k, knn: features.kind === 'none' ? 'position' : 'appearance' }, targetFps: 6 };
}

/** GraphOptions of a stored config for a sequence's frame rate. */
export function graphOptionsOf(c: MpnGraphConfig, fps: number): GraphOptions {
  return { k: c.k, knn: c.knn, maxFrameGap: c.maxFrameGap ?? Infinity, fps };
}

/** Constant node features for 'none' models. */
export function constantFeatures(count: number): { dim: number; values: Float32Array } {
  return { dim: 1, values: new Float32Array(count).fill(1) };
}
