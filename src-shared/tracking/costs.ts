// Association costs as pure functions on flat tlbr arrays (4 values per box), row-major matrices of
// rows × cols. Each keeps the float operations of the code it ports, in the same order, because the
// trackers compare these values with thresholds and hand them to an assignment solver.

/**
 * IoU of every box of `a` (rows) with every box of `b` (cols): SORT's and OC-SORT's `iou_batch`
 * (abewley/sort sort.py; noahcao/OC_SORT trackers/ocsort_tracker/association.py), no +1 pixel.
 */
export function iouTlbr(a: Float64Array, na: number, b: Float64Array, nb: number, out?: Float64Array, above?: IouCandidates): Float64Array {
  // A fresh (zero-filled) matrix needs no writes for disjoint pairs, whose IoU is +0 whenever the union is > 0.
  const fresh = out === undefined;
  const o = out ?? new Float64Array(na * nb);
  if (areasB.length < nb) areasB = new Float64Array(Math.max(nb, 2 * areasB.length));
  for (let j = 0; j < nb; j++) areasB[j] = (b[4 * j + 2]! - b[4 * j]!) * (b[4 * j + 3]! - b[4 * j + 1]!);
  if (above) startCandidates(above, nb);
  const finite = noNaN(a, 4 * na) && noNaN(b, 4 * nb);
  for (let i = 0; i < na; i++) {
    const a0 = a[4 * i]!, a1 = a[4 * i + 1]!, a2 = a[4 * i + 2]!, a3 = a[4 * i + 3]!;
    const areaA = (a2 - a0) * (a3 - a1);
    const row = i * nb;
    for (let j = 0; j < nb; j++) {
      const bl = b[4 * j]!;
      const br = b[4 * j + 2]!;
      // Without NaNs, bl >= a2 or br <= a0 implies min(a2, br) - max(a0, bl) <= 0, i.e. w = 0: two comparisons
      // decide most pairs (with a NaN the full expression gives NaN, not 0, so it is evaluated).
      const w = finite && (bl >= a2 || br <= a0) ? 0 : Math.max(0, Math.min(a2, br) - Math.max(a0, bl));
      if (w === 0) {
        // wh = 0: the full expression's value, 0 / union, without the division when union > 0 (+0 then;
        // -0 or NaN for degenerate boxes).
        const union = areaA + areasB[j]!;
        if (!(fresh && union > 0)) o[row + j] = union > 0 ? 0 : 0 / union;
        continue;
      }
      const h = Math.max(0, Math.min(a3, b[4 * j + 3]!) - Math.max(a1, b[4 * j + 1]!));
      const wh = w * h;
      const v = wh / (areaA + areasB[j]! - wh);
      o[row + j] = v;
      if (above && v > above.threshold) addCandidate(above, i, j);
    }
  }
  return o;
}

function noNaN(v: Float64Array, n: number): boolean {
  for (let k = 0; k < n; k++) if (v[k] !== v[k]) return false;
  return true;
}

/**
 * The pairs whose IoU is above a threshold ≥ 0, collected by iouTlbr while it computes them (disjoint
 * pairs, IoU 0, never are): sort.py's `iou_matrix > iou_threshold`, in row-major order (`np.where`).
 */
export interface IouCandidates {
  readonly threshold: number;
  rows: number[];
  cols: number[];
  /** Some row or column has two or more pairs above the threshold. */
  ambiguous: boolean;
  /** Per column: pairs above the threshold so far (scratch). */
  colHits: Int32Array;
  lastRow: number;
}

/** An empty candidate collector for `threshold` (≥ 0). */
export function iouCandidates(threshold: number): IouCandidates {
  if (!(threshold >= 0)) throw new RangeError(`iouCandidates needs a threshold >= 0, got ${threshold}`);
  return { threshold, rows: [], cols: [], ambiguous: false, colHits: new Int32Array(64), lastRow: -1 };
}

function startCandidates(c: IouCandidates, nb: number): void {
  c.rows = [];
  c.cols = [];
  c.ambiguous = false;
  c.lastRow = -1;
  if (c.colHits.length < nb) c.colHits = new Int32Array(Math.max(nb, 2 * c.colHits.length));
  else c.colHits.fill(0, 0, nb);
}

function addCandidate(c: IouCandidates, i: number, j: number): void {
  if (c.lastRow === i || c.colHits[j]! > 0) c.ambiguous = true;
  c.colHits[j]!++;
  c.lastRow = i;
  c.rows.push(i);
  c.cols.push(j);
}

/** Scratch for iouTlbr's column areas (grown, never shrunk: no allocation per frame). */
let areasB = new Float64Array(64);

/**
 * IoU with the +1 pixel convention of `cython_bbox.bbox_overlaps` (used by ByteTrack's
 * yolox/tracker/matching.py `ious`): widths are x2 - x1 + 1, and pairs that do not overlap are 0.
 */
