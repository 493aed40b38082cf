// Applies annotation edits to the tiles and computes each edit's inverse from the state it replaces.
// Callers run this inside a transaction (see revisions.ts); a refused edit throws an AppErrorException
// and the transaction rolls back, so nothing is half-applied.
import type { Database as Db } from 'better-sqlite3';
import type { BoxRecord, Edit } from '../../../../src-shared/model/edits';
import { fail } from '../../../../src-shared/ipc/result';
import { getTrack } from '../readers/boxes';
import { chunkOf } from '../tileCodec';
import {
  deleteTrackRow,
  loadTile,
  refreshTrackSummary,
  saveTile,
  trackChunks,
  upsertTrackRow,
  type StoredBox,
} from './boxes';

/** Tracks and frames an edit touched, so clients can refresh what they show. */
export interface Touched {
  tracks: Set<number>;
  fromFrame: number;
  toFrame: number;
}

const finiteOr = (v: number): number => (Number.isFinite(v) ? v : -1);

/** A stored box as an API record (NaN columns become -1, MOTChallenge's "unused"). */
export function toRecord(b: StoredBox): BoxRecord {
  return { frame: b.frame, trackId: b.id, x: b.x, y: b.y, w: b.w, h: b.h, conf: b.conf, c8: finiteOr(b.c8), c9: finiteOr(b.c9), c10: finiteOr(b.c10), flags: b.flags };
}

function toStored(r: BoxRecord): StoredBox {
  return { frame: r.frame, id: r.trackId, x: r.x, y: r.y, w: r.w, h: r.h, conf: r.conf, c8: r.c8, c9: r.c9, c10: r.c10, flags: r.flags };
}

function touch(t: Touched, trackId: number, from: number, to: number): void {
  t.tracks.add(trackId);
  t.fromFrame = Math.min(t.fromFrame, from);
  t.toFrame = Math.max(t.toFrame, to);
}

/** Applies one edit; returns the edits that undo it (to be applied in order). */
export function applyEdit(db: Db, seq: number, e: Edit, touched: Touched): Edit[] {
  switch (e.op) {
    case 'putBox': {
      const { frame, trackId } = e.box;
      const existed = getTrack(db, seq, trackId);
      if (!existed) upsertTrackRow(db, seq, { trackId, classId: 1, attributes: {} });
      const tile = loadTile(db, seq, chunkOf(frame), trackId);
      const i = tile.findIndex((b) => b.frame === frame);
      const old = i >= 0 ? tile[i] : undefined;
      if (i >= 0) tile[i] = toStored(e.box);
      else tile.push(toStored(e.box));
      saveTile(db, seq, chunkOf(frame), trackId, tile);
      refreshTrackSummary(db, seq, trackId);
      touch(touched, trackId, frame, frame);
      if (!existed) return [{ op: 'deleteTrack', trackId }];
      return [old ? { op: 'putBox', box: toRecord(old) } : { op: 'deleteBox', frame, trackId }];
    }
    case 'deleteBox': {
      const tile = loadTile(db, seq, chunkOf(e.frame), e.trackId);
      const i = tile.findIndex((b) => b.frame === e.frame);
      if (i < 0) return [];
      const [old] = tile.splice(i, 1);
      saveTile(db, seq, chunkOf(e.frame), e.trackId, tile);
      refreshTrackSummary(db, seq, e.trackId);
      touch(touched, e.trackId, e.frame, e.frame);
      return [{ op: 'putBox', box: toRecord(old!) }];
    }
    case 'putTrack': {
      const old = getTrack(db, seq, e.track.trackId);
      upsertTrackRow(db, seq, e.track);
      touched.tracks.add(e.track.trackId);
      return [old ? { op: 'putTrack', track: { trackId: old.trackId, classId: old.classId, attributes: old.attributes } } : { op: 'deleteTrack', trackId: e.track.trackId }];
    }
    case 'deleteTrack': {
      const old = getTrack(db, seq, e.trackId);
      if (!old) return [];
      const boxes: Edit[] = [];
      for (const c of trackChunks(db, seq, e.trackId, 0, 2 ** 31)) for (const b of loadTile(db, seq, c, e.trackId)) boxes.push({ op: 'putBox', box: toRecord(b) });
      deleteTrackRow(db, seq, e.trackId);
      touch(touched, e.trackId, old.firstFrame ?? 1, old.lastFrame ?? 1);
      return [{ op: 'putTrack', track: { trackId: old.trackId, classId: old.classId, attributes: old.attributes } }, ...boxes];
    }
    case 'relabel':
      return relabel(db, seq, e, touched);
  }
}

