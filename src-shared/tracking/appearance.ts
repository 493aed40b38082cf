// An appearance tracker in the style of BoT-SORT (Aharon et al. 2022, NirAharon/BoT-SORT
// tracker/bot_sort.py) and Deep SORT (Wojke et al. 2017): ByteTrack's two-stage association and
// xyah Kalman filter, plus an embedding per detection (any embedding function: a trained CNN, or the
// colour histogram of colorHistogram.ts). Cost of the first stage = min(IoU distance fused with the
// score, cosine distance to the track's EMA feature / 2), where the appearance term is dropped for
// pairs that are far apart (IoU distance > proximityThresh) or look different (> appearanceThresh),
// and pairs outside the Kalman gate (squared Mahalanobis distance > chi²₀.₉₅(4), Deep SORT) are
// forbidden. Without embeddings it reduces to ByteTrack's association.
import { assignComponents } from './components';
import { cosineDistance, fuseScore, iouTlbrPlus1, oneMinus } from './costs';
import { CHI2INV95, XyahKalman, tlwhToXyah, xyahToTlwh } from './kalmanXyah';
import { sequentialIds, type FrameDetections, type IdAllocator, type TrackBox, type Tracker } from './types';

/** Parameters; defaults are BoT-SORT's (tools/track.py args) where it has them, else ByteTrack's. */
export interface AppearanceParams {
  /** High/low score split (BoT-SORT track_high_thresh 0.6). */
  readonly highThresh: number;
  /** Second-stage detections need score > this (track_low_thresh 0.1). */
  readonly lowThresh: number;
  /** A new track needs score >= this (new_track_thresh 0.7). */
  readonly newTrackThresh: number;
  /** First association cost limit (match_thresh 0.8). */
  readonly matchThresh: number;
  /** Frames a lost track is kept at 30 fps (track_buffer 30). */
  readonly trackBuffer: number;
  /** Sequence frame rate (BYTETracker frame_rate 30). */
  readonly frameRate: number;
  /** Appearance is used only for pairs with IoU distance <= this (proximity_thresh 0.5). */
  readonly proximityThresh: number;
  /** Appearance distances above this count as no match (appearance_thresh 0.25). */
  readonly appearanceThresh: number;
  /** EMA weight of the old feature (STrack alpha 0.9). */
  readonly emaAlpha: number;
  /** Forbid pairs outside the Kalman chi-square gate (Deep SORT `gate_cost_matrix`). */
  readonly motionGate: boolean;
}

/** The defaults. */
export const APPEARANCE_DEFAULTS: AppearanceParams = {
  highThresh: 0.6,
  lowThresh: 0.1,
  newTrackThresh: 0.7,
  matchThresh: 0.8,
  trackBuffer: 30,
  frameRate: 30,
  proximityThresh: 0.5,
  appearanceThresh: 0.25,
  emaAlpha: 0.9,
  motionGate: true,
};

interface Track {
  readonly id: number;
  readonly mean: Float64Array;
  readonly cov: Float64Array;
  /** L2-normalised EMA of the matched embeddings (null without embeddings). */
  feature: Float32Array | null;
  lost: boolean;
  confirmed: boolean;
  score: number;
  lastFrame: number;
}

function normalise(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  const n = Math.sqrt(s);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] = v[i]! / n;
  return v;
}

/** The appearance tracker. */
export class AppearanceTracker implements Tracker {
  readonly params: AppearanceParams;
  readonly #ids: IdAllocator;
  readonly #kf = new XyahKalman();
  #tracks: Track[] = [];
  #frame = 0;

  constructor(params: Partial<AppearanceParams> = {}, ids: IdAllocator = sequentialIds()) {
    this.params = { ...APPEARANCE_DEFAULTS, ...params };
    this.#ids = ids;
  }

