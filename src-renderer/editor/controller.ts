// Runs editor commands: a command's edits go to main as one revision; main answers with the tracks it
// touched, which are reloaded into the model. Undo and redo go through main too, so they work after a
// reload or a restart (the history is in the project file).
import * as cmd from '../../src-shared/editing/commands';
import type { CommandResult } from '../../src-shared/editing/view';
import type { ApiClient } from '../../src-shared/ipc/client';
import type { EditorStore } from './editorStore';
import type { SequenceModel } from './sequenceModel';

/** What the controller needs to reach a sequence. */
export interface SequenceRef {
  readonly project: string;
  readonly sequence: number;
}

/** Applies commands and history steps for one sequence. */
export class EditorController {
  #busy: Promise<unknown> = Promise.resolve();
  /** The history labels after the last step (for the toolbar). */
  undoLabel: string | null = null;
  redoLabel: string | null = null;

  constructor(
    private readonly api: ApiClient,
    private readonly ref: SequenceRef,
    readonly model: SequenceModel,
    readonly store: EditorStore,
  ) {}

  /** Loads every track and box of the sequence. */
  async load(): Promise<void> {
    const r = await this.api.invoke('annotations.all', this.ref);
    if (!r.ok) throw new Error(r.error.message);
    this.model.load(r.value.tracks, r.value.boxes);
    const h = await this.api.invoke('annotations.history', this.ref);
    if (h.ok) ({ undoLabel: this.undoLabel, redoLabel: this.redoLabel } = h.value);
    this.store.set({}); // subscribers read the model's new version
  }

  /** Runs a command: refused ones show their reason; others are applied in main, one at a time. */
  run(result: CommandResult | { needsMerge: true }): Promise<boolean> {
    if (!('ok' in result)) {
      this.store.say('That id is taken: merge the tracks instead (select both, press M)', true);
      return Promise.resolve(false);
    }
    if (!result.ok) {
      this.store.say(result.reason, true);
      return Promise.resolve(false);
    }
    return this.#serial(async () => {
      const r = await this.api.invoke('annotations.applyEdits', { ...this.ref, edits: [...result.edits], label: result.label });
      if (!r.ok) {
        this.store.say(r.error.message, true);
        return false;
      }
      await this.#refresh(r.value.tracks, r.value);
      this.store.say(result.label);
      return true;
    });
  }

  /** Undoes the latest edit group (Ctrl+Z). */
  undo(): Promise<boolean> {
    return this.#history('annotations.undo', 'Nothing to undo');
  }

  /** Redoes the next undone group (Ctrl+Shift+Z, Ctrl+Y). */
  redo(): Promise<boolean> {
    return this.#history('annotations.redo', 'Nothing to redo');
  }

  /** The commands, bound to this sequence's model. */
  readonly commands = {
    draw: (frame: number, g: cmd.Tlwh, trackId?: number) => this.run(cmd.drawBox(this.model, frame, g, trackId === undefined ? {} : { trackId })),
    move: (frame: number, trackId: number, g: cmd.Tlwh) => this.run(cmd.moveBox(this.model, frame, trackId, g)),
    update: (frame: number, trackId: number, change: Parameters<typeof cmd.updateBox>[3], label?: string) => this.run(cmd.updateBox(this.model, frame, trackId, change, label)),
    deleteBox: (frame: number, trackId: number) => this.run(cmd.deleteBox(this.model, frame, trackId)),
    toggleKeyframe: (frame: number, trackId: number) => this.run(cmd.toggleKeyframe(this.model, frame, trackId)),
    toggleFlag: (frame: number, trackId: number, flag: number) => this.run(cmd.toggleFlag(this.model, frame, trackId, flag)),
    interpolation: (trackId: number, on: boolean) => this.run(cmd.setInterpolation(this.model, trackId, on)),
    swapFrom: (a: number, b: number, frame: number) => this.run(cmd.swapFrom(this.model, a, b, frame)),
    split: (a: number, frame: number) => this.run(cmd.splitAt(this.model, a, frame)),
    merge: (a: number, b: number) => this.run(cmd.mergeTracks(this.model, a, b)),
    rename: (from: number, to: number) => this.run(cmd.renameTrack(this.model, from, to)),
    reassign: (frame: number, from: number, to: number) => this.run(cmd.reassignBox(this.model, frame, from, to)),
    deleteFrom: (a: number, frame: number) => this.run(cmd.deleteFrom(this.model, a, frame)),
    setClass: (trackId: number, classId: number) => this.run(cmd.setTrackClass(this.model, trackId, classId)),
    preAnnotate: (rows: Parameters<typeof cmd.preAnnotate>[1], source: string) => this.run(cmd.preAnnotate(this.model, rows, source)),
  };

  async #history(channel: 'annotations.undo' | 'annotations.redo', nothing: string): Promise<boolean> {
    return this.#serial(async () => {
      const r = await this.api.invoke(channel, this.ref);
      if (!r.ok) {
        this.store.say(r.error.message, true);
        return false;
      }
      if (r.value.revisionId === null) {
        this.store.say(nothing);
        return false;
      }
      await this.#refresh(r.value.tracks, r.value);
      this.store.say(`${channel === 'annotations.undo' ? 'Undid' : 'Redid'}: ${r.value.label}`);
      return true;
    });
  }

  async #refresh(tracks: readonly number[], h: { undoLabel: string | null; redoLabel: string | null }): Promise<void> {
    this.undoLabel = h.undoLabel;
    this.redoLabel = h.redoLabel;
    if (tracks.length === 0) {
      this.model.version++;
      return this.store.set({});
    }
    const r = await this.api.invoke('annotations.trackBoxes', { ...this.ref, trackIds: [...tracks] });
    if (!r.ok) throw new Error(r.error.message);
    this.model.replaceTracks(tracks, r.value.tracks, r.value.boxes);
    // Deleted tracks leave the selection.
    this.store.set((s) => ({ selected: s.selected.filter((id) => this.model.track(id)) }));
  }

  /** Edits run one after another: each command reads the model the previous one produced. */
  #serial<T>(f: () => Promise<T>): Promise<T> {
    const p = this.#busy.then(f, f);
    this.#busy = p.catch(() => undefined);
    return p;
  }
}
