// React bindings of the editor store that re-render a component only when the fields it reads change.
// The canvas re-renders on every viewport change during pan and zoom; the track list (hundreds of rows)
// and the panels must not, or a 1,000-box frame cannot hold 55 fps (bench/editor.bench.ts).
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { EditorController } from './controller';
import type { EditorState } from './editorStore';

/** The fields `keys` of the editor state; a new object only when one of them changed (by identity). */
export function useEditorFields<K extends keyof EditorState>(ctl: EditorController, ...keys: K[]): Pick<EditorState, K> {
  const cache = useRef<Pick<EditorState, K> | undefined>(undefined);
  const key = keys.join(',');
  const get = useCallback((): Pick<EditorState, K> => {
    const s = ctl.store.get();
    const c = cache.current;
    if (c && keys.every((k) => c[k] === s[k])) return c;
    const picked = {} as Pick<EditorState, K>;
    for (const k of keys) picked[k] = s[k];
    cache.current = picked;
    return picked;
    // `key` stands for `keys` (a new array on every render).
  }, [ctl, key]);
  return useSyncExternalStore(ctl.store.subscribe, get);
}

/** The annotation model's version: changes after every edit, undo, redo and load. */
export function useModelVersion(ctl: EditorController): number {
  return useSyncExternalStore(ctl.store.subscribe, () => ctl.model.version);
}
