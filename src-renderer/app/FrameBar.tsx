// The frame bar: play/pause, step buttons, slider, jump-to-frame field and the frame number.
import { memo, useState } from 'react';
import type { EditorController } from '../editor/controller';
import { useEditorFields, useModelVersion } from '../editor/useEditor';

/** Frame navigation of the editor. */
export const FrameBar = memo(function FrameBar({ ctl, fps }: { ctl: EditorController; fps: number }) {
  const s = useEditorFields(ctl, 'frame', 'playing');
  useModelVersion(ctl);
  const [jump, setJump] = useState('');
  const n = ctl.model.frameCount;
  return (
    <div className="frame-bar">
      <button onClick={() => ctl.store.set({ playing: !s.playing })} aria-label={s.playing ? 'Pause' : 'Play'} title="Play / pause (Space)">
        {s.playing ? '❚❚' : '▶'}
      </button>
      <button onClick={() => ctl.store.goto(s.frame - 1)} disabled={s.frame <= 1} aria-label="Previous frame" title="Previous frame (D, ←)">
        ◀
      </button>
      <input type="range" min={1} max={n} value={s.frame} onChange={(e) => ctl.store.goto(Number(e.target.value))} aria-label="Frame" />
      <button onClick={() => ctl.store.goto(s.frame + 1)} disabled={s.frame >= n} aria-label="Next frame" title="Next frame (F, →)">
        ▶▏
      </button>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (/^\d+$/.test(jump)) ctl.store.goto(Number(jump));
          setJump('');
        }}
      >
        <input className="jump" aria-label="Jump to frame" placeholder="go to…" value={jump} onChange={(e) => setJump(e.target.value)} />
      </form>
      <span className="frame-no" data-testid="frame-number">
        frame {s.frame} / {n}
      </span>
      <span className="muted">
        {(s.frame / fps).toFixed(2)} s · {ctl.model.frameBoxes(s.frame).length} boxes
      </span>
    </div>
  );
});