export function iouTlbrPlus1(a: Float64Array, na: number, b: Float64Array, nb: number, out = new Float64Array(na * nb)): Float64Array {
  for (let j = 0; j < nb; j++) {
    const q0 = b[4 * j]!, q1 = b[4 * j + 1]!, q2 = b[4 * j + 2]!, q3 = b[4 * j + 3]!;
    const boxArea = (q2 - q0 + 1) * (q3 - q1 + 1);
    for (let i = 0; i < na; i++) {
      const a0 = a[4 * i]!, a1 = a[4 * i + 1]!, a2 = a[4 * i + 2]!, a3 = a[4 * i + 3]!;
      let v = 0;
      const iw = Math.min(a2, q2) - Math.max(a0, q0) + 1;
      if (iw > 0) {
        const ih = Math.min(a3, q3) - Math.max(a1, q1) + 1;
        if (ih > 0) {
          const ua = (a2 - a0 + 1) * (a3 - a1 + 1) + boxArea - iw * ih;
          v = (iw * ih) / ua;
        }
      }
      out[i * nb + j] = v;
    }
  }
  return out;
}

/**
 * Generalised IoU in [-1, 1] (Rezatofighi et al. 2019) as OC-SORT's `giou_batch` computes it, before
 * its rescale to (0, 1) (`(giou + 1) / 2`, see `giouCostOcSort`).
 */
export function giouTlbr(a: Float64Array, na: number, b: Float64Array, nb: number, out = new Float64Array(na * nb)): Float64Array {
  for (let i = 0; i < na; i++) {
    const a0 = a[4 * i]!, a1 = a[4 * i + 1]!, a2 = a[4 * i + 2]!, a3 = a[4 * i + 3]!;
    for (let j = 0; j < nb; j++) {
      const b0 = b[4 * j]!, b1 = b[4 * j + 1]!, b2 = b[4 * j + 2]!, b3 = b[4 * j + 3]!;
      const w = Math.max(0, Math.min(a2, b2) - Math.max(a0, b0));
      const h = Math.max(0, Math.min(a3, b3) - Math.max(a1, b1));
      const wh = w * h;
      const union = (a2 - a0) * (a3 - a1) + (b2 - b0) * (b3 - b1) - wh;
      const iou = wh / union;
      const enclose = (Math.max(a2, b2) - Math.min(a0, b0)) * (Math.max(a3, b3) - Math.min(a1, b1));
      out[i * nb + j] = iou - (enclose - union) / enclose;
    }
  }
  return out;
}

/** OC-SORT's `giou_batch` value: GIoU rescaled from (-1, 1) to (0, 1), a drop-in for IoU in its association. */
export function giouOcSort(a: Float64Array, na: number, b: Float64Array, nb: number): Float64Array {
  const g = giouTlbr(a, na, b, nb);
  for (let k = 0; k < g.length; k++) g[k] = (g[k]! + 1) / 2;
  return g;
}

/** 1 - v for every entry (ByteTrack's `iou_distance`: cost_matrix = 1 - ious), in place. */
export function oneMinus(m: Float64Array): Float64Array {
  for (let k = 0; k < m.length; k++) m[k] = 1 - m[k]!;
  return m;
}

/**
 * ByteTrack's `fuse_score` (matching.py): cost = 1 - (1 - cost) × score of the column's detection,
 * in place (rows = tracks, cols = detections).
 */
export function fuseScore(cost: Float64Array, rows: number, cols: number, detScore: Float64Array): Float64Array {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const k = i * cols + j;
      cost[k] = 1 - (1 - cost[k]!) * detScore[j]!;
    }
  }
  return cost;
}

/**
 * Cosine distance max(0, 1 - u·v / (|u| |v|)) between rows of `a` and rows of `b` (dimension `dim`):
 * scipy's `cdist(..., 'cosine')` clipped at 0 as ByteTrack/BoT-SORT `embedding_distance` does.
 * A zero vector has distance 1 to everything.
 */
export function cosineDistance(a: Float32Array, na: number, b: Float32Array, nb: number, dim: number, out = new Float64Array(na * nb)): Float64Array {
  const normB = new Float64Array(nb);
  for (let j = 0; j < nb; j++) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += b[j * dim + d]! * b[j * dim + d]!;
    normB[j] = Math.sqrt(s);
  }
  for (let i = 0; i < na; i++) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += a[i * dim + d]! * a[i * dim + d]!;
    const normA = Math.sqrt(s);
    for (let j = 0; j < nb; j++) {
      let dot = 0;
      for (let d = 0; d < dim; d++) dot += a[i * dim + d]! * b[j * dim + d]!;
      const denom = normA * normB[j]!;
      out[i * nb + j] = denom > 0 ? Math.max(0, 1 - dot / denom) : 1;
    }
  }
  return out;
}
