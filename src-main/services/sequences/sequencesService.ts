// The sequences.*, annotations.* and sets.* channels: reading a project's sequences and boxes, and
// applying edits as revisions (undo/redo across restarts).
import type { ApiChannel, ApiParsedRequest as Req, ApiResponse as Res } from '../../../src-shared/ipc/contract';
import { fail } from '../../../src-shared/ipc/result';
import { toRecord } from '../../store/project/writers/edits';
import { boxAt } from '../../store/project/readers/boxes';
import { BoxColumnsBuilder, type FlaggedBoxes } from '../../store/project/tileCodec';
import type { ProjectsService } from '../projects';
import { resolveSequence } from './resolve';
import { sequenceSummary } from './summary';

/** The channels this service implements. */
export type SequenceChannel = Extract<ApiChannel, `sequences.${string}` | `annotations.${string}` | 'sets.frame'>;

/** Sequences, annotations and sets of projects. */
export class SequencesService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly now: () => number = Date.now,
  ) {}

  list(r: Req<'sequences.list'>): Res<'sequences.list'> {
    const store = this.projects.store(r.project);
    return store.sequences.list().map((s) => sequenceSummary(store, s));
  }

  frames(r: Req<'sequences.frames'>): Res<'sequences.frames'> {
    const store = this.projects.store(r.project);
    return store.sequences.frameFiles(resolveSequence(store, r.sequence).id);
  }

  remove(r: Req<'sequences.delete'>): Res<'sequences.delete'> {
    const store = this.projects.store(r.project);
    return { deleted: store.transaction(() => store.sequences.remove(resolveSequence(store, r.sequence).id)) };
  }

  frameBoxes(r: Req<'annotations.frame'>): Res<'annotations.frame'> {
    const store = this.projects.store(r.project);
    const seq = resolveSequence(store, r.sequence);
    if (r.frame > seq.frameCount) fail('not_found', `${seq.name} has ${seq.frameCount} frames; there is no frame ${r.frame}`);
    const b = store.boxes.frame(seq.id, r.frame);
    return { boxes: Array.from({ length: b.count }, (_, i) => toRecord(boxAt(b, i))) };
  }

  tracks(r: Req<'annotations.tracks'>): Res<'annotations.tracks'> {
    const store = this.projects.store(r.project);
    return store.boxes.tracks(resolveSequence(store, r.sequence).id).map((t) => ({
      trackId: t.trackId,
      classId: t.classId,
      attributes: t.attributes,
      boxCount: t.boxCount,
      firstFrame: t.firstFrame,
      lastFrame: t.lastFrame,
    }));
  }

  all(r: Req<'annotations.all'>): Res<'annotations.all'> {
    const store = this.projects.store(r.project);
    const seq = resolveSequence(store, r.sequence);
    return { tracks: this.tracks(r), boxes: asColumns(store.boxes.all(seq.id)) };
  }

  trackBoxes(r: Req<'annotations.trackBoxes'>): Res<'annotations.trackBoxes'> {
    const store = this.projects.store(r.project);
    const seq = resolveSequence(store, r.sequence);
    const wanted = new Set(r.trackIds);
    const b = new BoxColumnsBuilder();
    for (const id of [...wanted].sort((x, y) => x - y)) {
      const t = store.boxes.track(seq.id, id, r.fromFrame, r.toFrame);
      for (let i = 0; i < t.count; i++) b.push(boxAt(t, i));
    }
    return { tracks: this.tracks(r).filter((t) => wanted.has(t.trackId)), boxes: asColumns(b.build()) };
  }

  applyEdits(r: Req<'annotations.applyEdits'>): Res<'annotations.applyEdits'> {
    const store = this.projects.store(r.project);
    const seq = resolveSequence(store, r.sequence);
    for (const e of r.edits) {
      const frames = e.op === 'putBox' ? [e.box.frame] : e.op === 'deleteBox' ? [e.frame] : e.op === 'relabel' ? [e.fromFrame] : [];
      const bad = frames.find((f) => f > seq.frameCount);
      if (bad !== undefined) fail('invalid_request', `frame ${bad} is beyond ${seq.name}'s ${seq.frameCount} frames`);
    }
    const out = store.history.apply(seq.id, r.edits, r.label, this.now(), r.groupId);
    return { ...out, ...this.historyLabels(r) };
  }

  undo(r: Req<'annotations.undo'>): Res<'annotations.undo'> {
    const store = this.projects.store(r.project);
    const out = store.history.undo(resolveSequence(store, r.sequence).id);
    return { ...out, ...this.historyLabels(r) };
  }

  redo(r: Req<'annotations.redo'>): Res<'annotations.redo'> {
    const store = this.projects.store(r.project);
    const out = store.history.redo(resolveSequence(store, r.sequence).id);
    return { ...out, ...this.historyLabels(r) };
  }

  history(r: Req<'annotations.history'>): Res<'annotations.history'> {
    const store = this.projects.store(r.project);
    return store.history.state(resolveSequence(store, r.sequence).id);
  }

  setFrame(r: Req<'sets.frame'>): Res<'sets.frame'> {
    const store = this.projects.store(r.project);
    const set = store.sets.get(r.setId);
    if (!set) fail('not_found', `No detection or result set ${r.setId} in ${r.project}`);
    const b = store.sets.frame(set.id, r.frame);
    return { rows: Array.from({ length: b.count }, (_, i) => ({ frame: b.frame[i]!, id: b.id[i]!, x: b.x[i]!, y: b.y[i]!, w: b.w[i]!, h: b.h[i]!, conf: b.conf[i]! })) };
  }

  private historyLabels(r: { project: string; sequence: number | string }): { undoLabel: string | null; redoLabel: string | null } {
    const store = this.projects.store(r.project);
    const { undoLabel, redoLabel } = store.history.state(resolveSequence(store, r.sequence).id);
    return { undoLabel, redoLabel };
  }
}

/** Stored boxes as the API's columns (the id column is the track id; NaN columns stay NaN). */
function asColumns(b: FlaggedBoxes) {
  return { count: b.count, frame: b.frame, trackId: b.id, x: b.x, y: b.y, w: b.w, h: b.h, conf: b.conf, c8: b.c8, c9: b.c9, c10: b.c10, flags: b.flags };
}
