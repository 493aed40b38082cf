// Node features for MPN graphs (METHODS.md §2.3, "x_i = the appearance CNN's feature, r_i its embedding"):
// the built-in colour-histogram descriptor (no training) or the appearance CNN's embedding, computed from
// frames the caller supplies (learning/ never reads files: images come in through these functions).
import type { MpnNodes, NodeFeatures } from '../../../src-shared/mpn/nodes';
import { COLOR_HISTOGRAM_DEFAULTS, colorHistogram, colorHistogramDim, cropPixels } from '../../../src-shared/tracking/colorHistogram';
import type { Embedder } from '../embedder';
import { constantFeatures, type MpnFeatureSpec } from './config';

/** Decoded RGB frame (8-bit, row-major), e.g. media/images.ts `decodeRgb`. */
export interface RgbFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/**
 * Where node features come from: frames (colour histograms), or crops for the appearance CNN
 * (`loadCrops` returns count × h × w × 3 RGB values, bytes or floats in [0, 1], e.g. media/images.ts `cropBoxes`).
 */
export interface FeatureSource {
  readonly loadFrame?: (frame: number) => Promise<RgbFrame>;
  readonly embedder?: Embedder;
  readonly loadCrops?: (frame: number, tlwh: Float64Array, count: number, height: number, width: number) => Promise<Uint8Array | Float32Array>;
}

/** The feature spec each source gives: 'reid' with an embedder, 'color-histogram' with frames, else 'none'. */
export function featureSpecOf(src: FeatureSource | undefined): MpnFeatureSpec {
  if (src?.embedder && src.loadCrops) return { kind: 'reid', dim: src.embedder.dim };
  if (src?.loadFrame) return { kind: 'color-histogram', dim: colorHistogramDim(COLOR_HISTOGRAM_DEFAULTS) };
  return { kind: 'none', dim: 1 };
}

/** Groups node indices by frame (nodes sorted by frame). */
function byFrame(nodes: MpnNodes, subset: ArrayLike<number>): Map<number, number[]> {
  const m = new Map<number, number[]>();
  for (let k = 0; k < subset.length; k++) {
    const g = subset[k]!;
    const l = m.get(nodes.frame[g]!);
    if (l) l.push(g);
    else m.set(nodes.frame[g]!, [g]);
  }
  return m;
}

/**
 * Features of `spec` for the nodes in `subset` (default: all; rows of other nodes stay zero). Throws
 * when the source cannot provide the spec's kind or dimension.
 */
export async function computeNodeFeatures(spec: MpnFeatureSpec, nodes: MpnNodes, src: FeatureSource | undefined, subset?: ArrayLike<number>): Promise<NodeFeatures> {
  if (spec.kind === 'none') return constantFeatures(nodes.count);
  const sel = subset ?? Int32Array.from({ length: nodes.count }, (_, i) => i);
  const out = new Float32Array(nodes.count * spec.dim);
  if (spec.kind === 'color-histogram') {
    if (!src?.loadFrame) throw new Error('colour-histogram features need the frames (loadFrame)');
    if (spec.dim !== colorHistogramDim(COLOR_HISTOGRAM_DEFAULTS)) throw new Error(`colour-histogram features have ${colorHistogramDim(COLOR_HISTOGRAM_DEFAULTS)} values, the model takes ${spec.dim}`);
    for (const [frame, gs] of byFrame(nodes, sel)) {
      const img = await src.loadFrame(frame);
      for (const g of gs) {
        const b = nodes.tlwh;
        const tlbr = [b[4 * g]!, b[4 * g + 1]!, b[4 * g]! + b[4 * g + 2]!, b[4 * g + 1]! + b[4 * g + 3]!];
        const crop = cropPixels(img.data, img.width, img.height, 3, tlbr);
        out.set(colorHistogram(crop.pixels, crop.width, crop.height, 3), g * spec.dim);
      }
    }
    return { dim: spec.dim, values: out };
  }
  const { embedder, loadCrops } = src ?? {};
  if (!embedder || !loadCrops) throw new Error('ReID features need an embedder and crops (loadCrops)');
  if (embedder.dim !== spec.dim) throw new Error(`the embedder gives ${embedder.dim} values, the model takes ${spec.dim}`);
  for (const [frame, gs] of byFrame(nodes, sel)) {
    const tlwh = new Float64Array(4 * gs.length);
    gs.forEach((g, k) => tlwh.set(nodes.tlwh.subarray(4 * g, 4 * g + 4), 4 * k));
    const raw = await loadCrops(frame, tlwh, gs.length, embedder.inputHeight, embedder.inputWidth);
    const crops = raw instanceof Float32Array ? raw : Float32Array.from(raw, (v) => v / 255);
    const emb = embedder.embed(crops, gs.length);
    gs.forEach((g, k) => out.set(emb.subarray(k * spec.dim, (k + 1) * spec.dim), g * spec.dim));
  }
  return { dim: spec.dim, values: out };
}
