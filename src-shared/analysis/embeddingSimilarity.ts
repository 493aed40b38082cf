// Embedding diagnostics (FDTA's observation, METHODS.md §3: embeddings that separate classes but not
// instances show high similarity between *different* objects, which is what breaks association). For a
// trained appearance model and a sequence: the cosine similarities between the objects of frame t and
// those of frame t + k, split into same-object pairs (one GT id) and inter-object pairs; the per-frame
// similarity matrix; and two figures that say how well the embedding separates the two:
//   auc    — P(a same-object pair is more similar than an inter-object pair), ties counting ½
//            (Mann–Whitney U / (n_same · n_inter)); 0.5 = no separation, 1 = perfect;
//   rank1  — share of objects of frame t present at t + k whose most similar object at t + k is itself
//            (nearest-neighbour association by appearance alone).

/** Embedded boxes, ordered by frame: `count` rows of `dim` L2-normalised values. */
export interface EmbeddedBoxes {
  readonly count: number;
  readonly dim: number;
  readonly frame: Int32Array;
  /** GT ids. */
  readonly id: Int32Array;
  readonly embeddings: Float32Array;
}

/** The similarities of frame t's objects (rows) against frame t + k's (columns). */
export interface SimilarityMatrix {
  readonly frame: number;
  readonly otherFrame: number;
  readonly rowIds: readonly number[];
  readonly colIds: readonly number[];
  /** rows × cols, row-major. */
  readonly values: Float32Array;
}

/** Histograms of same-object and inter-object cosine similarities with the summary figures. */
export interface SimilarityStats {
  /** Frame offset k. */
  readonly gap: number;
  /** Frame pairs (t, t + k) that had objects in both frames. */
  readonly framePairs: number;
  /** Bin edges: `bins` equal bins over [-1, 1]. */
  readonly bins: number;
  readonly same: readonly number[];
  readonly inter: readonly number[];
  readonly sameCount: number;
  readonly interCount: number;
  readonly sameMean: number;
  readonly interMean: number;
  /** Share of inter-object pairs with similarity > 0.9 (FDTA Fig. 1's figure). */
  readonly interAbove09: number;
  readonly auc: number;
  readonly rank1: number;
  /** Objects of frame t also present at t + k (the rank-1 denominator). */
  readonly rank1Count: number;
}

/** Checks the layout of `b` (ordered frames, sizes); throws a clear error otherwise. */
export function checkEmbeddedBoxes(b: EmbeddedBoxes): void {
  if (!(Number.isInteger(b.dim) && b.dim >= 1)) throw new RangeError(`embedding dim must be a positive integer, got ${b.dim}`);
  if (b.frame.length !== b.count || b.id.length !== b.count) throw new RangeError(`frame/id arrays hold ${b.frame.length}/${b.id.length} values for ${b.count} boxes`);
  if (b.embeddings.length !== b.count * b.dim) throw new RangeError(`embeddings hold ${b.embeddings.length} values, expected ${b.count} × ${b.dim}`);
  for (let i = 1; i < b.count; i++) if (b.frame[i]! < b.frame[i - 1]!) throw new RangeError(`boxes must be ordered by frame (row ${i}: frame ${b.frame[i]} after ${b.frame[i - 1]})`);
}

/** Row ranges per frame: frame -> [start, end). */
export function frameRanges(b: EmbeddedBoxes): Map<number, readonly [number, number]> {
  const out = new Map<number, readonly [number, number]>();
  let start = 0;
  for (let i = 1; i <= b.count; i++) {
    if (i === b.count || b.frame[i] !== b.frame[start]) {
      out.set(b.frame[start]!, [start, i]);
      start = i;
    }
  }
  return out;
}

function dot(e: Float32Array, dim: number, i: number, j: number): number {
  let s = 0;
  for (let d = 0; d < dim; d++) s += e[i * dim + d]! * e[j * dim + d]!;
  return s;
}

