// Worker glue of the MPN jobs: project sequences (detections, annotations, frame files) become labelled
// MPN nodes (METHODS.md §2.2, labels §2.5 through the §0.2 matching) with node features (§2.3): none,
// colour histograms of the frames, or a trained ReID CNN's embedding of the crops (reidEmbedder.ts,
// the crops cut exactly as its training cut them). Frames are decoded once each, here, never in main.
import type { MotTable } from '../../src-shared/formats/motTable';
import { reidCrops } from '../../src-shared/learning/crops';
import type { MpnFeatureKind, MpnSourceSequence, StoredWeightsWire } from '../../src-shared/learning/mpnWire';
import { COLOR_HISTOGRAM_DEFAULTS, colorHistogramDim } from '../../src-shared/tracking/colorHistogram';
import { assignGtIds, gtAsNodes, gtObjectRows, type MpnNodes, type NodeFeatures, nodesFromTable } from '../../src-shared/mpn/nodes';
import type { MpnSequence } from '../learning/mpn/clips';
import type { MpnFeatureSpec } from '../learning/mpn/config';
import { computeNodeFeatures, type FeatureSource } from '../learning/mpn/features';
import { decodeRgb } from '../media/images';
import { type FrameEmbedder, loadEmbedder } from './reidEmbedder';

/** Feature computation with progress (frames decoded) and cancellation. */
export interface FeatureHooks {
  readonly progress?: (done: number, total: number) => void;
  readonly aborted?: () => boolean;
}

/** Thrown (and caught by the entries) when a job is cancelled while features are computed. */
export class FeaturesCancelled extends Error {}

/** A feature source over one sequence's frame images, or nothing for 'none'. */
export class NodeFeatureMaker {
  readonly spec: MpnFeatureSpec;
  readonly #embedder: FrameEmbedder | undefined;
  #done = 0;

  /** `featureWeights` is required for 'reid' (a trained appearance run's CNN, loaded on the current backend). */
  constructor(
    kind: MpnFeatureKind,
    featureWeights: StoredWeightsWire | undefined,
    private readonly hooks: FeatureHooks = {},
    private total = 0,
  ) {
    if (kind === 'reid') {
      if (!featureWeights) throw new Error('reid node features need the appearance run\'s weights');
      this.#embedder = loadEmbedder(featureWeights);
    }
    this.spec = kind === 'reid' ? { kind: 'reid', dim: this.#embedder!.dim } : kind === 'color-histogram' ? { kind, dim: colorHistogramDim(COLOR_HISTOGRAM_DEFAULTS) } : { kind: 'none', dim: 1 };
  }

  /** Adds `frames` to the progress total (call before computing). */
  expect(frames: number): void {
    this.total += frames;
  }

  /** Where a sequence's node features come from (undefined for 'none'). */
  source(name: string, frameFiles: readonly string[] | null): FeatureSource | undefined {
    if (this.spec.kind === 'none') return undefined;
    if (!frameFiles) throw new Error(`${name} has no frame images: ${this.spec.kind} node features are computed from them`);
    const load = async (frame: number): Promise<{ width: number; height: number; data: Uint8Array }> => {
      if (this.hooks.aborted?.()) throw new FeaturesCancelled('cancelled');
      const file = frameFiles[frame - 1];
      if (!file) throw new Error(`${name}: no image for frame ${frame}`);
      const img = await decodeRgb(file);
      this.#done++;
      this.hooks.progress?.(this.#done, Math.max(this.total, this.#done));
      return img;
    };
    if (this.spec.kind === 'color-histogram') return { loadFrame: load };
    const embedder = this.#embedder!;
    return {
      embedder,
      loadCrops: async (frame, tlwh, count, height, width) => {
        const img = await load(frame);
        const tlbr = new Float64Array(4 * count);
        for (let i = 0; i < count; i++) tlbr.set([tlwh[4 * i]!, tlwh[4 * i + 1]!, tlwh[4 * i]! + tlwh[4 * i + 2]!, tlwh[4 * i + 1]! + tlwh[4 * i + 3]!], 4 * i);
        return reidCrops(img, tlbr, count, height, width);
      },
    };
  }

  /** Features of the nodes in `subset` (default all; other rows stay zero). */
  async features(name: string, nodes: MpnNodes, frameFiles: readonly string[] | null, subset?: ArrayLike<number>): Promise<NodeFeatures> {
    return computeNodeFeatures(this.spec, nodes, this.source(name, frameFiles), subset);
  }

  /** Frees the CNN. */
  dispose(): void {
    this.#embedder?.dispose();
  }
}

/** Rows of `t` on frames [from, to]. */
function inRange(t: MotTable, from: number, to: number): (row: number) => boolean {
  return (r) => t.frame[r]! >= from && t.frame[r]! <= to;
}

/**
 * §2.5/§2.7 labelled nodes of a source: its detections matched to the annotations (Hungarian on IoU,
 * ≥ 0.5), or the annotated boxes with visibility ≥ 0.2 themselves when it has no detection set.
 */
export function labelledNodes(s: MpnSourceSequence): MpnSequence['nodes'] {
  const keepGt = inRange(s.gt, s.from, s.to);
  const rows = gtObjectRows(s.gt, { classVisibility: s.gtHasClassVisibility, minVisibility: s.dets ? 0 : 0.2 }).filter(keepGt);
  if (!s.dets) return gtAsNodes(s.gt, rows);
  return assignGtIds(nodesFromTable(s.dets, inRange(s.dets, s.from, s.to)), s.gt, rows);
}

/** Distinct frames of `nodes` (the images feature computation decodes). */
export function distinctFrames(nodes: MpnNodes, subset?: ArrayLike<number>): number {
  const seen = new Set<number>();
  const n = subset ? subset.length : nodes.count;
  for (let k = 0; k < n; k++) seen.add(nodes.frame[subset ? subset[k]! : k]!);
  return seen.size;
}

/** Training/validation sequences with labels and features; the maker's spec is the model's. */
export async function mpnTrainingSequences(sources: readonly MpnSourceSequence[], maker: NodeFeatureMaker): Promise<MpnSequence[]> {
  const labelled = sources.map((s) => ({ s, nodes: labelledNodes(s) }));
  if (maker.spec.kind !== 'none') for (const l of labelled) maker.expect(distinctFrames(l.nodes));
  const out: MpnSequence[] = [];
  for (const { s, nodes } of labelled) {
    const features = await maker.features(s.name, nodes, s.frameFiles);
    out.push({ name: s.name, fps: s.fps, imageWidth: s.imageWidth, imageHeight: s.imageHeight, nodes, features });
  }
  return out;
}
