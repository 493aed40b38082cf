// The selected track and its box in this frame: id (rename, or merge when the id is taken), class,
// visibility, ignore, keyframe / outside / occluded, interpolation; the track commands as buttons.
import { memo, useState } from 'react';
import { MOT_CLASSES } from '../../src-shared/editing/commands';
import { isKeyframe } from '../../src-shared/editing/interpolation';
import { INTERPOLATED, OCCLUDED, OUTSIDE } from '../../src-shared/model/boxFlags';
import type { EditorController } from '../editor/controller';
import { useEditorFields, useModelVersion } from '../editor/useEditor';
import { trackColor } from '../canvas/trackColors';

/** Details and commands of the selection. */
export const TrackDetails = memo(function TrackDetails({ ctl }: { ctl: EditorController }) {
  const s = useEditorFields(ctl, 'frame', 'selected');
  useModelVersion(ctl);
  const [idText, setIdText] = useState('');
  const [mergeInto, setMergeInto] = useState<number>();
  const { frame, selected } = s;
  if (selected.length === 0) return <p className="muted">Click a box (Shift+click for a second one), or draw one with N.</p>;
  if (selected.length === 2) {
    const [a, b] = selected as [number, number];
    return (
      <div className="details">
        <p>
          Tracks <b style={{ color: trackColor(a) }}>#{a}</b> and <b style={{ color: trackColor(b) }}>#{b}</b>
        </p>
        <button onClick={() => void ctl.commands.swapFrom(a, b, frame)} title="X">
          Swap ids from frame {frame}
        </button>
        <button onClick={() => void ctl.commands.merge(a, b)} title="M">
          Merge #{a} into #{b}
        </button>
      </div>
    );
  }
  const id = selected[0]!;
  const info = ctl.model.trackInfo(id);
  const box = ctl.model.boxAt(id, frame);
  if (!info) return <p className="muted">Track #{id} no longer exists.</p>;
  const rename = (): void => {
    const to = Number(idText);
    if (!Number.isInteger(to) || to < 1) return ctl.store.say(`"${idText}" is not a track id (a whole number ≥ 1)`, true);
    if (ctl.model.track(to) && to !== id) return setMergeInto(to);
    void ctl.commands.rename(id, to).then((ok) => ok && ctl.store.set({ selected: [to] }));
    setIdText('');
  };
  const flag = (f: number, label: string) =>
    box && (
      <label className="check">
        <input type="checkbox" checked={(box.flags & f) !== 0} onChange={() => void ctl.commands.toggleFlag(frame, id, f)} /> {label}
      </label>
    );
  return (
    <div className="details" aria-label="Selected track">
      <h4 style={{ color: trackColor(id) }}>Track #{id}</h4>
      <p className="muted">
        frames {info.firstFrame ?? '–'}–{info.lastFrame ?? '–'} · {info.boxCount} boxes
      </p>
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          rename();
        }}
      >
        <input aria-label="New track id" value={idText} onChange={(e) => setIdText(e.target.value)} placeholder={`id ${id}`} />
        <button type="submit" disabled={idText === ''}>
          Change id
        </button>
      </form>
      {mergeInto !== undefined && (
        <div className="confirm" role="alertdialog" aria-label="Merge tracks">
          <p>Track #{mergeInto} exists. Merge #{id} into it?</p>
          <button
            className="primary"
            onClick={() => {
              void ctl.commands.merge(id, mergeInto).then((ok) => ok && ctl.store.set({ selected: [mergeInto] }));
              setMergeInto(undefined);
              setIdText('');
            }}
          >
            Merge
          </button>
          <button onClick={() => setMergeInto(undefined)}>Cancel</button>
        </div>
      )}
      <label>
        Class
        <select value={info.classId} onChange={(e) => void ctl.commands.setClass(id, Number(e.target.value))}>
          {Object.entries(MOT_CLASSES).map(([k, name]) => (
            <option key={k} value={k}>
              {k} {name}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={info.attributes['interpolate'] === true} onChange={(e) => void ctl.commands.interpolation(id, e.target.checked)} /> Interpolate between keyframes (I)
      </label>
      {box ? (
        <>
          <h4>Frame {frame}</h4>
          <p className="muted mono">
            {box.x.toFixed(1)}, {box.y.toFixed(1)} · {box.w.toFixed(1)} × {box.h.toFixed(1)} · {box.flags & INTERPOLATED ? 'interpolated' : isKeyframe(box) ? 'keyframe' : ''}
          </p>
          <label className="check">
            <input type="checkbox" checked={isKeyframe(box)} onChange={() => void ctl.commands.toggleKeyframe(frame, id)} /> Keyframe (K)
          </label>
          {flag(OUTSIDE, 'Outside (O)')}
          {flag(OCCLUDED, 'Occluded (Q)')}
          <label className="check">
            <input type="checkbox" checked={box.conf === 0} onChange={(e) => void ctl.commands.update(frame, id, { conf: e.target.checked ? 0 : 1 }, e.target.checked ? 'ignore box' : 'evaluate box')} /> Ignored in evaluation (conf 0)
          </label>
          <label>
            Visibility
            <input
              type="number"
              min={0}
              max={1}
              step={0.05}
              defaultValue={box.c9 >= 0 ? box.c9 : 1}
              key={`${id}/${frame}/${box.c9}`}
              onBlur={(e) => {
                const v = Number(e.target.value);
                if (v !== box.c9 && v >= 0 && v <= 1) void ctl.commands.update(frame, id, { c9: v }, 'set visibility');
              }}
            />
          </label>
        </>
      ) : (
        <p className="muted">No box in frame {frame}.</p>
      )}
      <div className="buttons">
        <button onClick={() => void ctl.commands.split(id, frame)} title="Alt+X">
          Split here
        </button>
        <button onClick={() => void ctl.commands.deleteFrom(id, frame)} title="Shift+Delete">
          Delete from here
        </button>
      </div>
    </div>
  );
});
