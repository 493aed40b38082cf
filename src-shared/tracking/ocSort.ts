// OC-SORT (Cao et al. 2023), a port of noahcao/OC_SORT @ 8462e7e7 trackers/ocsort_tracker/ocsort.py
// `OCSort.update` and association.py `associate` (IoU plus the velocity direction consistency cost,
// weighted by `inertia` and the detection score), observation-centric recovery (OCR: a second IoU
// round between the unmatched detections and the last observations of the unmatched tracks) and the
// optional BYTE stage. The output box is the track's last observation, as ocsort.py returns it.
import { filterMatches, linearAssignment, matchByIou } from './association';
import { giouOcSort, iouTlbr } from './costs';
import { NO_OBSERVATION, OcSortTrack } from './ocSortTrack';
import { sequentialIds, type FrameDetections, type IdAllocator, type TrackBox, type Tracker } from './types';

/** OC-SORT's parameters; defaults are the official MOT17 evaluation's (OCSort.__init__ and the run scripts' args). */
export interface OcSortParams {
  /** Detections with score > this are tracked (`det_thresh`, args.track_thresh 0.6). */
  readonly detThresh: number;
  /** Frames a track survives without a match (`max_age=30`). */
  readonly maxAge: number;
  /** Matches in a row before a track is reported (`min_hits=3`). */
  readonly minHits: number;
  /** Minimum IoU for a match (args.iou_thresh 0.3). */
  readonly iouThreshold: number;
  /** Steps back for the velocity direction (args.deltat 3). */
  readonly deltaT: number;
  /** Cost used by OCR and BYTE: 'iou' or 'giou' (args.asso "iou"). */
  readonly assoFunc: 'iou' | 'giou';
  /** Weight of the velocity direction consistency cost (args.inertia 0.2). */
  readonly inertia: number;
  /** BYTE second stage with detections 0.1 < score < detThresh (args.use_byte false). */
  readonly useByte: boolean;
}

/** The official defaults (MOT17). */
export const OCSORT_DEFAULTS: OcSortParams = { detThresh: 0.6, maxAge: 30, minHits: 3, iouThreshold: 0.3, deltaT: 3, assoFunc: 'iou', inertia: 0.2, useByte: false };

/** Rows of `src` (5 values each: x1, y1, x2, y2, score) picked by `idx`, as a flat tlbr array. */
function pick(src: readonly Float64Array[], idx: readonly number[]): Float64Array {
  const out = new Float64Array(4 * idx.length);
  idx.forEach((k, i) => out.set(src[k]!.subarray(0, 4), 4 * i));
  return out;
}

/** association.py `associate`: IoU + velocity direction consistency; rows = detections, cols = tracks. */
function associate(dets: readonly Float64Array[], trkTlbr: Float64Array, tracks: readonly OcSortTrack[], p: OcSortParams) {
  const nd = dets.length;
  const nt = tracks.length;
  const detTlbr = new Float64Array(4 * nd);
  for (let d = 0; d < nd; d++) {
    const b = dets[d]!;
    detTlbr[4 * d] = b[0]!;
    detTlbr[4 * d + 1] = b[1]!;
    detTlbr[4 * d + 2] = b[2]!;
    detTlbr[4 * d + 3] = b[3]!;
  }
  const iou = iouTlbr(detTlbr, nd, trkTlbr, nt);
  const cost = (): Float64Array => {
    // Per track: centre of its k-previous observation, velocity direction, valid_mask; a track
    // without a previous observation or a velocity has an angle cost of exactly 0.
    const tcx = new Float64Array(nt), tcy = new Float64Array(nt), tvx = new Float64Array(nt), tvy = new Float64Array(nt);
    const use = new Uint8Array(nt);
    for (let t = 0; t < nt; t++) {
      const prev = tracks[t]!.previousObservation(p.deltaT);
      const v = tracks[t]!.velocity;
      if (prev[4]! < 0 || v === null) continue;
      use[t] = 1;
      tcx[t] = (prev[0]! + prev[2]!) / 2;
      tcy[t] = (prev[1]! + prev[3]!) / 2;
      tvy[t] = v[0];
      tvx[t] = v[1];
    }
    const c = new Float64Array(nd * nt);
    for (let d = 0; d < nd; d++) {
      const b = dets[d]!;
      const cx = (b[0]! + b[2]!) / 2, cy = (b[1]! + b[3]!) / 2;
      const w = b[4]!;
      const row = d * nt;
      for (let t = 0; t < nt; t++) {
        if (!use[t]) {
          c[row + t] = -iou[row + t]!;
          continue;
        }
        // speed_direction_batch: unit vector from the track's k-previous observation to the detection.
        const dx = cx - tcx[t]!;
        const dy = cy - tcy[t]!;
        const norm = Math.sqrt(dx * dx + dy * dy) + 1e-6;
        let cos = tvx[t]! * (dx / norm) + tvy[t]! * (dy / norm);
        if (cos > 1) cos = 1;
        else if (cos < -1) cos = -1;
        // np.abs(arccos(x)) is arccos(x): its range is [0, pi].
        const angle = (Math.PI / 2 - Math.acos(cos)) / Math.PI;
        c[row + t] = -(iou[row + t]! + angle * p.inertia * w);
      }
    }
    return c;
  };
  return filterMatches(matchByIou(iou, cost, nd, nt, p.iouThreshold), iou, nd, nt, p.iouThreshold);
}

/** numpy's max (NaN if any entry is NaN). */
function maxOf(a: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (v !== v) return NaN;
    if (v > m) m = v;
  }
  return m;
}

