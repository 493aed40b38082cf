// Keyframes and linear interpolation between them. A track that interpolates (its `interpolate`
// attribute) has, between consecutive keyframes k1 < k2, boxes linearly interpolated in tlwh and
// flagged INTERPOLATED — unless k1 is marked OUTSIDE (the object left: a gap until the next
// keyframe). Nothing follows the last keyframe. Tracks that do not interpolate (imported ones) keep
// exactly the boxes they have (PRODUCT.md §3 item 10: no surprise interpolation of imported data).
import { INTERPOLATED, KEYFRAME, OUTSIDE } from '../model/boxFlags';
import type { BoxRecord, Edit } from '../model/edits';

/** True for boxes that anchor interpolation: keyframes, and boxes with neither flag (plain boxes). */
export function isKeyframe(b: BoxRecord): boolean {
  return (b.flags & KEYFRAME) !== 0 || (b.flags & INTERPOLATED) === 0;
}

/** The box at `frame` on the straight line between keyframes a (earlier) and b (later). */
export function lerpBox(a: BoxRecord, b: BoxRecord, frame: number): BoxRecord {
  const t = (frame - a.frame) / (b.frame - a.frame);
  const mix = (x: number, y: number): number => x + (y - x) * t;
  return {
    frame,
    trackId: a.trackId,
    x: mix(a.x, b.x),
    y: mix(a.y, b.y),
    w: mix(a.w, b.w),
    h: mix(a.h, b.h),
    conf: a.conf,
    c8: a.c8,
    c9: mix(a.c9, b.c9),
    c10: a.c10,
    flags: INTERPOLATED | (a.flags & b.flags & ~(KEYFRAME | OUTSIDE)),
  };
}

/**
 * A track's boxes with its interpolated spans recomputed from its keyframes (input: ascending by
 * frame, any mix of keyframes and stale interpolated boxes).
 */
export function reinterpolate(boxes: readonly BoxRecord[]): BoxRecord[] {
  // A track cut by a split, swap or delete can start or end on an interpolated box: it becomes a
  // keyframe where it is (on the same line, so the boxes between keep their places), never dropped.
  const n = boxes.length;
  const keys = boxes.filter((b, i) => isKeyframe(b) || ((i === 0 || i === n - 1) && !isKeyframe(b)));
  const out: BoxRecord[] = [];
  keys.forEach((k0, i) => {
    const k = isKeyframe(k0) ? k0 : { ...k0, flags: (k0.flags | KEYFRAME) & ~INTERPOLATED };
    out.push(k);
    const next = keys[i + 1];
    if (!next || k.flags & OUTSIDE) return;
    for (let f = k.frame + 1; f < next.frame; f++) out.push(lerpBox(k, next, f));
  });
  return out;
}

function same(a: BoxRecord, b: BoxRecord): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h && a.conf === b.conf && a.c8 === b.c8 && a.c9 === b.c9 && a.c10 === b.c10 && a.flags === b.flags;
}

/** The putBox / deleteBox edits that turn a track's `before` boxes into `after` (both ascending). */
export function diffTrack(trackId: number, before: readonly BoxRecord[], after: readonly BoxRecord[]): Edit[] {
  const edits: Edit[] = [];
  const old = new Map(before.map((b) => [b.frame, b]));
  const now = new Map(after.map((b) => [b.frame, b]));
  for (const b of before) if (!now.has(b.frame)) edits.push({ op: 'deleteBox', frame: b.frame, trackId });
  for (const b of after) {
    const o = old.get(b.frame);
    if (!o || !same(o, b)) edits.push({ op: 'putBox', box: { ...b, trackId } });
  }
  return edits;
}