/** Moves boxes of frames [fromFrame, toFrame] between tracks per the mapping, all at once. */
function relabel(db: Db, seq: number, e: Extract<Edit, { op: 'relabel' }>, touched: Touched): Edit[] {
  if (e.toFrame < e.fromFrame) fail('invalid_request', `relabel: frame range ${e.fromFrame}-${e.toFrame} is empty`);
  const sources = new Map<number, number>();
  const targets = new Set<number>();
  for (const [from, to] of e.mapping) {
    if (sources.has(from)) fail('invalid_request', `relabel: track ${from} is mapped twice`);
    if (targets.has(to)) fail('invalid_request', `relabel: two tracks are mapped to ${to}`);
    sources.set(from, to);
    targets.add(to);
  }
  const created: number[] = [];
  for (const [from, to] of sources) {
    const src = getTrack(db, seq, from);
    if (!src) fail('not_found', `relabel: track ${from} does not exist`);
    if (!getTrack(db, seq, to)) {
      upsertTrackRow(db, seq, { trackId: to, classId: src.classId, attributes: src.attributes });
      created.push(to);
    }
  }
  const c0 = chunkOf(e.fromFrame);
  const c1 = chunkOf(e.toFrame);
  const involved = new Set([...sources.keys(), ...targets]);
  // Which pairs moved a box at each frame: the inverse must move back exactly those boxes.
  const pairIndex = new Map(e.mapping.map(([from], i) => [from, i]));
  const movedAt = new Map<number, number>();
  // Only chunks where a source has tiles can change (the range may run to the end of time).
  const chunks = new Set<number>();
  for (const id of sources.keys()) for (const c of trackChunks(db, seq, id, c0, c1)) chunks.add(c);
  for (const c of [...chunks].sort((a, b) => a - b)) {
    // Per chunk: take every involved track's boxes in range, then hand them to their new owners.
    const kept = new Map<number, StoredBox[]>();
    const moving = new Map<number, StoredBox[]>();
    let any = false;
    for (const id of involved) {
      const tile = loadTile(db, seq, c, id);
      const inRange = (b: StoredBox): boolean => b.frame >= e.fromFrame && b.frame <= e.toFrame;
      const move = sources.has(id) ? tile.filter(inRange) : [];
      kept.set(id, sources.has(id) ? tile.filter((b) => !inRange(b)) : tile);
      if (move.length) {
        moving.set(id, move);
        any = true;
      }
    }
    if (!any) continue;
    for (const [from, boxes] of moving) {
      const to = sources.get(from)!;
      const bit = 2 ** pairIndex.get(from)!;
      for (const b of boxes) movedAt.set(b.frame, (movedAt.get(b.frame) ?? 0) + bit);
      const dest = kept.get(to)!;
      const frames = new Set(dest.map((b) => b.frame));
      for (const b of boxes) {
        if (frames.has(b.frame)) {
          fail('conflict', `relabel: track ${to} already has a box in frame ${b.frame}; merge the tracks instead`);
        }
        dest.push({ ...b, id: to });
      }
      touch(touched, from, boxes[0]!.frame, boxes.at(-1)!.frame);
      touch(touched, to, boxes[0]!.frame, boxes.at(-1)!.frame);
    }
    for (const [id, boxes] of kept) saveTile(db, seq, c, id, boxes);
  }
  for (const id of involved) refreshTrackSummary(db, seq, id);
  const inverse: Edit[] = inverseRuns(movedAt, e.mapping);
  for (const id of created) inverse.push({ op: 'deleteTrack', trackId: id });
  return inverse;
}

/**
 * The inverse of a relabel: over each run of consecutive frames where the same pairs moved a box,
 * move those boxes back (target -> source). Moving back over the whole range would also take boxes
 * the target had before (a merge), so runs are exact.
 */
function inverseRuns(movedAt: Map<number, number>, mapping: readonly (readonly [number, number])[]): Edit[] {
  const frames = [...movedAt.keys()].sort((a, b) => a - b);
  const out: Edit[] = [];
  let i = 0;
  while (i < frames.length) {
    const mask = movedAt.get(frames[i]!)!;
    let j = i;
    while (j + 1 < frames.length && frames[j + 1] === frames[j]! + 1 && movedAt.get(frames[j + 1]!) === mask) j++;
    const pairs = mapping.filter((_, k) => Math.floor(mask / 2 ** k) % 2 === 1).map(([a, b]) => [b, a] as [number, number]);
    out.push({ op: 'relabel', fromFrame: frames[i]!, toFrame: frames[j]!, mapping: pairs });
    i = j + 1;
  }
  return out;
}
