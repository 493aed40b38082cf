// The MPN of METHODS.md §2.4 (MOT configuration): node and edge encoders, `steps` message-passing steps
// with shared weights (edge update with the initial edge embedding re-attached, time-aware node update with
// separate past/future message MLPs summed per node), and an edge classifier on the last `classSteps`
// steps. Functional, named tensors (like reidModel.ts). Directed copies are laid out forward (src→dst,
// future side of src) then reversed (dst→src, past side of dst), so the future/past split is a slice.
// First layers that read concatenations are applied as split matmuls — node parts on the n nodes, then
// gathered — which equals Linear([h_r, h_c, h_e⁰, h_e]) but costs O(n) instead of O(E) matmul rows.
import * as tf from '@tensorflow/tfjs';
import { EDGE_FEATURES } from '../../../src-shared/mpn/graph';
import { Rng, hashString, mixSeed } from '../rng';
import { gatherRows, indexTensor, segmentSum } from './segment';

/** Layer widths and step counts (§2.4 table). */
export interface MpnArch {
  /** Node feature length D_node (the appearance descriptor's dimension). */
  readonly nodeInputDim: number;
  readonly nodeEncoder: readonly number[];
  readonly edgeEncoder: readonly number[];
  /** Edge-update MLP; its last width must equal the edge encoder's. */
  readonly edgeUpdate: readonly number[];
  /** Past and future message MLPs (same shape, separate weights). */
  readonly message: readonly number[];
  /** Edge classifier; its last width must be 1. */
  readonly classifier: readonly number[];
  readonly steps: number;
  readonly classSteps: number;
}

/** §2.4 dimensions for a node feature length: encoders D→128→32 and 6→18→18→16, edge 96→80→16, messages 48→56→32, node 64→32, classifier 16→8→1, 12 steps, 11 classified. */
export function defaultArch(nodeInputDim: number): MpnArch {
  return { nodeInputDim, nodeEncoder: [128, 32], edgeEncoder: [18, 18, 16], edgeUpdate: [80, 16], message: [56, 32], classifier: [8, 1], steps: 12, classSteps: 11 };
}

/** A named parameter. */
export interface MpnParamSpec {
  readonly name: string;
  readonly shape: readonly [number, number] | readonly [number];
  readonly fanIn: number;
}

/** Named parameter tensors (variables while training, constants for inference). */
export type MpnParams = Readonly<Record<string, tf.Tensor>>;

const last = (d: readonly number[]): number => d[d.length - 1]!;

/** Parameters in forward order: `<block>/<layer>/kernel|bias`, blocks nodeEnc, edgeEnc, edgeUpd, msgFut, msgPast, nodeUpd, cls. */
export function mpnParamSpecs(a: MpnArch): MpnParamSpec[] {
  const H = last(a.nodeEncoder);
  const Fe = last(a.edgeEncoder);
  const M = last(a.message);
  if (last(a.edgeUpdate) !== Fe) throw new Error(`MPN: edge update must output ${Fe} values (the edge encoder's width)`);
  if (last(a.classifier) !== 1) throw new Error('MPN: the classifier must end in 1 unit');
  if (!(a.classSteps >= 1 && a.classSteps <= a.steps)) throw new Error('MPN: need 1 ≤ classSteps ≤ steps');
  const specs: MpnParamSpec[] = [];
  const block = (name: string, inDim: number, dims: readonly number[]): void => {
    let d = inDim;
    dims.forEach((w, l) => {
      specs.push({ name: `${name}/${l}/kernel`, shape: [d, w], fanIn: d });
      specs.push({ name: `${name}/${l}/bias`, shape: [w], fanIn: d });
      d = w;
    });
  };
  block('nodeEnc', a.nodeInputDim, a.nodeEncoder);
  block('edgeEnc', EDGE_FEATURES, a.edgeEncoder);
  block('edgeUpd', 2 * H + 2 * Fe, a.edgeUpdate);
  block('msgFut', H + Fe, a.message);
  block('msgPast', H + Fe, a.message);
  block('nodeUpd', 2 * M, [H]);
  block('cls', Fe, a.classifier);
  return specs;
}

