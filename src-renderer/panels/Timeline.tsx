// The per-track timeline (a Gantt strip per track, DIVE-style, plus ID-switch markers): presence,
// keyframes, interpolated spans and gaps, drawn on one canvas; only the rows in view are drawn, so
// hundreds of tracks scroll smoothly. Click a row to select its track and jump to that frame.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { INTERPOLATED, OUTSIDE } from '../../src-shared/model/boxFlags';
import type { EditorController } from '../editor/controller';
import { useEditorFields, useModelVersion } from '../editor/useEditor';
import { isKeyframe } from '../../src-shared/editing/interpolation';
import { trackColor } from '../canvas/trackColors';

const ROW = 16;
const LABEL = 56;

/** An ID-switch marker on the timeline (from an evaluation). */
export interface TimelineMarker {
  readonly frame: number;
  /** The annotation track the marker belongs to (the GT id). */
  readonly trackId: number;
  readonly color: string;
  readonly title: string;
}

interface Segment {
  readonly from: number;
  readonly to: number;
  readonly interpolated: boolean;
}

/** Runs of consecutive frames with the same interpolated/keyframe kind; keyframe frames. */
function segmentsOf(boxes: readonly { frame: number; flags: number }[]): { segments: Segment[]; keys: number[] } {
  const segments: Segment[] = [];
  const keys: number[] = [];
  for (const b of boxes) {
    if (b.flags & OUTSIDE) continue;
    const interp = (b.flags & INTERPOLATED) !== 0;
    if (isKeyframe(b as never)) keys.push(b.frame);
    const last = segments.at(-1);
    if (last && last.to === b.frame - 1 && last.interpolated === interp) segments[segments.length - 1] = { ...last, to: b.frame };
    else segments.push({ from: b.frame, to: b.frame, interpolated: interp });
  }
  return { segments, keys };
}

/** The timeline of a sequence's tracks. */
export const Timeline = memo(function Timeline({ ctl, markers = [] }: { ctl: EditorController; markers?: readonly TimelineMarker[] }) {
  const s = useEditorFields(ctl, 'frame', 'selected', 'hidden');
  const scroller = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [view, setView] = useState({ width: 0, height: 0, top: 0 });
  const version = useModelVersion(ctl);
  const rows = useMemo(() => {
    void version;
    return ctl.model.trackIds().map((id) => ({ id, ...segmentsOf(ctl.model.trackBoxes(id)) }));
  }, [ctl.model, version]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = (): void => setView({ width: el.clientWidth, height: el.clientHeight, top: el.scrollTop });
    const ro = new ResizeObserver(update);
    ro.observe(el);
    el.addEventListener('scroll', update, { passive: true });
    update();
    return () => {
      ro.disconnect();
      el.removeEventListener('scroll', update);
    };
  }, []);

  const n = ctl.model.frameCount;
  const fx = (frame: number): number => LABEL + ((frame - 1) / Math.max(1, n)) * (view.width - LABEL);
  useEffect(() => {
    const c = canvas.current;
    if (!c || view.width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = view.width * dpr;
    c.height = view.height * dpr;
    const g = c.getContext('2d')!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    const css = getComputedStyle(document.documentElement);
    g.clearRect(0, 0, view.width, view.height);
    const first = Math.floor(view.top / ROW);
    const last = Math.min(rows.length, Math.ceil((view.top + view.height) / ROW));
    const w = Math.max(1, (view.width - LABEL) / Math.max(1, n));
    g.font = '11px system-ui, sans-serif';
    for (let r = first; r < last; r++) {
      const row = rows[r]!;
      const y = r * ROW - view.top;
      const sel = s.selected.includes(row.id);
      if (sel) {
        g.fillStyle = css.getPropertyValue('--panel-2');
        g.fillRect(0, y, view.width, ROW);
      }
      g.fillStyle = s.hidden.has(row.id) ? css.getPropertyValue('--muted') : css.getPropertyValue('--text');
      g.fillText(`#${row.id}`, 6, y + 12);
      const col = trackColor(row.id);
      for (const seg of row.segments) {
        g.globalAlpha = seg.interpolated ? 0.45 : 0.9;
        g.fillStyle = col;
        g.fillRect(fx(seg.from), y + 4, Math.max(1, fx(seg.to) - fx(seg.from) + w), ROW - 8);
      }
      g.globalAlpha = 1;
      if (w >= 3) {
        g.fillStyle = css.getPropertyValue('--text');
        for (const k of row.keys) g.fillRect(fx(k) + w / 2 - 1, y + 2, 2, ROW - 4);
      }
    }
    for (const m of markers) {
      const r = rows.findIndex((row) => row.id === m.trackId);
      if (r < first || r >= last) continue;
      const x = fx(m.frame) + w / 2;
      const y = r * ROW - view.top;
      g.fillStyle = m.color;
      g.beginPath();
      g.moveTo(x - 5, y);
      g.lineTo(x + 5, y);
      g.lineTo(x, y + 8);
      g.fill();
    }
    // The playhead is a separate element (below): stepping a frame must not redraw every row.
  }, [rows, view, s.selected, s.hidden, markers, n]);

  // The ID-switch marker under a point (canvas coordinates), if any: clicking one jumps to its frame.
  const markerAt = (x: number, y: number): TimelineMarker | undefined => {
    const w = Math.max(1, (view.width - LABEL) / Math.max(1, n));
    const rowOf = new Map(rows.map((row, i) => [row.id, i]));
    return markers.find((m) => {
      const r = rowOf.get(m.trackId);
      if (r === undefined) return false;
      const my = r * ROW - view.top;
      return Math.abs(x - (fx(m.frame) + w / 2)) <= 6 && y >= my - 2 && y <= my + 10;
    });
  };

  const onClick = (e: React.MouseEvent<HTMLCanvasElement>): void => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const marker = markerAt(x, e.clientY - rect.top);
    if (marker) {
      ctl.store.goto(marker.frame);
      ctl.store.set({ selected: [marker.trackId] });
      return;
    }
    const r = Math.floor((e.clientY - rect.top + view.top) / ROW);
    const row = rows[r];
    if (x > LABEL) ctl.store.goto(1 + Math.floor(((x - LABEL) / (view.width - LABEL)) * n));
    if (row) ctl.store.set((st) => ({ selected: e.shiftKey ? [...new Set([...st.selected, row.id])] : [row.id] }));
  };

  return (
    <div className="timeline-scroll" ref={scroller} data-testid="timeline">
      <div style={{ height: rows.length * ROW }}>
        <canvas
          ref={canvas}
          className="timeline-canvas"
          style={{ top: view.top, width: view.width, height: view.height }}
          onClick={onClick}
          onMouseMove={(e) => {
            const rect = e.currentTarget.getBoundingClientRect();
            e.currentTarget.title = markerAt(e.clientX - rect.left, e.clientY - rect.top)?.title ?? '';
          }}
          aria-label="Track timeline"
          data-markers={markers.length}
        />
        <div className="timeline-playhead" style={{ top: view.top, height: view.height, transform: `translateX(${fx(s.frame) + Math.max(1, (view.width - LABEL) / Math.max(1, n)) / 2 - 1}px)` }} />
      </div>
    </div>
  );
});
