// What editing commands read: one sequence's annotations. The renderer's sequence model implements
// it; tests use a plain in-memory version.
import type { BoxRecord, Edit, TrackRecord } from '../model/edits';

/** A read-only view of a sequence's tracks and boxes. */
export interface AnnotationView {
  readonly frameCount: number;
  /** Every track id, ascending. */
  trackIds(): readonly number[];
  /** A track's own fields, or undefined. */
  track(trackId: number): TrackRecord | undefined;
  /** A track's boxes, ascending by frame. */
  trackBoxes(trackId: number): readonly BoxRecord[];
}

/** What a command produces: the edits to send, with the undo label; or why it cannot run. */
export type CommandResult = { readonly ok: true; readonly label: string; readonly edits: readonly Edit[] } | { readonly ok: false; readonly reason: string };

/** A successful command result. */
export function done(label: string, edits: readonly Edit[]): CommandResult {
  return { ok: true, label, edits };
}

/** A refused command with the reason shown to the user. */
export function refuse(reason: string): CommandResult {
  return { ok: false, reason };
}

/** True when the track interpolates between its keyframes (editor-made tracks; DIVE's toggle). */
export function interpolates(t: TrackRecord | undefined): boolean {
  return t?.attributes['interpolate'] === true;
}