/** The similarity matrix of frame `t` against frame `t2` (rows/cols in stored order); empty when either has no boxes. */
export function similarityMatrix(b: EmbeddedBoxes, t: number, t2: number, ranges = frameRanges(b)): SimilarityMatrix {
  const [r0, r1] = ranges.get(t) ?? [0, 0];
  const [c0, c1] = ranges.get(t2) ?? [0, 0];
  const values = new Float32Array((r1 - r0) * (c1 - c0));
  for (let i = r0; i < r1; i++) for (let j = c0; j < c1; j++) values[(i - r0) * (c1 - c0) + (j - c0)] = dot(b.embeddings, b.dim, i, j);
  return { frame: t, otherFrame: t2, rowIds: Array.from(b.id.subarray(r0, r1)), colIds: Array.from(b.id.subarray(c0, c1)), values };
}

/** P(x > y) + ½ P(x = y) for x from `pos`, y from `neg` (Mann–Whitney); NaN when either is empty. */
export function aucOf(pos: Float32Array | readonly number[], neg: Float32Array | readonly number[]): number {
  if (pos.length === 0 || neg.length === 0) return Number.NaN;
  const all = new Float64Array(pos.length + neg.length);
  all.set(pos);
  all.set(neg, pos.length);
  const idx = Uint32Array.from(all.keys()).sort((x, y) => all[x]! - all[y]!);
  // Rank sum of the positives, ties sharing their average rank.
  let rankSum = 0;
  for (let s = 0; s < idx.length; ) {
    let e = s;
    while (e + 1 < idx.length && all[idx[e + 1]!] === all[idx[s]!]) e++;
    const avg = (s + e) / 2 + 1;
    for (let k = s; k <= e; k++) if (idx[k]! < pos.length) rankSum += avg;
    s = e + 1;
  }
  return (rankSum - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}

/** Same-object vs inter-object similarities over the frame pairs (t, t + gap) for t in `anchors`. */
export function similarityStats(b: EmbeddedBoxes, anchors: readonly number[], gap: number, bins = 40): SimilarityStats {
  checkEmbeddedBoxes(b);
  if (!(Number.isInteger(gap) && gap >= 1)) throw new RangeError(`frame gap must be a whole number >= 1, got ${gap}`);
  if (!(Number.isInteger(bins) && bins >= 2 && bins <= 400)) throw new RangeError(`bins must be a whole number in 2..400, got ${bins}`);
  const ranges = frameRanges(b);
  const same: number[] = [];
  const inter: number[] = [];
  let framePairs = 0;
  let rank1Hits = 0;
  let rank1Count = 0;
  for (const t of anchors) {
    const m = similarityMatrix(b, t, t + gap, ranges);
    const cols = m.colIds.length;
    if (m.rowIds.length === 0 || cols === 0) continue;
    framePairs++;
    m.rowIds.forEach((id, r) => {
      let best = -1;
      for (let c = 0; c < cols; c++) {
        const v = m.values[r * cols + c]!;
        (m.colIds[c] === id ? same : inter).push(v);
        if (best < 0 || v > m.values[r * cols + best]!) best = c;
      }
      if (m.colIds.includes(id)) {
        rank1Count++;
        if (m.colIds[best] === id) rank1Hits++;
      }
    });
  }
  const histogram = (xs: readonly number[]): number[] => {
    const h = new Array<number>(bins).fill(0);
    for (const x of xs) h[Math.min(bins - 1, Math.max(0, Math.floor(((x + 1) / 2) * bins)))]!++;
    return h;
  };
  const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : Number.NaN);
  return {
    gap,
    framePairs,
    bins,
    same: histogram(same),
    inter: histogram(inter),
    sameCount: same.length,
    interCount: inter.length,
    sameMean: mean(same),
    interMean: mean(inter),
    interAbove09: inter.length ? inter.filter((x) => x > 0.9).length / inter.length : Number.NaN,
    auc: aucOf(same, inter),
    rank1: rank1Count ? rank1Hits / rank1Count : Number.NaN,
    rank1Count,
  };
}

/** Up to `max` anchor frames t, spread evenly, such that both t and t + gap are in `frames` (sorted ascending). */
export function pickAnchors(frames: readonly number[], gap: number, max: number): number[] {
  if (!(Number.isInteger(max) && max >= 1)) throw new RangeError(`anchor count must be a whole number >= 1, got ${max}`);
  const have = new Set(frames);
  const ok = frames.filter((t) => have.has(t + gap));
  if (ok.length <= max) return ok;
  return Array.from({ length: max }, (_, k) => ok[Math.round((k * (ok.length - 1)) / Math.max(1, max - 1))]!);
}