/** numpy.setdiff1d: the sorted unique values of a that are not in b. */
function setdiff(a: readonly number[], b: readonly number[]): number[] {
  const drop = new Set(b);
  return [...new Set(a)].filter((v) => !drop.has(v)).sort((x, y) => x - y);
}

/** The OC-SORT tracker. */
export class OcSort implements Tracker {
  readonly params: OcSortParams;
  readonly #ids: IdAllocator;
  #tracks: OcSortTrack[] = [];
  #frameCount = 0;

  constructor(params: Partial<OcSortParams> = {}, ids: IdAllocator = sequentialIds()) {
    this.params = { ...OCSORT_DEFAULTS, ...params };
    this.#ids = ids;
  }

  /** IoU/GIoU of the chosen `asso_func` (rows a, cols b). */
  #asso(a: Float64Array, na: number, b: Float64Array, nb: number): Float64Array {
    return this.params.assoFunc === 'giou' ? giouOcSort(a, na, b, nb) : iouTlbr(a, na, b, nb);
  }

  /** `OCSort.update` for one frame (the official loop skips frames without detections). */
  update(frame: FrameDetections): TrackBox[] {
    const p = this.params;
    this.#frameCount++;
    const dets: Float64Array[] = [];
    const second: Float64Array[] = [];
    for (let i = 0; i < frame.count; i++) {
      const s = frame.score[i]!;
      const row = Float64Array.of(frame.tlbr[4 * i]!, frame.tlbr[4 * i + 1]!, frame.tlbr[4 * i + 2]!, frame.tlbr[4 * i + 3]!, s);
      if (s > p.detThresh) dets.push(row);
      else if (s > 0.1 && s < p.detThresh) second.push(row);
    }
    // Predict every track; drop those whose box became NaN, like np.ma.compress_rows.
    const kept: OcSortTrack[] = [];
    const trkTlbr = new Float64Array(4 * this.#tracks.length);
    const box = new Float64Array(4);
    for (const t of this.#tracks) {
      t.predict(box);
      if (Number.isNaN(box[0]!) || Number.isNaN(box[1]!) || Number.isNaN(box[2]!) || Number.isNaN(box[3]!)) continue;
      trkTlbr.set(box, 4 * kept.length);
      kept.push(t);
    }
    this.#tracks = kept;
    const lastBoxes = kept.map((t) => t.lastObservation);
    let uDets: number[];
    let uTrks: number[];
    if (kept.length === 0) {
      uDets = dets.map((_, i) => i);
      uTrks = [];
    } else {
      const m = associate(dets, trkTlbr, kept, p);
      for (let k = 0; k < m.rows.length; k++) kept[m.cols[k]!]!.update(dets[m.rows[k]!]!);
      uDets = m.unmatchedRows;
      uTrks = m.unmatchedCols;
    }
    if (p.useByte && second.length > 0 && uTrks.length > 0) {
      const uBoxes = new Float64Array(4 * uTrks.length);
      uTrks.forEach((t, i) => uBoxes.set(trkTlbr.subarray(4 * t, 4 * t + 4), 4 * i));
      const iouLeft = this.#asso(pick(second, second.map((_, i) => i)), second.length, uBoxes, uTrks.length);
      if (maxOf(iouLeft) > p.iouThreshold) {
        const pairs = linearAssignment(iouLeft, second.length, uTrks.length, true);
        const removed: number[] = [];
        for (let k = 0; k < pairs.rows.length; k++) {
          if (iouLeft[pairs.rows[k]! * uTrks.length + pairs.cols[k]!]! < p.iouThreshold) continue;
          const ti = uTrks[pairs.cols[k]!]!;
          kept[ti]!.update(second[pairs.rows[k]!]!);
          removed.push(ti);
        }
        uTrks = setdiff(uTrks, removed);
      }
    }
    // OCR: unmatched detections against the last observations of the unmatched tracks.
    if (uDets.length > 0 && uTrks.length > 0) {
      const iouLeft = this.#asso(pick(dets, uDets), uDets.length, pick(lastBoxes, uTrks), uTrks.length);
      if (maxOf(iouLeft) > p.iouThreshold) {
        const pairs = linearAssignment(iouLeft, uDets.length, uTrks.length, true);
        const rmDets: number[] = [];
        const rmTrks: number[] = [];
        for (let k = 0; k < pairs.rows.length; k++) {
          if (iouLeft[pairs.rows[k]! * uTrks.length + pairs.cols[k]!]! < p.iouThreshold) continue;
          const di = uDets[pairs.rows[k]!]!;
          const ti = uTrks[pairs.cols[k]!]!;
          kept[ti]!.update(dets[di]!);
          rmDets.push(di);
          rmTrks.push(ti);
        }
        uDets = setdiff(uDets, rmDets);
        uTrks = setdiff(uTrks, rmTrks);
      }
    }
    for (const t of uTrks) kept[t]!.update(null);
    for (const d of uDets) this.#tracks.push(new OcSortTrack(dets[d]!, p.deltaT, this.#ids.next()));
    const out: TrackBox[] = [];
    for (let i = this.#tracks.length - 1; i >= 0; i--) {
      const t = this.#tracks[i]!;
      if (t.timeSinceUpdate < 1 && (t.hitStreak >= p.minHits || this.#frameCount <= p.minHits)) {
        const d = t.lastObservation === NO_OBSERVATION ? t.state(box) : t.lastObservation;
        out.push({ id: t.id, tlwh: Float64Array.of(d[0]!, d[1]!, d[2]! - d[0]!, d[3]! - d[1]!), score: -1 });
      }
      if (t.timeSinceUpdate > p.maxAge) this.#tracks.splice(i, 1);
    }
    return out;
  }
}
