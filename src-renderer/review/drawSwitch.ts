// Drawing a region of a frame with the boxes of a switch event: the GT objects involved solid (in their
// track colour), the two predicted ids dashed, other GT boxes faint. Used for the whole frame and for the
// crops of the involved objects.

/** A box to draw, in frame pixels. */
export interface DrawBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly color: string;
  readonly label: string;
  readonly style: 'gt' | 'predicted' | 'context';
}

/** A rectangle in frame pixels. */
export interface Region {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The box grown by `pad` of its size on each side, clipped to the frame. */
export function cropRegion(b: Region, frameW: number, frameH: number, pad = 0.35): Region {
  const x0 = Math.max(0, b.x - b.w * pad);
  const y0 = Math.max(0, b.y - b.h * pad * 0.5);
  const x1 = Math.min(frameW, b.x + b.w * (1 + pad));
  const y1 = Math.min(frameH, b.y + b.h * (1 + pad * 0.5));
  return { x: x0, y: y0, w: Math.max(1, x1 - x0), h: Math.max(1, y1 - y0) };
}

/** Draws `region` of the frame (image or a plain background) scaled into the canvas, then the boxes. */
export function drawRegion(c: HTMLCanvasElement, image: ImageBitmap | undefined, region: Region, boxes: readonly DrawBox[], background: string): void {
  const dpr = window.devicePixelRatio || 1;
  const cw = c.clientWidth;
  const ch = c.clientHeight;
  if (cw === 0 || ch === 0) return;
  c.width = Math.round(cw * dpr);
  c.height = Math.round(ch * dpr);
  const g = c.getContext('2d')!;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.fillStyle = background;
  g.fillRect(0, 0, cw, ch);
  const s = Math.min(cw / region.w, ch / region.h);
  const ox = (cw - region.w * s) / 2;
  const oy = (ch - region.h * s) / 2;
  if (image) g.drawImage(image, region.x, region.y, region.w, region.h, ox, oy, region.w * s, region.h * s);
  g.save();
  g.beginPath();
  g.rect(ox, oy, region.w * s, region.h * s);
  g.clip();
  g.font = '11px system-ui, sans-serif';
  const order = { context: 0, predicted: 1, gt: 2 } as const;
  for (const b of [...boxes].sort((p, q) => order[p.style] - order[q.style])) {
    const x = ox + (b.x - region.x) * s;
    const y = oy + (b.y - region.y) * s;
    g.strokeStyle = b.color;
    g.lineWidth = b.style === 'context' ? 1 : 2;
    g.globalAlpha = b.style === 'context' ? 0.5 : 1;
    g.setLineDash(b.style === 'predicted' ? [6, 4] : []);
    g.strokeRect(x, y, b.w * s, b.h * s);
    if (b.style !== 'context' && b.label) {
      const tw = g.measureText(b.label).width + 6;
      const ly = b.style === 'gt' ? y - 14 : y + b.h * s;
      g.globalAlpha = 0.85;
      g.fillStyle = b.color;
      g.fillRect(x, ly, tw, 14);
      g.globalAlpha = 1;
      g.fillStyle = '#000';
      g.fillText(b.label, x + 3, ly + 11);
    }
  }
  g.restore();
}
