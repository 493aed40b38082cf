// The built-in "no training" appearance descriptor: colour histograms of a crop (Swain & Ballard
// 1991), one per horizontal stripe so the upper and lower body are described separately (the
// part-based idea of person re-identification), concatenated and L2-normalised. Pure: pixels in,
// Float32Array out. Any learned embedding can replace it in the appearance tracker.

/** Options of the descriptor. */
export interface ColorHistogramOptions {
  /** 'hsv' (hue, saturation, value; robust to brightness) or 'rgb'. */
  readonly space: 'hsv' | 'rgb';
  /** Bins per channel. */
  readonly bins: number;
  /** Horizontal stripes, top to bottom. */
  readonly stripes: number;
}

/** 8 HSV bins per channel over 2 stripes: a 48-value descriptor. */
export const COLOR_HISTOGRAM_DEFAULTS: ColorHistogramOptions = { space: 'hsv', bins: 8, stripes: 2 };

/** Descriptor length for the options. */
export function colorHistogramDim(o: ColorHistogramOptions = COLOR_HISTOGRAM_DEFAULTS): number {
  return o.stripes * 3 * o.bins;
}

/** r, g, b in 0..255 -> h, s, v in [0, 1) (h as a fraction of the colour wheel). */
function rgbToHsv(r: number, g: number, b: number, out: Float64Array): void {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  let h = 0;
  if (d > 0) {
    if (max === r) h = ((g - b) / d + 6) % 6;
    else if (max === g) h = (b - r) / d + 2;
    else h = (r - g) / d + 4;
  }
  out[0] = h / 6;
  out[1] = max === 0 ? 0 : d / max;
  out[2] = max / 255;
}

/**
 * The descriptor of a crop: `pixels` holds width × height pixels of `channels` (3 = RGB, 4 = RGBA,
 * alpha ignored) bytes each, row by row. An empty crop gives a zero vector.
 */
export function colorHistogram(pixels: ArrayLike<number>, width: number, height: number, channels: 3 | 4, o: ColorHistogramOptions = COLOR_HISTOGRAM_DEFAULTS): Float32Array {
  const { bins, stripes } = o;
  const out = new Float32Array(colorHistogramDim(o));
  if (width <= 0 || height <= 0) return out;
  const c = new Float64Array(3);
  for (let y = 0; y < height; y++) {
    const stripe = Math.min(stripes - 1, Math.floor((y * stripes) / height));
    const base = stripe * 3 * bins;
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * channels;
      if (o.space === 'hsv') rgbToHsv(pixels[p]!, pixels[p + 1]!, pixels[p + 2]!, c);
      else for (let k = 0; k < 3; k++) c[k] = pixels[p + k]! / 256;
      for (let k = 0; k < 3; k++) out[base + k * bins + Math.min(bins - 1, Math.floor(c[k]! * bins))]!++;
    }
  }
  let s = 0;
  for (let i = 0; i < out.length; i++) s += out[i]! * out[i]!;
  const n = Math.sqrt(s);
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / n;
  return out;
}

/** Copies the pixels of box tlbr (clipped to the image, rounded outwards) out of a full image. */
export function cropPixels(image: ArrayLike<number>, imageWidth: number, imageHeight: number, channels: 3 | 4, tlbr: ArrayLike<number>, at = 0): { pixels: Uint8Array; width: number; height: number } {
  const x0 = Math.max(0, Math.floor(tlbr[at]!));
  const y0 = Math.max(0, Math.floor(tlbr[at + 1]!));
  const x1 = Math.min(imageWidth, Math.ceil(tlbr[at + 2]!));
  const y1 = Math.min(imageHeight, Math.ceil(tlbr[at + 3]!));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const pixels = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width * channels; x++) pixels[y * width * channels + x] = image[((y0 + y) * imageWidth + x0) * channels + x]!;
  }
  return { pixels, width, height };
}
