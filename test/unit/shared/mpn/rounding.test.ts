// METHODS.md §2.10 M4 (exact rounding of σ(logits) on the toy clip) and §2.8 step 6 (trajectories,
// minimum length, interpolation), plus the inference windows of §2.8 steps 1–4.
import { describe, expect, it } from 'vitest';
import { buildGraph, DEFAULT_GRAPH_OPTIONS } from '../../../../src-shared/mpn/graph';
import { constraintSatisfaction, flowViolations, roundEdges } from '../../../../src-shared/mpn/rounding';
import { buildTrajectories } from '../../../../src-shared/mpn/trajectories';
import { EdgeAverager, planWindows, sampleSequence, samplingStep } from '../../../../src-shared/mpn/windows';
import { expectClose } from '../../../helpers/close';
import { mpnToy } from '../../../helpers/mpnToy';

const toy = mpnToy();
const all = Int32Array.from({ length: toy.nodes.count }, (_, i) => i);

describe('exact rounding (§2.8 step 5)', () => {
  it('M4: σ of the M3 logits rounds to (0,2) and (2,3)', () => {
    const g = buildGraph(toy.nodes, toy.features, all, { ...DEFAULT_GRAPH_OPTIONS, fps: toy.fps });
    const p = [2, -1, -2, 0.5, -3, -1.5, 1, 0].map((l) => 1 / (1 + Math.exp(-l)));
    expectClose(p, [0.880797, 0.268941, 0.119203, 0.622459, 0.047426, 0.182426, 0.731059, 0.5], 1e-6);
    const active = roundEdges(g.n, g.src, g.dst, p);
    expect(Array.from(active)).toEqual([1, 0, 0, 0, 0, 0, 1, 0]);
    // Plain thresholding puts two in-edges on node 2: 4 of 5 nodes satisfy the constraints.
    expect(constraintSatisfaction(g.n, g.src, g.dst, p)).toBeCloseTo(0.8, 12);
    expect(flowViolations(g.n, g.src, g.dst, active)).toBe(0);
  });

  it('prefers two medium edges over one strong edge when their total weight is larger', () => {
    // 0→2 (0.95) conflicts with both 0→3 (0.9) and 1→2 (0.9): 2·0.8 > 0.9, so the pair wins.
    const active = roundEdges(4, [0, 0, 1], [2, 3, 2], [0.95, 0.9, 0.9]);
    expect(Array.from(active)).toEqual([0, 1, 1]);
  });
});

describe('trajectories (§2.8 step 6)', () => {
  it('links chains, drops short ones and interpolates centre, width and height', () => {
    // Node 0 (frame 1) → node 3 (frame 3): one trajectory with frame 2 interpolated; node 1 and 2 → 4 not active.
    const t = buildTrajectories(toy.nodes, all, [0, 1], [3, 4], [1, 0], { minTrackLength: 2, interpolate: true });
    expect(t.trackCount).toBe(1);
    expect(Array.from(t.table.frame)).toEqual([1, 2, 3]);
    expect(Array.from(t.table.id)).toEqual([1, 1, 1]);
    // Frame 2: centre (120, 100)→(140.5, 103): (130.25, 101.5); w 40.5, h 101 → x 110, y 51.
    expectClose([t.table.x[1]!, t.table.y[1]!, t.table.w[1]!, t.table.h[1]!], [110, 51, 40.5, 101], 1e-12);
    const none = buildTrajectories(toy.nodes, all, [0], [3], [1], { minTrackLength: 3, interpolate: false });
    expect(none.trackCount).toBe(0);
    const solo = buildTrajectories(toy.nodes, all, [], [], [], { minTrackLength: 1, interpolate: true });
    expect(solo.trackCount).toBe(5);
    expect(() => buildTrajectories(toy.nodes, all, [0, 0], [2, 3], [1, 1])).toThrow(/two active edges/);
  });
});

describe('inference windows (§2.8 steps 1–4)', () => {
  it('samples at round(fps / target fps) and plans n-frame windows with stride 1', () => {
    expect(samplingStep(30, 6)).toBe(5);
    expect(samplingStep(7, 6)).toBe(1);
    expect(samplingStep(14, 9)).toBe(2);
    // 30 frames, 2 detections per frame, step 5 → frames 1, 6, …, 26.
    const n = 60;
    const nodes = { count: n, frame: Int32Array.from({ length: n }, (_, i) => 1 + (i >> 1)), tlwh: new Float64Array(4 * n), score: new Float64Array(n) };
    const s = sampleSequence(nodes, 5);
    expect(Array.from(s.frames)).toEqual([1, 6, 11, 16, 21, 26]);
    expect(s.nodes.length).toBe(12);
    // round(8 / 2) = 4 frames per window → starts 0, 1, 2.
    const w = planWindows(s, { maxFrames: 15, targetDetections: 8, stride: 1 });
    expect(w.map((x) => [x.firstFrame, x.lastFrame, x.start, x.end])).toEqual([[1, 16, 0, 8], [6, 21, 2, 10], [11, 26, 4, 12]]);
    const strided = planWindows(s, { maxFrames: 15, targetDetections: 8, stride: 2 });
    expect(strided.map((x) => x.firstFrame)).toEqual([1, 11]);
  });

  it('averages an edge over the windows that held it', () => {
    const a = new EdgeAverager(10);
    a.add(3, 5, 0.2);
    a.add(1, 2, 0.9);
    a.add(3, 5, 0.6);
    const r = a.result();
    expect(Array.from(r.src)).toEqual([1, 3]);
    expect(Array.from(r.dst)).toEqual([2, 5]);
    expectClose(r.p, [0.9, 0.4], 1e-15);
  });
});
