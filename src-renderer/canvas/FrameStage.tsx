// The Konva stage that shows a frame and its boxes; sized to its container.
import { useEffect, useRef, useState } from 'react';
import { Layer, Rect, Stage, Text } from 'react-konva';

/** The canvas area. Until a sequence is open it shows an empty stage with a hint. */
export function FrameStage() {
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
  const style = getComputedStyle(document.documentElement);
  return (
    <div ref={host} className="frame-stage" data-testid="frame-stage">
      {size.width > 0 && (
        <Stage width={size.width} height={size.height}>
          <Layer listening={false}>
            <Rect width={size.width} height={size.height} fill={style.getPropertyValue('--canvas-bg').trim() || '#0e0f12'} />
            <Text
              text="No sequence open"
              width={size.width}
              y={size.height / 2 - 8}
              align="center"
              fontSize={15}
              fill={style.getPropertyValue('--muted').trim() || '#888'}
            />
          </Layer>
        </Stage>
      )}
    </div>
  );
}
