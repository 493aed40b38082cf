// The editor's in-memory annotations of one sequence: boxes by track (ascending frames) and an index
// by frame, rebuilt incrementally when main reports which tracks an edit touched. Implements the
// AnnotationView that editing commands read.
import type { AnnotationView } from '../../src-shared/editing/view';
import type { BoxColumnsPayload } from '../../src-shared/ipc/contract/sequences';
import type { BoxRecord, TrackRecord } from '../../src-shared/model/edits';

/** A track with its span, as the timeline shows it. */
export interface TrackInfo extends TrackRecord {
  readonly boxCount: number;
  readonly firstFrame: number | null;
  readonly lastFrame: number | null;
}

const finite = (v: number): number => (Number.isFinite(v) ? v : -1);

function rowsOf(c: BoxColumnsPayload): BoxRecord[] {
  const out: BoxRecord[] = new Array(c.count);
  for (let i = 0; i < c.count; i++) {
    out[i] = {
      frame: c.frame[i]!,
      trackId: c.trackId[i]!,
      x: c.x[i]!,
      y: c.y[i]!,
      w: c.w[i]!,
      h: c.h[i]!,
      conf: c.conf[i]!,
      c8: finite(c.c8[i]!),
      c9: finite(c.c9[i]!),
      c10: finite(c.c10[i]!),
      flags: c.flags[i]!,
    };
  }
  return out;
}

/** One sequence's annotations in memory. */
export class SequenceModel implements AnnotationView {
  readonly #tracks = new Map<number, TrackInfo>();
  readonly #boxes = new Map<number, BoxRecord[]>();
  #byFrame: Map<number, BoxRecord[]> | undefined;
  /** Bumped on every change (React reads it to re-render). */
  version = 0;

  constructor(readonly frameCount: number) {}

  /** Replaces everything (the initial load). */
  load(tracks: readonly TrackInfo[], boxes: BoxColumnsPayload): void {
    this.#tracks.clear();
    this.#boxes.clear();
    for (const t of tracks) this.#tracks.set(t.trackId, t);
    for (const b of rowsOf(boxes)) {
      let list = this.#boxes.get(b.trackId);
      if (!list) this.#boxes.set(b.trackId, (list = []));
      list.push(b);
    }
    for (const list of this.#boxes.values()) list.sort((a, b) => a.frame - b.frame);
    this.#byFrame = undefined;
    this.version++;
  }

  /** Replaces the given tracks (fresh from main after an edit); ids missing from `tracks` were deleted. */
  replaceTracks(ids: readonly number[], tracks: readonly TrackInfo[], boxes: BoxColumnsPayload): void {
    for (const id of ids) {
      this.#tracks.delete(id);
      this.#boxes.delete(id);
    }
    for (const t of tracks) this.#tracks.set(t.trackId, t);
    for (const b of rowsOf(boxes)) {
      let list = this.#boxes.get(b.trackId);
      if (!list) this.#boxes.set(b.trackId, (list = []));
      list.push(b);
    }
    for (const id of ids) this.#boxes.get(id)?.sort((a, b) => a.frame - b.frame);
    this.#byFrame = undefined;
    this.version++;
  }

  trackIds(): number[] {
    return [...this.#tracks.keys()].sort((a, b) => a - b);
  }

  track(trackId: number): TrackRecord | undefined {
    return this.#tracks.get(trackId);
  }

  /** A track with its span. */
  trackInfo(trackId: number): TrackInfo | undefined {
    return this.#tracks.get(trackId);
  }

  trackBoxes(trackId: number): readonly BoxRecord[] {
    return this.#boxes.get(trackId) ?? [];
  }

  /** The boxes of a frame, by track id. */
  frameBoxes(frame: number): readonly BoxRecord[] {
    if (!this.#byFrame) {
      const m = new Map<number, BoxRecord[]>();
      for (const id of this.trackIds()) {
        for (const b of this.#boxes.get(id) ?? []) {
          let list = m.get(b.frame);
          if (!list) m.set(b.frame, (list = []));
          list.push(b);
        }
      }
      this.#byFrame = m;
    }
    return this.#byFrame.get(frame) ?? [];
  }

  /** The box of a track at a frame. */
  boxAt(trackId: number, frame: number): BoxRecord | undefined {
    const list = this.#boxes.get(trackId);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const f = list[mid]!.frame;
      if (f === frame) return list[mid];
      if (f < frame) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Total boxes. */
  get boxCount(): number {
    let n = 0;
    for (const l of this.#boxes.values()) n += l.length;
    return n;
  }
}
