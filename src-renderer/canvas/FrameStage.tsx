// The Konva stage: the frame image and its boxes (coloured by track id, with id labels), fitted to
// the canvas area. Layers split by update rate (ARCHITECTURE.md §4): the image, then the boxes.
import { useEffect, useRef, useState } from 'react';
import { Image as KonvaImage, Layer, Rect, Stage, Text } from 'react-konva';
import type { BoxRecord } from '../../src-shared/model/edits';
import { trackColor } from './trackColors';

/** What the stage shows. */
export interface FrameStageProps {
  readonly image?: HTMLImageElement | undefined;
  /** Frame size in pixels (boxes are in frame pixels). */
  readonly frameWidth?: number;
  readonly frameHeight?: number;
  readonly boxes?: readonly BoxRecord[];
  /** Shown when there is nothing to draw. */
  readonly emptyText?: string;
}

/** The canvas area. */
export function FrameStage({ image, frameWidth, frameHeight, boxes = [], emptyText = 'No sequence open' }: FrameStageProps) {
  const host = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const fw = frameWidth ?? image?.naturalWidth ?? 0;
  const fh = frameHeight ?? image?.naturalHeight ?? 0;
  const scale = fw > 0 && fh > 0 ? Math.min(size.width / fw, size.height / fh) : 1;
  const ox = (size.width - fw * scale) / 2;
  const oy = (size.height - fh * scale) / 2;
  const style = getComputedStyle(document.documentElement);
  const muted = style.getPropertyValue('--muted').trim() || '#888';
  return (
    <div ref={host} className="frame-stage" data-testid="frame-stage">
      {size.width > 0 && (
        <Stage width={size.width} height={size.height}>
          <Layer listening={false}>
            {image && fw > 0 ? (
              <KonvaImage image={image} x={ox} y={oy} width={fw * scale} height={fh * scale} />
            ) : (
              <Text text={fw > 0 ? '' : emptyText} width={size.width} y={size.height / 2 - 8} align="center" fontSize={15} fill={muted} />
            )}
          </Layer>
          <Layer listening={false}>
            {boxes.map((b) => {
              const c = trackColor(b.trackId);
              const x = ox + b.x * scale;
              const y = oy + b.y * scale;
              return [
                <Rect key={`r${b.trackId}`} x={x} y={y} width={b.w * scale} height={b.h * scale} stroke={c} strokeWidth={2} dash={b.conf === 0 ? [6, 4] : undefined} perfectDrawEnabled={false} />,
                <Text key={`t${b.trackId}`} x={x} y={y - 14} text={String(b.trackId)} fontSize={12} fontStyle="bold" fill={c} perfectDrawEnabled={false} />,
              ];
            })}
          </Layer>
        </Stage>
      )}
    </div>
  );
}