/** PyTorch's nn.Linear initialisation, U(±1/√fanIn) for kernel and bias, seeded per parameter name. */
export function initMpnValues(specs: readonly MpnParamSpec[], seed: number): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  for (const s of specs) {
    const v = new Float32Array(s.shape.reduce((x, y) => x * y, 1));
    const bound = 1 / Math.sqrt(Math.max(1, s.fanIn));
    const r = new Rng(mixSeed(seed, hashString(`mpn/${s.name}`)));
    for (let i = 0; i < v.length; i++) v[i] = (2 * r.next() - 1) * bound;
    out.set(s.name, v);
  }
  return out;
}

/** One graph (or a disjoint union of graphs) as tensors; dispose with `disposeGraphTensors`. */
export interface GraphTensors {
  readonly n: number;
  readonly edges: number;
  readonly x: tf.Tensor2D;
  readonly edgeAttr: tf.Tensor2D;
  readonly src: tf.Tensor2D;
  readonly dst: tf.Tensor2D;
}

/** Uploads node features [n, D], edge features [E, 6] and the undirected edges (src < dst). */
export function graphTensors(n: number, x: Float32Array, dim: number, edgeAttr: Float32Array, src: Int32Array, dst: Int32Array): GraphTensors {
  return {
    n,
    edges: src.length,
    x: tf.tensor2d(x, [n, dim]),
    edgeAttr: tf.tensor2d(edgeAttr, [src.length, EDGE_FEATURES]),
    src: indexTensor(src),
    dst: indexTensor(dst),
  };
}

/** Frees the tensors of `g`. */
export function disposeGraphTensors(g: GraphTensors): void {
  tf.dispose([g.x, g.edgeAttr, g.src, g.dst]);
}

function param(p: MpnParams, name: string): tf.Tensor {
  const t = p[name];
  if (!t) throw new Error(`MPN: missing parameter ${name}`);
  return t;
}

/** Layers `from…` of an MLP: Linear, then ReLU after every layer whose width ≠ 1 (§2.4). */
function mlp(p: MpnParams, block: string, x: tf.Tensor2D, dims: readonly number[], from = 0): tf.Tensor2D {
  for (let l = from; l < dims.length; l++) {
    x = tf.add(tf.matMul(x, param(p, `${block}/${l}/kernel`) as tf.Tensor2D), param(p, `${block}/${l}/bias`)) as tf.Tensor2D;
    if (dims[l] !== 1) x = tf.relu(x);
  }
  return x;
}

const act = (x: tf.Tensor2D, width: number): tf.Tensor2D => (width !== 1 ? tf.relu(x) : x);

/** Row block [from, from + rows) of a layer-0 kernel. */
const rowsOf = (w: tf.Tensor, from: number, rows: number): tf.Tensor2D => tf.slice(w as tf.Tensor2D, [from, 0], [rows, -1]);

/** Row gather and segment sum; the defaults train on every backend (segment.ts), tests swap in tfjs's stock ops. */
export interface GraphOps {
  gather(x: tf.Tensor2D, idx: tf.Tensor2D): tf.Tensor2D;
  segmentSum(x: tf.Tensor2D, idx: tf.Tensor2D, n: number): tf.Tensor2D;
}

/** gatherRows / segmentSum of segment.ts. */
export const WASM_GRAPH_OPS: GraphOps = { gather: gatherRows, segmentSum };

/** Edge logits of the classified steps and the final node embeddings. */
export interface MpnOutput {
  /** One [2E] logit vector per classified step (steps − classSteps + 1 … steps): forward copies, then reversed. */
  readonly logits: tf.Tensor1D[];
  readonly nodes: tf.Tensor2D;
}

/**
 * Runs the MPN on `g` (call inside tf.tidy or a gradient tape). `onlyLast` classifies the last step only
 * (inference uses σ(ℓ^(L)), §2.8 step 3). `ops` swaps the gather/scatter implementation (tests).
 */
