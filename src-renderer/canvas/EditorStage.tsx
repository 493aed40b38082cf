// The annotation canvas (react-konva). Layers by update rate (ARCHITECTURE.md §4): the frame image with
// every settled box of the frame drawn by one custom shape (no node per box: 1,000 boxes stay cheap
// to pan and zoom); the selected boxes with a Transformer; and an overlay for drawing. Only the
// current frame's shapes exist. Pointer input becomes commands; the canvas never edits data itself.
import type Konva from 'konva';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Image as KonvaImage, Layer, Line, Rect, Shape, Stage, Text, Transformer } from 'react-konva';
import { INTERPOLATED, OCCLUDED, OUTSIDE } from '../../src-shared/model/boxFlags';
import type { BoxRecord } from '../../src-shared/model/edits';
import type { EditorController } from '../editor/controller';
import { trackColor } from './trackColors';

/** Most boxes in view that still get id labels (zoom in to see the labels of a denser frame). */
export const LABELS_MAX = 400;

/** Canvas size from the container (ResizeObserver). */
function useSize(ref: React.RefObject<HTMLDivElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => e && setSize({ width: Math.floor(e.contentRect.width), height: Math.floor(e.contentRect.height) }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

/** The box under a frame-space point: the smallest containing one (nested boxes stay reachable). */
export function hitBox(boxes: readonly BoxRecord[], x: number, y: number, hidden: ReadonlySet<number>): BoxRecord | undefined {
  let best: BoxRecord | undefined;
  for (const b of boxes) {
    if (hidden.has(b.trackId) || b.flags & OUTSIDE) continue;
    if (x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h && (!best || b.w * b.h < best.w * best.h)) best = b;
  }
  return best;
}

/** The editor canvas for one sequence. */
export function EditorStage({
  ctl,
  image,
  imageCurrent,
  frameWidth,
  frameHeight,
}: {
  ctl: EditorController;
  image: ImageBitmap | undefined;
  /** False while the previous frame's image is still shown (the new one is loading). */
  imageCurrent: boolean;
  frameWidth: number;
  frameHeight: number;
}) {
  const host = useRef<HTMLDivElement>(null);
  const { width, height } = useSize(host);
  const s = useSyncExternalStore(ctl.store.subscribe, ctl.store.get);
  const boxes = ctl.model.frameBoxes(s.frame);
  const selected = new Set(s.selected);
  const trRef = useRef<Konva.Transformer>(null);
  const selRefs = useRef(new Map<number, Konva.Rect>());
  const [drawing, setDrawing] = useState<{ x0: number; y0: number; x1: number; y1: number } | undefined>();
  const [cursor, setCursor] = useState<{ x: number; y: number } | undefined>();
  const pan = useRef<{ x: number; y: number; vx: number; vy: number } | undefined>(undefined);

  // Fit the frame to the canvas while the view is in "fit" mode.
  const vp = s.viewport;
  useEffect(() => {
    if (!vp.fit || width === 0 || frameWidth === 0) return;
    const scale = Math.min(width / frameWidth, height / frameHeight);
    ctl.store.set({ viewport: { scale, x: (width - frameWidth * scale) / 2, y: (height - frameHeight * scale) / 2, fit: true } });
  }, [vp.fit, width, height, frameWidth, frameHeight, ctl.store]);

  useEffect(() => {
    const nodes = s.selected.map((id) => selRefs.current.get(id)).filter((n): n is Konva.Rect => !!n && !s.locked.has(Number(n.name())));
    trRef.current?.nodes(nodes);
    trRef.current?.getLayer()?.batchDraw();
  });

  // A performance mark once a frame is on screen with its own image (benchmarks and profiling read it).
  useEffect(() => {
    if (!imageCurrent) return;
    const id = requestAnimationFrame(() => performance.mark('tw:frame-painted', { detail: { frame: s.frame, boxes: boxes.length } }));
    return () => cancelAnimationFrame(id);
  }, [s.frame, imageCurrent, boxes.length]);

  const toFrame = (stage: Konva.Stage): { x: number; y: number } | undefined => {
    const p = stage.getPointerPosition();
    return p ? { x: (p.x - vp.x) / vp.scale, y: (p.y - vp.y) / vp.scale } : undefined;
  };

  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>): void => {
    e.evt.preventDefault();
    const p = e.target.getStage()!.getPointerPosition();
    if (!p) return;
    const factor = Math.exp(-e.evt.deltaY * 0.0015);
    const scale = Math.min(40, Math.max(0.05, vp.scale * factor));
    const k = scale / vp.scale;
    ctl.store.set({ viewport: { scale, x: p.x - (p.x - vp.x) * k, y: p.y - (p.y - vp.y) * k, fit: false } });
  };

  const onDown = (e: Konva.KonvaEventObject<MouseEvent>): void => {
    const stage = e.target.getStage()!;
    const pt = toFrame(stage);
    if (!pt) return;
    const onSelection = e.target.getLayer()?.name() === 'selection';
    if (e.evt.button === 1 || (e.evt.button === 0 && e.evt.altKey)) {
      pan.current = { x: e.evt.clientX, y: e.evt.clientY, vx: vp.x, vy: vp.y };
      return;
    }
    if (onSelection) {
      // A click on a selected box narrows the selection to it (Shift keeps the others).
      const id = Number(e.target.name());
      if (e.evt.button === 0 && Number.isInteger(id) && id > 0 && s.selected.length > 1) {
        ctl.store.set((st) => ({ selected: e.evt.shiftKey ? st.selected.filter((x) => x !== id) : [id] }));
      }
      return;
    }
    if (e.evt.button !== 0) return;
    if (s.tool === 'draw') {
      setDrawing({ x0: pt.x, y0: pt.y, x1: pt.x, y1: pt.y });
      return;
    }
    const hit = hitBox(boxes, pt.x, pt.y, s.hidden);
    if (hit) {
      const id = hit.trackId;
      ctl.store.set((st) => ({ selected: e.evt.shiftKey ? (st.selected.includes(id) ? st.selected.filter((x) => x !== id) : [...st.selected, id]) : [id] }));
    } else {
      ctl.store.set({ selected: [] });
      pan.current = { x: e.evt.clientX, y: e.evt.clientY, vx: vp.x, vy: vp.y };
    }
  };

  const onMove = (e: Konva.KonvaEventObject<MouseEvent>): void => {
    const stage = e.target.getStage()!;
    const pt = toFrame(stage);
    if (pan.current) {
      const p = pan.current;
      ctl.store.set({ viewport: { ...vp, x: p.vx + e.evt.clientX - p.x, y: p.vy + e.evt.clientY - p.y, fit: false } });
      return;
    }
    if (s.tool === 'draw') setCursor(pt);
    if (drawing && pt) setDrawing({ ...drawing, x1: pt.x, y1: pt.y });
  };

  const onUp = (): void => {
    pan.current = undefined;
    if (!drawing) return;
    const g = { x: Math.min(drawing.x0, drawing.x1), y: Math.min(drawing.y0, drawing.y1), w: Math.abs(drawing.x1 - drawing.x0), h: Math.abs(drawing.y1 - drawing.y0) };
    setDrawing(undefined);
    ctl.store.set({ tool: 'select' });
    if (g.w < 3 || g.h < 3) return ctl.store.say('Box too small: drag to draw a box', true);
    const round = (v: number): number => Math.round(v * 100) / 100;
    // With one track selected that has no box here, the new box is that track's next keyframe
    // (CVAT's track mode); otherwise it starts a new track.
    const target = s.selected.length === 1 && !ctl.model.boxAt(s.selected[0]!, s.frame) ? s.selected[0] : undefined;
    const id = target ?? (ctl.model.trackIds().length ? Math.max(...ctl.model.trackIds()) + 1 : 1);
    void ctl.commands.draw(s.frame, { x: round(g.x), y: round(g.y), w: round(g.w), h: round(g.h) }, target).then((ok) => ok && ctl.store.set({ selected: [id] }));
  };

  const commitShape = (id: number, node: Konva.Rect): void => {
    // One history entry per drag or resize: the geometry is sent once, when the gesture ends.
    const sx = node.scaleX();
    const sy = node.scaleY();
    node.scale({ x: 1, y: 1 });
    const round = (v: number): number => Math.round(v * 100) / 100;
    const g = { x: round(node.x()), y: round(node.y()), w: round(Math.max(1, node.width() * sx)), h: round(Math.max(1, node.height() * sy)) };
    const old = ctl.model.boxAt(id, s.frame);
    // A click, not a move (interpolated boxes are not on the 0.01 px grid: compare them rounded, or a click would
    // turn one into a keyframe).
    if (old && round(old.x) === g.x && round(old.y) === g.y && round(old.w) === g.w && round(old.h) === g.h) return;
    void ctl.commands.move(s.frame, id, g);
  };

  const settled = boxes.filter((b) => !selected.has(b.trackId) && !s.hidden.has(b.trackId) && !(b.flags & OUTSIDE));
  // Larger boxes first, so a smaller box inside a larger one is on top and stays clickable (as in hitBox).
  const chosen = boxes.filter((b) => selected.has(b.trackId) && !s.hidden.has(b.trackId) && !(b.flags & OUTSIDE)).sort((a, b) => b.w * b.h - a.w * a.h);
  const layerProps = { x: vp.x, y: vp.y, scaleX: vp.scale, scaleY: vp.scale };

  return (
    <div ref={host} className={`frame-stage ${s.tool === 'draw' ? 'drawing' : ''}`} data-testid="frame-stage">
      {width > 0 && (
        <Stage width={width} height={height} onWheel={onWheel} onMouseDown={onDown} onMouseMove={onMove} onMouseUp={onUp} onMouseLeave={() => setCursor(undefined)}>
          {/* The image and the settled boxes share one canvas: both change on every pan, zoom and step, and each
              visible layer is a full-size canvas the browser copies and composites every frame. */}
          <Layer listening={false} {...layerProps}>
            {image && <KonvaImage image={image} width={frameWidth} height={frameHeight} />}
            <Shape
              perfectDrawEnabled={false}
              sceneFunc={(ctx) => {
                const c = ctx._context;
                const lw = 2 / vp.scale;
                c.lineWidth = lw;
                c.font = `bold ${12 / vp.scale}px system-ui, sans-serif`;
                // Boxes outside the canvas are skipped (zoomed in, most are).
                const x0 = -vp.x / vp.scale;
                const y0 = -vp.y / vp.scale;
                const x1 = x0 + width / vp.scale;
                const y1 = y0 + height / vp.scale;
                const inView = settled.filter((b) => !(b.x > x1 || b.y > y1 || b.x + b.w < x0 || b.y + b.h < y0 - 16 / vp.scale));
                // Id labels are drawn while at most LABELS_MAX boxes are in view: beyond that they overlap
                // into noise and cost more than the boxes (text is the slowest thing a canvas draws).
                const labels = inView.length <= LABELS_MAX;
                for (const b of inView) {
                  const col = trackColor(b.trackId);
                  c.strokeStyle = col;
                  c.fillStyle = col;
                  c.setLineDash(b.conf === 0 ? [6 / vp.scale, 4 / vp.scale] : b.flags & OCCLUDED ? [2 / vp.scale, 3 / vp.scale] : []);
                  c.globalAlpha = b.flags & INTERPOLATED ? 0.6 : 1;
                  c.strokeRect(b.x, b.y, b.w, b.h);
                  if (labels) c.fillText(String(b.trackId), b.x, b.y - 3 / vp.scale);
                }
                c.globalAlpha = 1;
                c.setLineDash([]);
              }}
            />
          </Layer>
          {/* Empty layers are hidden, for the same reason. */}
          <Layer name="selection" visible={chosen.length > 0} {...layerProps}>
            {chosen.map((b) => (
              <Rect
                key={b.trackId}
                name={String(b.trackId)}
                ref={(n) => void (n ? selRefs.current.set(b.trackId, n) : selRefs.current.delete(b.trackId))}
                x={b.x}
                y={b.y}
                width={b.w}
                height={b.h}
                stroke={trackColor(b.trackId)}
                strokeWidth={3 / vp.scale}
                fill="rgba(255,255,255,0.06)"
                draggable={!s.locked.has(b.trackId)}
                dragDistance={3}
                onDragEnd={(e) => commitShape(b.trackId, e.target as Konva.Rect)}
                onTransformEnd={(e) => commitShape(b.trackId, e.target as Konva.Rect)}
              />
            ))}
            {chosen.map((b) => (
              <Text key={`l${b.trackId}`} x={b.x} y={b.y - 16 / vp.scale} text={`${b.trackId}${b.flags & INTERPOLATED ? ' (interp.)' : ''}`} fontSize={13 / vp.scale} fontStyle="bold" fill={trackColor(b.trackId)} listening={false} />
            ))}
            <Transformer ref={trRef} rotateEnabled={false} keepRatio={false} ignoreStroke flipEnabled={false} boundBoxFunc={(o, n) => (n.width < 3 || n.height < 3 ? o : n)} />
          </Layer>
          <Layer listening={false} visible={s.tool === 'draw' || !!drawing} {...layerProps}>
            {s.tool === 'draw' && cursor && (
              <>
                <Line points={[cursor.x, 0, cursor.x, frameHeight]} stroke="#fff" strokeWidth={1 / vp.scale} dash={[4 / vp.scale, 4 / vp.scale]} />
                <Line points={[0, cursor.y, frameWidth, cursor.y]} stroke="#fff" strokeWidth={1 / vp.scale} dash={[4 / vp.scale, 4 / vp.scale]} />
              </>
            )}
            {drawing && (
              <>
                <Rect x={Math.min(drawing.x0, drawing.x1)} y={Math.min(drawing.y0, drawing.y1)} width={Math.abs(drawing.x1 - drawing.x0)} height={Math.abs(drawing.y1 - drawing.y0)} stroke="#fff" strokeWidth={2 / vp.scale} />
                <Text
                  x={Math.max(drawing.x0, drawing.x1) + 4 / vp.scale}
                  y={Math.max(drawing.y0, drawing.y1) + 4 / vp.scale}
                  text={`${Math.round(Math.abs(drawing.x1 - drawing.x0))} × ${Math.round(Math.abs(drawing.y1 - drawing.y0))}`}
                  fontSize={12 / vp.scale}
                  fill="#fff"
                />
              </>
            )}
          </Layer>
        </Stage>
      )}
    </div>
  );
}
