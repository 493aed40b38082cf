// One sequence's training boxes per frame: the annotations as GT (outside boxes are not GT; zero-marked
// rows, non-pedestrian classes and, when GT boxes are the samples, boxes under 20 % visibility are
// "ignored" — they take part in the matching but give no sample), and either a detection set matched
// to them (METHODS.md §0.2) or the GT boxes themselves (§6.2-1, wiggled as augmentation, §2.7).
import type { BoxColumns } from '../../../src-shared/formats/motTable';
import { fail } from '../../../src-shared/ipc/result';
import { matchToGt } from '../../../src-shared/learning/gtMatch';
import { OUTSIDE } from '../../../src-shared/model/boxFlags';
import type { ProjectStore } from '../../store/project/projectStore';
import type { SequenceRow } from '../../store/project/readers/sequences';

/** A frame's samples before identities are made dense: `keys` are GT track ids (−1 = false positive). */
export interface FrameSamples {
  readonly frameIndex: number;
  readonly boxesXyxy: Float32Array;
  readonly keys: Int32Array;
  readonly quality: Float32Array;
  readonly gtCount: number;
}

/** Which boxes become samples. */
export interface BoxSource {
  /** A detection set's name; undefined = the GT boxes themselves. */
  readonly detectionSet?: string;
  /** GT boxes as samples: minimum visibility (class-visibility layout only). */
  readonly minVisibility: number;
}

/** Row indices of `b` by frame (frames 1..frameCount). */
function byFrame(b: BoxColumns, frameCount: number): number[][] {
  const out: number[][] = Array.from({ length: frameCount + 1 }, () => []);
  for (let i = 0; i < b.count; i++) {
    const f = b.frame[i]!;
    if (f >= 1 && f <= frameCount) out[f]!.push(i);
  }
  return out;
}

const xyxy = (b: BoxColumns, rows: readonly number[]): Float32Array => {
  const out = new Float32Array(4 * rows.length);
  rows.forEach((r, k) => out.set([b.x[r]!, b.y[r]!, b.x[r]! + b.w[r]!, b.y[r]! + b.h[r]!], 4 * k));
  return out;
};

/**
 * The samples of every frame in [from, to] that has annotations (frames outside the annotated range
 * are left out: their detections would all count as false positives). Returns frames in time order.
 */
export function sequenceSamples(store: ProjectStore, seq: SequenceRow, src: BoxSource, from = 1, to = seq.frameCount): Map<number, FrameSamples> {
  const gt = store.boxes.all(seq.id);
  if (gt.count === 0) fail('invalid_request', `${seq.name} has no annotations to train on`);
  const classVis = seq.gtLayout === 'class-visibility';
  const gtRows = byFrame(gt, seq.frameCount);
  // A GT box is a sample identity unless it is outside, zero-marked or of another class than pedestrian.
  const valid = (r: number): boolean => gt.conf[r] !== 0 && (!classVis || !(gt.c8[r]! > 1));
  const inView = (r: number): boolean => !(gt.flags[r]! & OUTSIDE);
  let first = Infinity;
  let last = -Infinity;
  for (let f = 1; f <= seq.frameCount; f++) {
    if (gtRows[f]!.some((r) => inView(r) && valid(r))) {
      first = Math.min(first, f);
      last = Math.max(last, f);
    }
  }
  let det: BoxColumns | undefined;
  let detRows: number[][] = [];
  if (src.detectionSet !== undefined) {
    const set = store.sets.find(seq.id, 'det', src.detectionSet);
    if (!set) fail('not_found', `${seq.name} has no detection set named ${src.detectionSet}`);
    det = store.sets.rows(set.id);
    detRows = byFrame(det, seq.frameCount);
  }
  const out = new Map<number, FrameSamples>();
  for (let f = Math.max(from, first); f <= Math.min(to, last); f++) {
    const inFrame = gtRows[f]!.filter(inView);
    const good = inFrame.filter(valid);
    if (!det) {
      const keep = good.filter((r) => !classVis || !(gt.c9[r]! < src.minVisibility));
      out.set(f, { frameIndex: f, boxesXyxy: xyxy(gt, keep), keys: Int32Array.from(keep, (r) => gt.id[r]!), quality: new Float32Array(keep.length).fill(1), gtCount: good.length });
      continue;
    }
    const drows = detRows[f]!.filter((r) => det.w[r]! > 1 && det.h[r]! > 1);
    const dBoxes = xyxy(det, drows);
    const m = matchToGt(dBoxes, drows.length, xyxy(gt, inFrame), inFrame.length);
    const kept: number[] = [];
    const keys: number[] = [];
    const quality: number[] = [];
    drows.forEach((_, i) => {
      const j = m.gtOfDet[i]!;
      if (j >= 0 && !valid(inFrame[j]!)) return; // matched an ignored box: neither identity nor false positive
      kept.push(i);
      keys.push(j >= 0 ? gt.id[inFrame[j]!]! : -1);
      quality.push(j >= 0 ? m.iou[i]! : 0);
    });
    const boxes = new Float32Array(4 * kept.length);
    kept.forEach((i, k) => boxes.set(dBoxes.subarray(4 * i, 4 * i + 4), 4 * k));
    out.set(f, { frameIndex: f, boxesXyxy: boxes, keys: Int32Array.from(keys), quality: Float32Array.from(quality), gtCount: good.length });
  }
  return out;
}
