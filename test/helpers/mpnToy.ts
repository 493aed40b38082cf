// The toy clip of METHODS.md §2.10 (mpn_ref.py): five detections over three frames at 30 fps, ids 7 and 8,
// id 8 missed in frame 2, 2-d ReID vectors. Expected values in the MPN tests come from mpn_ref.out.txt.
import type { LabelledNodes, NodeFeatures } from '../../src-shared/mpn/nodes';

const ROWS: readonly (readonly [number, number, number, number, number, number, readonly [number, number]])[] = [
  [1, 7, 100, 50, 40, 100, [1, 0]],
  [1, 8, 300, 60, 42, 110, [0, 1]],
  [2, 7, 110, 50, 40, 100, [0.9, 0.1]],
  [3, 7, 120, 52, 41, 102, [0.8, 0.2]],
  [3, 8, 310, 60, 42, 108, [0.1, 0.9]],
];

/** The toy nodes (frame-sorted, GT ids attached) and their ReID features. */
export function mpnToy(): { nodes: LabelledNodes; features: NodeFeatures; fps: number } {
  const n = ROWS.length;
  const nodes: LabelledNodes = {
    count: n,
    frame: Int32Array.from(ROWS, (r) => r[0]),
    gtId: Int32Array.from(ROWS, (r) => r[1]),
    tlwh: Float64Array.from(ROWS.flatMap((r) => [r[2], r[3], r[4], r[5]])),
    score: new Float64Array(n).fill(1),
    gtCount: Int32Array.of(0, 2, 1, 2),
  };
  return { nodes, features: { dim: 2, values: Float32Array.from(ROWS.flatMap((r) => r[6])) }, fps: 30 };
}

/** mpn_ref.py's wiring-test weights: W[k,l] = 0.5·sin(1.3k + 0.7l + 0.1·seed), b[l] = 0.05·cos(l + 0.1·seed). */
export function detLinear(din: number, dout: number, seed: number): { kernel: Float32Array; bias: Float32Array } {
  const kernel = new Float32Array(din * dout);
  for (let k = 0; k < din; k++) for (let l = 0; l < dout; l++) kernel[k * dout + l] = 0.5 * Math.sin(1.3 * k + 0.7 * l + 0.1 * seed);
  return { kernel, bias: Float32Array.from({ length: dout }, (_, l) => 0.05 * Math.cos(l + 0.1 * seed)) };
}
