// The frame bar: slider, step buttons and the frame number; arrow keys and D/F step one frame.
import { useEffect } from 'react';

/** Frame navigation for a sequence of `frameCount` frames. */
export function FrameBar({ frame, frameCount, fps, onFrame, boxesInFrame }: { frame: number; frameCount: number; fps: number; onFrame: (f: number) => void; boxesInFrame: number }) {
  const go = (f: number): void => onFrame(Math.min(frameCount, Math.max(1, f)));
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'ArrowRight' || e.key === 'f' || e.key === 'F') go(frame + 1);
      else if (e.key === 'ArrowLeft' || e.key === 'd' || e.key === 'D') go(frame - 1);
      else if (e.key === 'Home') go(1);
      else if (e.key === 'End') go(frameCount);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return (
    <div className="frame-bar">
      <button onClick={() => go(frame - 1)} disabled={frame <= 1} aria-label="Previous frame" title="Previous frame (D, ←)">
        ◀
      </button>
      <input type="range" min={1} max={frameCount} value={frame} onChange={(e) => go(Number(e.target.value))} aria-label="Frame" />
      <button onClick={() => go(frame + 1)} disabled={frame >= frameCount} aria-label="Next frame" title="Next frame (F, →)">
        ▶
      </button>
      <span className="frame-no" data-testid="frame-number">
        frame {frame} / {frameCount}
      </span>
      <span className="muted">
        {(frame / fps).toFixed(2)} s · {boxesInFrame} boxes
      </span>
    </div>
  );
}
