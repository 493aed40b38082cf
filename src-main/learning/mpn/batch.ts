// A training batch (METHODS.md §2.2 "one batch = disjoint union of up to 8 clip graphs"): each clip's graph
// (§2.2–2.3), its directed labels (§2.5) and what the UniTrack adapter (§1.10) needs, concatenated with node
// and edge offsets into one graph so the MPN runs once per step.
import { buildGraph, EDGE_FEATURES, type MpnGraph } from '../../../src-shared/mpn/graph';
import { edgeLabels, graphGtIds } from '../../../src-shared/mpn/labels';
import type { Clip, MpnSequence } from './clips';
import { graphOptionsOf, type MpnGraphConfig } from './config';
import type { UtGraph } from './unitrackEdges';

/** The union graph of a batch as plain arrays, plus per-clip loss inputs. */
export interface MpnBatch {
  readonly n: number;
  readonly dim: number;
  readonly x: Float32Array;
  readonly edgeAttr: Float32Array;
  readonly src: Int32Array;
  readonly dst: Int32Array;
  /** Directed labels [2E]: forward copies of all edges, then reversed copies (the model's layout). */
  readonly labels: Float32Array;
  readonly graphs: readonly MpnGraph[];
  readonly ut: readonly UtGraph[];
}

/** Per-clip graph and loss inputs. */
function clipGraph(seq: MpnSequence, clip: Clip, graphOpts: MpnGraphConfig): { g: MpnGraph; gt: Int32Array; yF: Float32Array; yR: Float32Array } {
  const g = buildGraph(seq.nodes, seq.features, clip.picks, graphOptionsOf(graphOpts, seq.fps), clip.tlwh);
  const gt = graphGtIds(g, seq.nodes.gtId);
  const y = edgeLabels(g, gt);
  return { g, gt, yF: y.subarray(0, g.edgeCount), yR: y.subarray(g.edgeCount) };
}

function utGraph(seq: MpnSequence, clip: Clip, g: MpnGraph, gt: Int32Array, yOut: Float32Array, yIn: Float32Array, edgeOffset: number): UtGraph {
  const n = g.n;
  const cx = Float64Array.from({ length: n }, (_, i) => g.tlwh[4 * i]! + g.tlwh[4 * i + 2]! / 2);
  const cy = Float64Array.from({ length: n }, (_, i) => g.tlwh[4 * i + 1]! + g.tlwh[4 * i + 3]! / 2);
  const t = Float64Array.from(g.frame, (f) => (f - clip.frames[0]!) / clip.step);
  // §1.3 A3 over the clip: P detections, FP unmatched ones, GT objects on the clip's frames, FN = GT − TP.
  let fp = 0;
  for (let i = 0; i < n; i++) if (gt[i]! < 0) fp++;
  let gtTotal = 0;
  for (const f of clip.frames) gtTotal += seq.nodes.gtCount[f] ?? 0;
  const frames = clip.frames.map((f) => {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (g.frame[i] === f) idx.push(i);
    const boxesXyxy = new Float64Array(4 * idx.length);
    idx.forEach((i, k) => boxesXyxy.set([g.tlwh[4 * i]!, g.tlwh[4 * i + 1]!, g.tlwh[4 * i]! + g.tlwh[4 * i + 2]!, g.tlwh[4 * i + 1]! + g.tlwh[4 * i + 3]!], 4 * k));
    return { boxesXyxy, gtIds: Int32Array.from(idx, (i) => gt[i]!) };
  });
  const dt = clip.frames.slice(1).map((f, k) => (f - clip.frames[k]!) / clip.step);
  return {
    edgeOffset,
    n,
    src: g.src,
    dst: g.dst,
    yOut,
    yIn,
    cx,
    cy,
    t,
    diag: Math.hypot(seq.imageWidth, seq.imageHeight),
    counts: { fp, p: n, fn: Math.max(0, gtTotal - (n - fp)), gt: gtTotal },
    frames,
    dt,
  };
}

/** Builds every clip's graph and concatenates them; `withUt` also prepares the UniTrack inputs. */
export function assembleMpnBatch(seqs: readonly MpnSequence[], clips: readonly Clip[], graphOpts: MpnGraphConfig, withUt: boolean): MpnBatch {
  const parts = clips.map((c) => ({ c, seq: seqs[c.sequence]!, ...clipGraph(seqs[c.sequence]!, c, graphOpts) }));
  const dim = parts.length ? parts[0]!.seq.features.dim : 1;
  const n = parts.reduce((a, p) => a + p.g.n, 0);
  const E = parts.reduce((a, p) => a + p.g.edgeCount, 0);
  const x = new Float32Array(n * dim);
  const edgeAttr = new Float32Array(E * EDGE_FEATURES);
  const src = new Int32Array(E);
  const dst = new Int32Array(E);
  const labels = new Float32Array(2 * E);
  const ut: UtGraph[] = [];
  let no = 0;
  let eo = 0;
  for (const p of parts) {
    if (p.seq.features.dim !== dim) throw new Error(`sequence ${p.seq.name} has ${p.seq.features.dim}-d features, expected ${dim}`);
    for (let i = 0; i < p.g.n; i++) x.set(p.seq.features.values.subarray(p.g.nodes[i]! * dim, (p.g.nodes[i]! + 1) * dim), (no + i) * dim);
    edgeAttr.set(p.g.edgeAttr, eo * EDGE_FEATURES);
    for (let e = 0; e < p.g.edgeCount; e++) {
      src[eo + e] = p.g.src[e]! + no;
      dst[eo + e] = p.g.dst[e]! + no;
    }
    labels.set(p.yF, eo);
    labels.set(p.yR, E + eo);
    if (withUt) ut.push(utGraph(p.seq, p.c, p.g, p.gt, p.yF, p.yR, eo));
    no += p.g.n;
    eo += p.g.edgeCount;
  }
  return { n, dim, x, edgeAttr, src, dst, labels, graphs: parts.map((p) => p.g), ut };
}
