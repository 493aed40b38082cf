// Editor commands as pure functions: they read a sequence's annotations and return the low-level
// edits (model/edits.ts) that main applies atomically as one revision. Interpolated spans of an
// interpolating track are recomputed in the same edit list, so undo restores them too.
import { INTERPOLATED, KEYFRAME, OCCLUDED, OUTSIDE } from '../model/boxFlags';
import type { BoxRecord, Edit, TrackRecord } from '../model/edits';
import { diffTrack, isKeyframe, reinterpolate } from './interpolation';
import { done, interpolates, refuse, type AnnotationView, type CommandResult } from './view';

/** A box's geometry, top-left width height, in frame pixels. */
export interface Tlwh {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The smallest unused track id. */
export function nextTrackId(v: AnnotationView): number {
  const ids = v.trackIds();
  return (ids.length ? Math.max(...ids) : 0) + 1;
}

function boxAt(v: AnnotationView, trackId: number, frame: number): BoxRecord | undefined {
  return v.trackBoxes(trackId).find((b) => b.frame === frame);
}

/** Replaces (or inserts) one frame's box of a track and recomputes interpolation when it interpolates. */
function withBox(v: AnnotationView, trackId: number, box: BoxRecord | undefined, frame: number): Edit[] {
  const before = v.trackBoxes(trackId);
  let after = before.filter((b) => b.frame !== frame);
  if (box) after = [...after, box].sort((a, b) => a.frame - b.frame);
  if (interpolates(v.track(trackId))) after = reinterpolate(after);
  return diffTrack(trackId, before, after);
}

function clampSize(g: Tlwh): string | undefined {
  if (!(g.w > 0 && g.h > 0) || ![g.x, g.y, g.w, g.h].every(Number.isFinite)) return 'a box needs a width and height above 0';
  return undefined;
}

/** Draws a new box as a keyframe: on a new track (interpolating, class 1) or on `trackId`. */
export function drawBox(v: AnnotationView, frame: number, g: Tlwh, o: { trackId?: number; classId?: number } = {}): CommandResult {
  const bad = clampSize(g);
  if (bad) return refuse(bad);
  if (frame < 1 || frame > v.frameCount) return refuse(`frame ${frame} is outside 1..${v.frameCount}`);
  const trackId = o.trackId ?? nextTrackId(v);
  const existing = v.track(trackId);
  if (existing && boxAt(v, trackId, frame)) return refuse(`track ${trackId} already has a box in frame ${frame}`);
  const box: BoxRecord = { frame, trackId, ...g, conf: 1, c8: o.classId ?? existing?.classId ?? 1, c9: 1, c10: -1, flags: KEYFRAME };
  const edits: Edit[] = [];
  if (!existing) edits.push({ op: 'putTrack', track: { trackId, classId: o.classId ?? 1, attributes: { interpolate: true } } });
  if (!existing) edits.push({ op: 'putBox', box });
  else edits.push(...withBox(v, trackId, box, frame));
  return done(existing ? `add box to track ${trackId}` : `new track ${trackId}`, edits);
}

/** Changes one box (geometry, conf, class, visibility, flags); an edited interpolated box becomes a keyframe. */
export function updateBox(
  v: AnnotationView,
  frame: number,
  trackId: number,
  change: Partial<Tlwh & Pick<BoxRecord, 'conf' | 'c8' | 'c9' | 'flags'>>,
  label = 'edit box',
): CommandResult {
  const old = boxAt(v, trackId, frame);
  if (!old) return refuse(`track ${trackId} has no box in frame ${frame}`);
  const box: BoxRecord = { ...old, ...change, flags: ((change.flags ?? old.flags) | KEYFRAME) & ~INTERPOLATED };
  const bad = clampSize(box);
  if (bad) return refuse(bad);
  return done(label, withBox(v, trackId, box, frame));
}

/** Moves or resizes a box (one history entry for a whole drag: send it once, at the end). */
export function moveBox(v: AnnotationView, frame: number, trackId: number, g: Tlwh): CommandResult {
  return updateBox(v, frame, trackId, g, 'move box');
}

/**
 * Deletes a box. On an interpolating track, deleting an interpolated box marks that frame OUTSIDE
 * (the object is not there) and keeps the rest of the span by making the next frame a keyframe.
 */
export function deleteBox(v: AnnotationView, frame: number, trackId: number): CommandResult {
  const old = boxAt(v, trackId, frame);
  if (!old) return refuse(`track ${trackId} has no box in frame ${frame}`);
  if (!interpolates(v.track(trackId)) || isKeyframe(old)) return done('delete box', withBox(v, trackId, undefined, frame));
  const before = v.trackBoxes(trackId);
  const next = boxAt(v, trackId, frame + 1);
  let after = before.map((b) => (b.frame === frame ? { ...b, flags: (b.flags | KEYFRAME | OUTSIDE) & ~INTERPOLATED } : b));
  if (next && !isKeyframe(next)) after = after.map((b) => (b.frame === frame + 1 ? { ...b, flags: (b.flags | KEYFRAME) & ~INTERPOLATED } : b));
  return done('delete box', diffTrack(trackId, before, reinterpolate(after)));
}

/** K: makes an interpolated box a keyframe, or a keyframe between two others interpolated again. */
export function toggleKeyframe(v: AnnotationView, frame: number, trackId: number): CommandResult {
  const old = boxAt(v, trackId, frame);
  if (!old) return refuse(`track ${trackId} has no box in frame ${frame}`);
  if (!isKeyframe(old)) return updateBox(v, frame, trackId, {}, 'set keyframe');
  const keys = v.trackBoxes(trackId).filter(isKeyframe);
  const i = keys.findIndex((b) => b.frame === frame);
  if (i === 0 || i === keys.length - 1) return refuse('the first and last keyframes of a track stay keyframes');
  if (!interpolates(v.track(trackId))) return refuse(`track ${trackId} does not interpolate (turn interpolation on with I)`);
  const before = v.trackBoxes(trackId);
  const after = reinterpolate(before.map((b) => (b.frame === frame ? { ...b, flags: (b.flags & ~KEYFRAME) | INTERPOLATED } : b)));
  return done('remove keyframe', diffTrack(trackId, before, after));
}

/** O / Q: toggles OUTSIDE (the object left the view; ends the span) or OCCLUDED on a box. */
export function toggleFlag(v: AnnotationView, frame: number, trackId: number, flag: number): CommandResult {
  if (flag !== OUTSIDE && flag !== OCCLUDED) return refuse('only outside and occluded can be toggled');
  const old = boxAt(v, trackId, frame);
  if (!old) return refuse(`track ${trackId} has no box in frame ${frame}`);
  const on = (old.flags & flag) === 0;
  return updateBox(v, frame, trackId, { flags: on ? old.flags | flag : old.flags & ~flag }, `${on ? 'mark' : 'unmark'} ${flag === OUTSIDE ? 'outside' : 'occluded'}`);
}

/** I: turns a track's interpolation on (fills spans between keyframes) or off (keeps boxes as keyframes). */
export function setInterpolation(v: AnnotationView, trackId: number, on: boolean): CommandResult {
  const t = v.track(trackId);
  if (!t) return refuse(`no track ${trackId}`);
  const before = v.trackBoxes(trackId);
  const after = on ? reinterpolate(before) : before.map((b) => ({ ...b, flags: (b.flags | KEYFRAME) & ~INTERPOLATED }));
  const track: TrackRecord = { ...t, attributes: { ...t.attributes, interpolate: on } };
  return done(`${on ? 'interpolate' : 'stop interpolating'} track ${trackId}`, [{ op: 'putTrack', track }, ...diffTrack(trackId, before, after)]);
}

/** Swaps the ids of tracks a and b from frame t to the end, as one relabel (PRODUCT.md §4 item 2). */
export function swapFrom(v: AnnotationView, a: number, b: number, t: number): CommandResult {
  if (a === b) return refuse('choose two different tracks');
  if (!v.track(a) || !v.track(b)) return refuse(`no track ${v.track(a) ? b : a}`);
  return done(`swap ${a}↔${b} from frame ${t}`, [{ op: 'relabel', fromFrame: t, toFrame: v.frameCount, mapping: [[a, b], [b, a]] }]);
}

/** Alt+X: splits track a at frame t: its boxes from t on become a new track. */
export function splitAt(v: AnnotationView, a: number, t: number): CommandResult {
  const boxes = v.trackBoxes(a);
  if (!boxes.some((b) => b.frame >= t)) return refuse(`track ${a} has no boxes from frame ${t}`);
  if (!boxes.some((b) => b.frame < t)) return refuse(`track ${a} starts at frame ${t}; nothing to split off`);
  const n = nextTrackId(v);
  return done(`split track ${a} at frame ${t} (new track ${n})`, [{ op: 'relabel', fromFrame: t, toFrame: v.frameCount, mapping: [[a, n]] }]);
}

/** M: merges track a into b: a's boxes go to b where b has none; where both have one, b's stays. */
export function mergeTracks(v: AnnotationView, a: number, b: number): CommandResult {
  if (a === b) return refuse('choose two different tracks');
  if (!v.track(a) || !v.track(b)) return refuse(`no track ${v.track(a) ? b : a}`);
  const bFrames = new Set(v.trackBoxes(b).map((x) => x.frame));
  const edits: Edit[] = v.trackBoxes(a).filter((x) => bFrames.has(x.frame)).map((x) => ({ op: 'deleteBox', frame: x.frame, trackId: a }));
  edits.push({ op: 'relabel', fromFrame: 1, toFrame: v.frameCount, mapping: [[a, b]] }, { op: 'deleteTrack', trackId: a });
  return done(`merge track ${a} into ${b}`, edits);
}

/** Gives track `from` the id `to` (all frames); when `to` exists the caller asks to merge instead. */
export function renameTrack(v: AnnotationView, from: number, to: number): CommandResult | { readonly needsMerge: true } {
  if (from === to) return refuse('the id is unchanged');
  const t = v.track(from);
  if (!t) return refuse(`no track ${from}`);
  if (v.track(to)) return { needsMerge: true };
  return done(`track ${from} → ${to}`, [
    { op: 'relabel', fromFrame: 1, toFrame: v.frameCount, mapping: [[from, to]] },
    { op: 'putTrack', track: { ...t, trackId: to } },
    { op: 'deleteTrack', trackId: from },
  ]);
}

/** Moves one box to another track (which must have no box in that frame). */
export function reassignBox(v: AnnotationView, frame: number, from: number, to: number): CommandResult {
  const box = boxAt(v, from, frame);
  if (!box) return refuse(`track ${from} has no box in frame ${frame}`);
  if (boxAt(v, to, frame)) return refuse(`track ${to} already has a box in frame ${frame}`);
  const moved: BoxRecord = { ...box, trackId: to, flags: (box.flags | KEYFRAME) & ~INTERPOLATED };
  const edits: Edit[] = [...withBox(v, from, undefined, frame)];
  if (!v.track(to)) edits.push({ op: 'putTrack', track: { trackId: to, classId: v.track(from)?.classId ?? 1, attributes: { interpolate: interpolates(v.track(from)) } } });
  edits.push(...(v.track(to) ? withBox(v, to, moved, frame) : [{ op: 'putBox' as const, box: moved }]));
  return done(`box of frame ${frame}: track ${from} → ${to}`, edits);
}

/** Deletes track a from frame t onward (the whole track when t is at or before its first box). */
export function deleteFrom(v: AnnotationView, a: number, t: number): CommandResult {
  const boxes = v.trackBoxes(a);
  if (!v.track(a)) return refuse(`no track ${a}`);
  if (!boxes.some((b) => b.frame < t)) return done(`delete track ${a}`, [{ op: 'deleteTrack', trackId: a }]);
  return done(`delete track ${a} from frame ${t}`, boxes.filter((b) => b.frame >= t).map((b) => ({ op: 'deleteBox' as const, frame: b.frame, trackId: a })));
}

/** Turns tracker output into annotation tracks (new ids after the existing ones), as one edit. */
export function preAnnotate(v: AnnotationView, rows: readonly Omit<BoxRecord, 'flags'>[], source: string): CommandResult {
  if (rows.length === 0) return refuse('the tracker produced no boxes');
  const base = nextTrackId(v) - 1;
  const ids = [...new Set(rows.map((r) => r.trackId))].sort((x, y) => x - y);
  const map = new Map(ids.map((id, i) => [id, base + i + 1]));
  const edits: Edit[] = ids.map((id) => ({ op: 'putTrack', track: { trackId: map.get(id)!, classId: 1, attributes: { source } } }));
  for (const r of rows) edits.push({ op: 'putBox', box: { ...r, trackId: map.get(r.trackId)!, flags: KEYFRAME } });
  return done(`pre-annotate with ${source} (${ids.length} tracks)`, edits);
}

/** MOTChallenge class ids (TrackEval's MotChallenge2DBox names). */
export const MOT_CLASSES: Readonly<Record<number, string>> = {
  1: 'pedestrian',
  2: 'person on vehicle',
  3: 'car',
  4: 'bicycle',
  5: 'motorbike',
  6: 'non-motorized vehicle',
  7: 'static person',
  8: 'distractor',
  9: 'occluder',
  10: 'occluder on the ground',
  11: 'occluder full',
  12: 'reflection',
  13: 'crowd',
};

/** Sets a track's class (the track row and column 8 of each of its boxes, which export writes). */
export function setTrackClass(v: AnnotationView, trackId: number, classId: number): CommandResult {
  const t = v.track(trackId);
  if (!t) return refuse(`no track ${trackId}`);
  if (!MOT_CLASSES[classId]) return refuse(`class ${classId} is not a MOTChallenge class (1-13)`);
  const edits: Edit[] = [{ op: 'putTrack', track: { ...t, classId } }];
  for (const b of v.trackBoxes(trackId)) if (b.c8 !== classId) edits.push({ op: 'putBox', box: { ...b, c8: classId } });
  return done(`track ${trackId}: ${MOT_CLASSES[classId]}`, edits);
}