export function mpnForward(p: MpnParams, a: MpnArch, g: GraphTensors, onlyLast = false, ops: GraphOps = WASM_GRAPH_OPS): MpnOutput {
  const { gather } = ops;
  const mm = (x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D => tf.matMul(x, w);
  const H = last(a.nodeEncoder);
  const Fe = last(a.edgeEncoder);
  const E = g.edges;
  const linear = (x: tf.Tensor2D, w: tf.Tensor, b: tf.Tensor): tf.Tensor2D => tf.add(mm(x, w as tf.Tensor2D), b) as tf.Tensor2D;
  const wNode = param(p, 'nodeUpd/0/kernel');
  const bNode = param(p, 'nodeUpd/0/bias');
  const classified = (l: number): boolean => l > a.steps - (onlyLast ? 1 : a.classSteps);
  let h = mlp(p, 'nodeEnc', g.x, a.nodeEncoder);
  const logits: tf.Tensor1D[] = [];
  if (E === 0) {
    // No edges: messages are zero, the node update sees only its bias.
    for (let l = 1; l <= a.steps; l++) {
      h = tf.relu(linear(tf.zeros([g.n, 2 * last(a.message)]), wNode, bNode));
      if (classified(l)) logits.push(tf.zeros([0]));
    }
    return { logits, nodes: h };
  }
  const he0 = mlp(p, 'edgeEnc', g.edgeAttr, a.edgeEncoder);
  const wu = param(p, 'edgeUpd/0/kernel');
  const [wRow, wCol, wInit, wCur] = [rowsOf(wu, 0, H), rowsOf(wu, H, H), rowsOf(wu, 2 * H, Fe), rowsOf(wu, 2 * H + Fe, Fe)];
  // The initial-edge part is the same for both copies and every step (reattach_initial_edges).
  const base = linear(he0, wInit, param(p, 'edgeUpd/0/bias'));
  const msg = (block: string): { wNbr: tf.Tensor2D; wEdge: tf.Tensor2D; b: tf.Tensor } => {
    const w = param(p, `${block}/0/kernel`);
    return { wNbr: rowsOf(w, 0, H), wEdge: rowsOf(w, H, Fe), b: param(p, `${block}/0/bias`) };
  };
  const fut = msg('msgFut');
  const past = msg('msgPast');
  const w0 = a.edgeUpdate[0]!;
  const m0 = a.message[0]!;
  let hf = he0;
  let hr = he0;
  for (let l = 1; l <= a.steps; l++) {
    // 1. Edge update of both directed copies: [h_row, h_col, h_e⁰, h_e] → MLP (row/col parts on the nodes, then gathered).
    const P = mm(h, wRow);
    const Q = mm(h, wCol);
    const preF = tf.addN([gather(P, g.src), gather(Q, g.dst), base, mm(hf, wCur)]) as tf.Tensor2D;
    const preR = tf.addN([gather(P, g.dst), gather(Q, g.src), base, mm(hr, wCur)]) as tf.Tensor2D;
    hf = mlp(p, 'edgeUpd', act(preF, w0), a.edgeUpdate, 1);
    hr = mlp(p, 'edgeUpd', act(preR, w0), a.edgeUpdate, 1);
    // 2. Time-aware node update: future messages along forward copies (neighbour = dst), past along
    //    reversed copies (neighbour = src), summed per receiving node. The bias is added by broadcasting:
    //    tf.broadcastTo's Tile gradient would cost one slice kernel per row.
    const mF = mlp(p, 'msgFut', act(tf.add(tf.add(gather(mm(h, fut.wNbr), g.dst), mm(hf, fut.wEdge)), fut.b) as tf.Tensor2D, m0), a.message, 1);
    const mP = mlp(p, 'msgPast', act(tf.add(tf.add(gather(mm(h, past.wNbr), g.src), mm(hr, past.wEdge)), past.b) as tf.Tensor2D, m0), a.message, 1);
    h = tf.relu(linear(tf.concat([ops.segmentSum(mP, g.dst, g.n), ops.segmentSum(mF, g.src, g.n)], 1), wNode, bNode));
    // 3. Classification at the last classSteps steps.
    if (classified(l)) logits.push(tf.reshape(mlp(p, 'cls', tf.concat([hf, hr], 0), a.classifier), [2 * E]));
  }
  return { logits, nodes: h };
}
