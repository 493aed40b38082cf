// An open project: its readers and writers bound to the database, so services never see SQL.
import type { Database as Db } from 'better-sqlite3';
import type { Edit } from '../../../src-shared/model/edits';
import { countBoxes, getTrack, listTracks, readAllBoxes, readFrameBoxes, readTrackBoxes } from './readers/boxes';
import type { ProjectMeta } from './readers/project';
import { historyState, latestRevisionId } from './readers/revisions';
import { findBoxSet, getBoxSet, listBoxSets, readSetFrame, readSetRows } from './readers/sets';
import { getFrameFile, getSequence, getSequenceByName, listFrameFiles, listSequences } from './readers/sequences';
import { deleteAnnotations, insertAnnotationBoxes } from './writers/boxes';
import { applyEdits, clearHistory, redo, undo } from './writers/revisions';
import { getRun, getRunArtifact, getRunEvents, getRunMetrics, listRunArtifacts, listRuns } from './readers/runs';
import { deleteRun, failOrphanRuns, insertRun, putRunArtifact, putRunSequence, updateRun } from './writers/runs';
import { deleteBoxSet, insertBoxSet } from './writers/sets';
import { deleteSequence, insertFrames, insertSequence, updateGtConventions } from './writers/sequences';

/** An open project file. */
export class ProjectStore {
  constructor(
    private readonly db: Db,
    readonly path: string,
    readonly meta: ProjectMeta,
  ) {}

  /** Runs `fn` in one transaction: all of its writes land, or none. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  readonly sequences = {
    list: () => listSequences(this.db),
    get: (id: number) => getSequence(this.db, id),
    byName: (name: string) => getSequenceByName(this.db, name),
    frameFile: (id: number, frame: number) => getFrameFile(this.db, id, frame),
    frameFiles: (id: number) => listFrameFiles(this.db, id),
    insert: (s: Parameters<typeof insertSequence>[1]) => insertSequence(this.db, s),
    insertFrames: (id: number, frames: Parameters<typeof insertFrames>[2]) => insertFrames(this.db, id, frames),
    setGtConventions: (id: number, c: Parameters<typeof updateGtConventions>[2]) => updateGtConventions(this.db, id, c),
    remove: (id: number) => deleteSequence(this.db, id),
  };

  readonly boxes = {
    frame: (seq: number, frame: number) => readFrameBoxes(this.db, seq, frame),
    track: (seq: number, trackId: number, from?: number, to?: number) => readTrackBoxes(this.db, seq, trackId, from, to),
    all: (seq: number) => readAllBoxes(this.db, seq),
    tracks: (seq: number) => listTracks(this.db, seq),
    trackRow: (seq: number, trackId: number) => getTrack(this.db, seq, trackId),
    count: (seq: number) => countBoxes(this.db, seq),
    insertAll: (seq: number, boxes: Parameters<typeof insertAnnotationBoxes>[2], classFromC8: boolean) =>
      insertAnnotationBoxes(this.db, seq, boxes, classFromC8),
    removeAll: (seq: number) => deleteAnnotations(this.db, seq),
  };

  readonly sets = {
    list: (seq?: number) => listBoxSets(this.db, seq),
    get: (id: number) => getBoxSet(this.db, id),
    find: (seq: number, kind: 'det' | 'res', name: string) => findBoxSet(this.db, seq, kind, name),
    rows: (id: number) => readSetRows(this.db, id),
    frame: (id: number, frame: number) => readSetFrame(this.db, id, frame),
    insert: (s: Parameters<typeof insertBoxSet>[1], rows: Parameters<typeof insertBoxSet>[2]) => insertBoxSet(this.db, s, rows),
    remove: (id: number) => deleteBoxSet(this.db, id),
  };

  readonly history = {
    apply: (seq: number, edits: readonly Edit[], label: string, nowMs: number, groupId?: number) => applyEdits(this.db, seq, edits, label, nowMs, groupId),
    undo: (seq: number) => undo(this.db, seq),
    redo: (seq: number) => redo(this.db, seq),
    state: (seq: number) => historyState(this.db, seq),
    latest: (seq: number) => latestRevisionId(this.db, seq),
    clear: (seq: number) => clearHistory(this.db, seq),
  };

  readonly runs = {
    list: (o?: Parameters<typeof listRuns>[1]) => listRuns(this.db, o),
    get: (ref: number | string) => getRun(this.db, ref),
    metrics: (id: number) => getRunMetrics(this.db, id),
    events: (id: number) => getRunEvents(this.db, id),
    artifact: (id: number, name: string) => getRunArtifact(this.db, id, name),
    artifacts: (id: number) => listRunArtifacts(this.db, id),
    insert: (r: Parameters<typeof insertRun>[1]) => insertRun(this.db, r),
    update: (id: number, u: Parameters<typeof updateRun>[2]) => updateRun(this.db, id, u),
    putSequence: (id: number, sequence: string, metrics: unknown, events?: unknown[]) => putRunSequence(this.db, id, sequence, metrics, events),
    putArtifact: (id: number, name: string, data: Uint8Array, meta: unknown, nowMs: number) => putRunArtifact(this.db, id, name, data, meta, nowMs),
    remove: (id: number) => deleteRun(this.db, id),
    failOrphans: (nowMs: number) => failOrphanRuns(this.db, nowMs),
  };

  /** Closes the database. */
  close(): void {
    this.db.close();
  }
}
