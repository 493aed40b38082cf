// The tracks of a sequence with their span and box count; clicking selects and jumps to the first frame.
import { memo } from 'react';
import type { EditorController } from '../editor/controller';
import { useEditorFields, useModelVersion } from '../editor/useEditor';
import { trackColor } from '../canvas/trackColors';

/** Track list of the editor's sequence. */
export const TrackList = memo(function TrackList({ ctl }: { ctl: EditorController }) {
  const s = useEditorFields(ctl, 'selected');
  useModelVersion(ctl);
  const ids = ctl.model.trackIds();
  if (ids.length === 0) return <p className="muted">No annotated tracks.</p>;
  return (
    <ul className="list tracks" aria-label="Track list">
      {ids.map((id) => {
        const t = ctl.model.trackInfo(id)!;
        return (
          <li
            key={id}
            className={s.selected.includes(id) ? 'selected' : ''}
            onClick={(e) => {
              // Shift+click adds a second track (for swap and merge); a plain click selects and jumps.
              if (e.shiftKey) return ctl.store.set((st) => ({ selected: st.selected.includes(id) ? st.selected : [...st.selected, id] }));
              ctl.store.set({ selected: [id] });
              if (t.firstFrame !== null && !ctl.model.boxAt(id, ctl.store.get().frame)) ctl.store.goto(t.firstFrame);
            }}
          >
            <span className="swatch" style={{ background: trackColor(id) }} />
            <span className="name">#{id}</span>
            <span className="meta">
              {t.firstFrame}–{t.lastFrame} · {t.boxCount} boxes
            </span>
          </li>
        );
      })}
    </ul>
  );
});