  /** Cost matrix tracks × detections `idx` (see the file comment). */
  #cost(ts: readonly Track[], f: FrameDetections, idx: readonly number[], useAppearance: boolean): Float64Array {
    const p = this.params;
    const nt = ts.length;
    const nd = idx.length;
    const tt = new Float64Array(4 * nt);
    const box = new Float64Array(4);
    ts.forEach((t, i) => {
      xyahToTlwh(t.mean, box);
      tt.set([box[0]!, box[1]!, box[2]! + box[0]!, box[3]! + box[1]!], 4 * i);
    });
    const dt = new Float64Array(4 * nd);
    const xyah = new Float64Array(4 * nd);
    const tlwh = new Float64Array(4);
    idx.forEach((d, j) => {
      dt.set(f.tlbr.subarray(4 * d, 4 * d + 4), 4 * j);
      tlwh.set([f.tlbr[4 * d]!, f.tlbr[4 * d + 1]!, f.tlbr[4 * d + 2]! - f.tlbr[4 * d]!, f.tlbr[4 * d + 3]! - f.tlbr[4 * d + 1]!]);
      tlwhToXyah(tlwh, 0, xyah, 4 * j);
    });
    const iouDist = oneMinus(iouTlbrPlus1(tt, nt, dt, nd));
    const cost = useAppearance ? fuseScore(iouDist.slice(), nt, nd, Float64Array.from(idx, (d) => f.score[d]!)) : iouDist.slice();
    const dim = f.embeddingDim ?? 0;
    if (useAppearance && f.embeddings && dim > 0) {
      const det = new Float32Array(nd * dim);
      idx.forEach((d, j) => det.set(f.embeddings!.subarray(d * dim, d * dim + dim), j * dim));
      for (let i = 0; i < nt; i++) {
        const feat = ts[i]!.feature;
        if (!feat || feat.length !== dim) continue;
        const emb = cosineDistance(feat, 1, det, nd, dim);
        for (let j = 0; j < nd; j++) {
          const e = emb[j]! / 2;
          if (e > p.appearanceThresh || iouDist[i * nd + j]! > p.proximityThresh) continue;
          cost[i * nd + j] = Math.min(cost[i * nd + j]!, e);
        }
      }
    }
    if (p.motionGate) {
      for (let i = 0; i < nt; i++) {
        const g = this.#kf.gatingDistance(ts[i]!.mean, ts[i]!.cov, xyah, nd);
        for (let j = 0; j < nd; j++) if (g[j]! > CHI2INV95[4]!) cost[i * nd + j] = Infinity;
      }
    }
    return cost;
  }

  #match(t: Track, f: FrameDetections, d: number): void {
    const tlwh = Float64Array.of(f.tlbr[4 * d]!, f.tlbr[4 * d + 1]!, f.tlbr[4 * d + 2]! - f.tlbr[4 * d]!, f.tlbr[4 * d + 3]! - f.tlbr[4 * d + 1]!);
    this.#kf.update(t.mean, t.cov, tlwhToXyah(tlwh, 0, new Float64Array(4)));
    this.#blendFeature(t, f, d);
    t.lost = false;
    t.confirmed = true;
    t.score = f.score[d]!;
    t.lastFrame = this.#frame;
  }

  #blendFeature(t: Track, f: FrameDetections, d: number): void {
    const dim = f.embeddingDim ?? 0;
    if (!f.embeddings || dim === 0) return;
    const feat = normalise(f.embeddings.slice(d * dim, d * dim + dim));
    if (!t.feature || t.feature.length !== dim) t.feature = feat;
    else {
      const a = this.params.emaAlpha;
      for (let k = 0; k < dim; k++) t.feature[k] = a * t.feature[k]! + (1 - a) * feat[k]!;
      normalise(t.feature);
    }
  }

  /** One frame. */
  update(f: FrameDetections): TrackBox[] {
    const p = this.params;
    const frame = ++this.#frame;
    const high: number[] = [];
    const low: number[] = [];
    for (let i = 0; i < f.count; i++) {
      const s = f.score[i]!;
      if (s > p.highThresh) high.push(i);
      else if (s > p.lowThresh) low.push(i);
    }
    const unconfirmed = this.#tracks.filter((t) => !t.confirmed);
    const pool = this.#tracks.filter((t) => t.confirmed);
    for (const t of pool) {
      if (t.lost) t.mean[7] = 0;
      this.#kf.predict(t.mean, t.cov);
    }
    const first = assignComponents(this.#cost(pool, f, high, true), pool.length, high.length, p.matchThresh);
    high.forEach((d, j) => first.colToRow[j]! >= 0 && this.#match(pool[first.colToRow[j]!]!, f, d));
    const rest = pool.filter((_, i) => first.rowToCol[i]! < 0 && !pool[i]!.lost);
    const second = assignComponents(this.#cost(rest, f, low, false), rest.length, low.length, 0.5);
    low.forEach((d, j) => second.colToRow[j]! >= 0 && this.#match(rest[second.colToRow[j]!]!, f, d));
    rest.forEach((t, i) => second.rowToCol[i]! < 0 && (t.lost = true));
    const left = high.filter((_, j) => first.colToRow[j]! < 0);
    const third = assignComponents(this.#cost(unconfirmed, f, left, true), unconfirmed.length, left.length, 0.7);
    left.forEach((d, j) => third.colToRow[j]! >= 0 && this.#match(unconfirmed[third.colToRow[j]!]!, f, d));
    const maxLost = Math.trunc((p.frameRate / 30) * p.trackBuffer);
    const alive = this.#tracks.filter((t) => (t.confirmed ? frame - t.lastFrame <= maxLost : t.lastFrame === frame));
    for (let j = 0; j < left.length; j++) {
      const d = left[j]!;
      if (third.colToRow[j]! >= 0 || f.score[d]! < p.newTrackThresh) continue;
      const t: Track = { id: this.#ids.next(), mean: new Float64Array(8), cov: new Float64Array(64), feature: null, lost: false, confirmed: frame === 1, score: f.score[d]!, lastFrame: frame };
      const tlwh = Float64Array.of(f.tlbr[4 * d]!, f.tlbr[4 * d + 1]!, f.tlbr[4 * d + 2]! - f.tlbr[4 * d]!, f.tlbr[4 * d + 3]! - f.tlbr[4 * d + 1]!);
      this.#kf.initiate(tlwhToXyah(tlwh, 0, new Float64Array(4)), t.mean, t.cov);
      this.#blendFeature(t, f, d);
      alive.push(t);
    }
    this.#tracks = alive;
    const out: TrackBox[] = [];
    for (const t of alive) if (t.confirmed && !t.lost && t.lastFrame === frame) out.push({ id: t.id, tlwh: xyahToTlwh(t.mean, new Float64Array(4)), score: t.score });
    return out;
  }
}
