// One-key fixes from the review queue, through the editor's own machinery: a controller per sequence
// (its annotations loaded once) runs the fix as an editor command, i.e. one revision in main that
// Ctrl+Z undoes, here or in the editor, even after a restart.
import { useCallback, useRef, useState } from 'react';
import type { QueueEvent } from '../../src-shared/analysis/reviewQueue';
import { fixFor, type FixKind } from '../../src-shared/editing/reviewFixes';
import type { ApiClient } from '../../src-shared/ipc/client';
import type { SequenceSummary } from '../../src-shared/ipc/schemas';
import { EditorController } from '../editor/controller';
import { EditorStore } from '../editor/editorStore';
import { SequenceModel } from '../editor/sequenceModel';

/** A status line message. */
export interface FixMessage {
  readonly text: string;
  readonly error: boolean;
}

/** Fix, undo and redo for the review view; `onEdited(sequence)` after each change that landed. */
export function useFixes(api: ApiClient, project: string, sequences: readonly SequenceSummary[], onEdited: (sequence: string) => void) {
  const controllers = useRef(new Map<number, Promise<EditorController>>());
  const [message, setMessage] = useState<FixMessage>();
  /** Counts the edits that landed (views of the annotations reload on it). */
  const [edits, setEdits] = useState(0);

  const controller = useCallback(
    (name: string): Promise<EditorController> => {
      const seq = sequences.find((s) => s.name === name);
      if (!seq) return Promise.reject(new Error(`the project has no sequence ${name} any more`));
      let c = controllers.current.get(seq.id);
      if (!c) {
        const ctl = new EditorController(api, { project, sequence: seq.id }, new SequenceModel(seq.frameCount), new EditorStore(seq.frameCount));
        c = ctl.load().then(() => ctl);
        c.catch(() => controllers.current.delete(seq.id));
        controllers.current.set(seq.id, c);
      }
      return c;
    },
    [api, project, sequences],
  );

  const act = useCallback(
    async (sequence: string, f: (ctl: EditorController) => Promise<boolean>): Promise<boolean> => {
      try {
        const ctl = await controller(sequence);
        const ok = await f(ctl);
        const m = ctl.store.get().message;
        setMessage(m ? { text: m.text, error: m.error } : undefined);
        if (ok) {
          setEdits((n) => n + 1);
          onEdited(sequence);
        }
        return ok;
      } catch (e) {
        setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
        return false;
      }
    },
    [controller, onEdited],
  );

  /** Applies fix `kind` to event `e` (one undoable edit). */
  const fix = useCallback((e: QueueEvent, kind: FixKind) => act(e.sequence, (ctl) => ctl.run(fixFor(ctl.model, e, kind))), [act]);
  /** Undoes the latest edit of `sequence`. */
  const undo = useCallback((sequence: string) => act(sequence, (ctl) => ctl.undo()), [act]);
  /** Redoes the next undone edit of `sequence`. */
  const redo = useCallback((sequence: string) => act(sequence, (ctl) => ctl.redo()), [act]);
  return { fix, undo, redo, message, edits };
}
