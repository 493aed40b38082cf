// Box crops for the ReID CNN, in plain TypeScript so that training (the data pipeline) and inference
// (trackers, ablations) cut exactly the same pixels on every platform: area averaging when shrinking
// (no aliasing on large boxes), bilinear when enlarging, black outside the image (a box reaching out of
// the frame keeps its aspect and alignment instead of being stretched). Training stores crops with a
// margin around the box (CROP_MARGIN) so augmentation can shift and wiggle boxes without re-decoding;
// the margin crop's centre window is, pixel for pixel, the plain crop inference uses.

/** An 8-bit RGB image, row-major. */
export interface RgbPixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Margin around each stored training crop, as a fraction of the box on each side. */
export const CROP_MARGIN = 0.125;

/** Size of a stored (margin) crop for a model input of `height`×`width`, and the margin in pixels. */
export function marginCropSize(height: number, width: number, margin = CROP_MARGIN): { height: number; width: number; padY: number; padX: number } {
  const padY = Math.round(margin * height);
  const padX = Math.round(margin * width);
  return { height: height + 2 * padY, width: width + 2 * padX, padY, padX };
}

/** Resampling taps along one axis: output cell k reads src[index[t]]·weight[t] for t in [start[k], start[k+1]). */
interface Taps {
  readonly start: Int32Array;
  readonly index: Int32Array;
  readonly weight: Float64Array;
}

/**
 * Taps for `n` output cells covering source [lo, lo + n·scale) where cell k starts at lo + (k − pad)·scale
 * measured from the box origin `origin` (so margin crops and plain crops share one sampling grid).
 */
function axisTaps(origin: number, scale: number, n: number, pad: number, size: number): Taps {
  const start = new Int32Array(n + 1);
  const index: number[] = [];
  const weight: number[] = [];
  for (let k = 0; k < n; k++) {
    start[k] = index.length;
    const a = origin + (k - pad) * scale;
    if (scale >= 1) {
      // Area average of the footprint [a, a + scale).
      const b = a + scale;
      for (let s = Math.floor(a); s < Math.ceil(b); s++) {
        const w = Math.min(b, s + 1) - Math.max(a, s);
        if (w > 0 && s >= 0 && s < size) {
          index.push(s);
          weight.push(w / scale);
        }
      }
    } else {
      // Bilinear at the cell centre (pixel centres at s + 0.5).
      // Bilinear at the cell centre (pixel centres at s + 0.5); black only where the centre itself
      // lies outside the image, edge pixels repeated within half a pixel of the border.
      const c = a + scale / 2 - 0.5;
      if (c >= -0.5 && c <= size - 0.5) {
        const s0 = Math.floor(c);
        const f = c - s0;
        const lo = Math.min(size - 1, Math.max(0, s0));
        const hi = Math.min(size - 1, Math.max(0, s0 + 1));
        if (lo === hi || f === 0) {
          index.push(f === 0 ? lo : hi);
          weight.push(1);
        } else {
          index.push(lo, hi);
          weight.push(1 - f, f);
        }
      }
    }
  }
  start[n] = index.length;
  return { start, index: Int32Array.from(index), weight: Float64Array.from(weight) };
}

/**
 * Crops the box (x1, y1, x2, y2) into `outH`×`outW` RGB bytes at `out[at…]`, the box filling rows
 * [padY, outH − padY) and columns [padX, outW − padX); the margin shows the surroundings.
 */
export function cropResizeRgb(img: RgbPixels, x1: number, y1: number, x2: number, y2: number, outH: number, outW: number, padY: number, padX: number, out: Uint8Array, at: number): void {
  const sy = Math.max(y2 - y1, 1e-6) / (outH - 2 * padY);
  const sx = Math.max(x2 - x1, 1e-6) / (outW - 2 * padX);
  const ty = axisTaps(y1, sy, outH, padY, img.height);
  const tx = axisTaps(x1, sx, outW, padX, img.width);
  // Separable: rows first into a strip of the touched source columns, then columns.
  let c0 = img.width;
  let c1 = -1;
  for (let t = 0; t < tx.index.length; t++) {
    c0 = Math.min(c0, tx.index[t]!);
    c1 = Math.max(c1, tx.index[t]!);
  }
  out.fill(0, at, at + outH * outW * 3);
  if (c1 < c0) return;
  const stripW = c1 - c0 + 1;
  const strip = new Float64Array(outH * stripW * 3);
  const src = img.data;
  const rowBytes = img.width * 3;
  for (let k = 0; k < outH; k++) {
    const base = k * stripW * 3;
    for (let t = ty.start[k]!; t < ty.start[k + 1]!; t++) {
      const w = ty.weight[t]!;
      let s = ty.index[t]! * rowBytes + c0 * 3;
      for (let q = base; q < base + stripW * 3; q++) strip[q] = strip[q]! + w * src[s++]!;
    }
  }
  for (let k = 0; k < outH; k++) {
    const rowBase = k * stripW * 3;
    for (let j = 0; j < outW; j++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let t = tx.start[j]!; t < tx.start[j + 1]!; t++) {
        const w = tx.weight[t]!;
        const s = rowBase + (tx.index[t]! - c0) * 3;
        r += w * strip[s]!;
        g += w * strip[s + 1]!;
        b += w * strip[s + 2]!;
      }
      const o = at + (k * outW + j) * 3;
      out[o] = Math.min(255, Math.max(0, Math.round(r)));
      out[o + 1] = Math.min(255, Math.max(0, Math.round(g)));
      out[o + 2] = Math.min(255, Math.max(0, Math.round(b)));
    }
  }
}

/** Stored training crops (box plus margin) of `count` xyxy boxes, one after the other. */
export function marginCrops(img: RgbPixels, boxesXyxy: ArrayLike<number>, count: number, height: number, width: number): Uint8Array {
  const m = marginCropSize(height, width);
  const per = m.height * m.width * 3;
  const out = new Uint8Array(count * per);
  for (let i = 0; i < count; i++) {
    cropResizeRgb(img, boxesXyxy[4 * i]!, boxesXyxy[4 * i + 1]!, boxesXyxy[4 * i + 2]!, boxesXyxy[4 * i + 3]!, m.height, m.width, m.padY, m.padX, out, i * per);
  }
  return out;
}

/**
 * Model input for inference: `count` tlbr boxes as NHWC RGB in [0, 1] (count × height × width × 3),
 * the same pixels as the centre of the training crops (through the same 8-bit rounding).
 */
export function reidCrops(img: RgbPixels, tlbr: ArrayLike<number>, count: number, height: number, width: number): Float32Array {
  const per = height * width * 3;
  const bytes = new Uint8Array(count * per);
  for (let i = 0; i < count; i++) cropResizeRgb(img, tlbr[4 * i]!, tlbr[4 * i + 1]!, tlbr[4 * i + 2]!, tlbr[4 * i + 3]!, height, width, 0, 0, bytes, i * per);
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]! / 255;
  return out;
}
