// Training augmentation (METHODS.md §6.2-3: identical for every arm): horizontal flip, colour jitter,
// small shifts of detection crops, and for GT boxes used as detections the §2.7 "wiggle" of each box
// side (IoU with the original ≥ 0.8). Every draw is a pure function of (augmentSeed, crop row), so a
// resumed run sees the same pixels as the uninterrupted one. Works on the stored margin crops
// (crops.ts), so no frame is decoded again.
import { mulberry32 } from '../util/random';
import { marginCropSize } from './crops';

/** Augmentation settings; identical across the arms of an ablation. */
export interface AugmentOptions {
  /** Probability of a horizontal flip. */
  readonly flip: number;
  /** Brightness, contrast and saturation factors are drawn from [1 − x, 1 + x] (torchvision ColorJitter). */
  readonly brightness: number;
  readonly contrast: number;
  readonly saturation: number;
  /** Detection crops: shift by up to this fraction of the box, each axis (must fit the stored margin). */
  readonly shift: number;
  /** GT boxes as detections: wiggle each side by ε·h or ε·w, ε ~ U(−εmax, εmax) (§2.7). */
  readonly gtWiggle: boolean;
}

/** Defaults: flip 0.5, jitter 0.2 each, shifts ≤ 6 % of the box, GT wiggle on. */
export const DEFAULT_AUGMENT: AugmentOptions = { flip: 0.5, brightness: 0.2, contrast: 0.2, saturation: 0.2, shift: 0.06, gtWiggle: true };

/** §2.7: εmax = min((1 − √0.8)/2, (1/√0.8 − 1)/2) keeps IoU(wiggled, original) ≥ 0.8. */
export const WIGGLE_MAX = Math.min((1 - Math.sqrt(0.8)) / 2, (1 / Math.sqrt(0.8) - 1) / 2);

/** Mixes a seed and a counter into an independent 32-bit stream seed (splitmix32 finaliser). */
export function streamSeed(seed: number, counter: number): number {
  let h = (seed ^ Math.imul(counter + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad);
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
  return (h ^ (h >>> 15)) >>> 0;
}

/** What one crop gets: a source window of the margin crop, a flip and colour factors. */
export interface CropAugment {
  /** Window in margin-crop pixels (top, left, height, width); the centre window = no change. */
  readonly top: number;
  readonly left: number;
  readonly height: number;
  readonly width: number;
  readonly flip: boolean;
  readonly brightness: number;
  readonly contrast: number;
  readonly saturation: number;
  /** Side offsets of a wiggled GT box as fractions of its height/width (x1, y1, x2, y2); zeros otherwise. */
  readonly wiggle: readonly [number, number, number, number];
}

/** The identity augmentation: the centre window (what validation and inference see). */
export function centreAugment(cropHeight: number, cropWidth: number): CropAugment {
  const m = marginCropSize(cropHeight, cropWidth);
  return { top: m.padY, left: m.padX, height: cropHeight, width: cropWidth, flip: false, brightness: 1, contrast: 1, saturation: 1, wiggle: [0, 0, 0, 0] };
}

/** Draws the augmentation of crop `row` of a clip from (augmentSeed, row). */
export function drawAugment(o: AugmentOptions, augmentSeed: number, row: number, cropHeight: number, cropWidth: number, isGtBox: boolean): CropAugment {
  const u = mulberry32(streamSeed(augmentSeed, row));
  const between = (x: number): number => 1 - x + 2 * x * u();
  const m = marginCropSize(cropHeight, cropWidth);
  const flip = u() < o.flip;
  const brightness = between(o.brightness);
  const contrast = between(o.contrast);
  const saturation = between(o.saturation);
  if (isGtBox && o.gtWiggle) {
    // Each side moves by ε times the box size; the window follows (margin pixels per box pixel = crop/box).
    const e = [0, 0, 0, 0].map(() => (2 * u() - 1) * WIGGLE_MAX) as [number, number, number, number];
    const top = m.padY + e[1] * cropHeight;
    const left = m.padX + e[0] * cropWidth;
    return { top, left, height: cropHeight * (1 + e[3] - e[1]), width: cropWidth * (1 + e[2] - e[0]), flip, brightness, contrast, saturation, wiggle: e };
  }
  // Whole-pixel shifts: the window is a plain copy, no resampling blur.
  const dy = Math.round((2 * u() - 1) * Math.min(o.shift * cropHeight, m.padY));
  const dx = Math.round((2 * u() - 1) * Math.min(o.shift * cropWidth, m.padX));
  return { top: m.padY + dy, left: m.padX + dx, height: cropHeight, width: cropWidth, flip, brightness, contrast, saturation, wiggle: [0, 0, 0, 0] };
}

/**
 * Renders one model-input crop (NHWC floats in [0, 1]) from a stored margin crop `src[at…]` through
 * `a`: bilinear sampling of the window (a plain copy for whole-pixel windows of the input size), flip,
 * then brightness, contrast (around the crop's mean grey) and saturation, clamped to [0, 1].
 */
export function renderCrop(src: Uint8Array, at: number, a: CropAugment, cropHeight: number, cropWidth: number, out: Float32Array, outAt: number): void {
  const m = marginCropSize(cropHeight, cropWidth);
  const sy = a.height / cropHeight;
  const sx = a.width / cropWidth;
  const px = (y: number, x: number, c: number): number => src[at + (Math.min(m.height - 1, Math.max(0, y)) * m.width + Math.min(m.width - 1, Math.max(0, x))) * 3 + c]!;
  const n = cropHeight * cropWidth;
  for (let i = 0; i < cropHeight; i++) {
    const y = a.top + (i + 0.5) * sy - 0.5;
    const y0 = Math.floor(y);
    const fy = y - y0;
    for (let j = 0; j < cropWidth; j++) {
      const x = a.left + (j + 0.5) * sx - 0.5;
      const x0 = Math.floor(x);
      const fx = x - x0;
      const o = outAt + (i * cropWidth + (a.flip ? cropWidth - 1 - j : j)) * 3;
      for (let c = 0; c < 3; c++) {
        const v =
          fy === 0 && fx === 0
            ? px(y0, x0, c)
            : (1 - fy) * ((1 - fx) * px(y0, x0, c) + fx * px(y0, x0 + 1, c)) + fy * ((1 - fx) * px(y0 + 1, x0, c) + fx * px(y0 + 1, x0 + 1, c));
        out[o + c] = v / 255;
      }
    }
  }
  if (a.brightness === 1 && a.contrast === 1 && a.saturation === 1) return;
  let mean = 0;
  for (let k = 0; k < n; k++) mean += 0.299 * out[outAt + 3 * k]! + 0.587 * out[outAt + 3 * k + 1]! + 0.114 * out[outAt + 3 * k + 2]!;
  mean = (mean / n) * a.brightness;
  for (let k = 0; k < n; k++) {
    const o = outAt + 3 * k;
    const r = out[o]! * a.brightness;
    const g = out[o + 1]! * a.brightness;
    const b = out[o + 2]! * a.brightness;
    const cr = (r - mean) * a.contrast + mean;
    const cg = (g - mean) * a.contrast + mean;
    const cb = (b - mean) * a.contrast + mean;
    const grey = 0.299 * cr + 0.587 * cg + 0.114 * cb;
    out[o] = Math.min(1, Math.max(0, grey + (cr - grey) * a.saturation));
    out[o + 1] = Math.min(1, Math.max(0, grey + (cg - grey) * a.saturation));
    out[o + 2] = Math.min(1, Math.max(0, grey + (cb - grey) * a.saturation));
  }
}

/** A GT box after the wiggle of `a` (xyxy), written to `out[4·i…]`; returns its IoU with the original. */
export function wiggleBox(box: ArrayLike<number>, i: number, a: CropAugment, out: Float32Array): number {
  const [x1, y1, x2, y2] = [box[4 * i]!, box[4 * i + 1]!, box[4 * i + 2]!, box[4 * i + 3]!];
  const w = x2 - x1;
  const h = y2 - y1;
  const n = [x1 + a.wiggle[0] * w, y1 + a.wiggle[1] * h, x2 + a.wiggle[2] * w, y2 + a.wiggle[3] * h];
  out.set(n, 4 * i);
  const iw = Math.min(x2, n[2]!) - Math.max(x1, n[0]!);
  const ih = Math.min(y2, n[3]!) - Math.max(y1, n[1]!);
  const inter = Math.max(0, iw) * Math.max(0, ih);
  return inter / Math.max(w * h + (n[2]! - n[0]!) * (n[3]! - n[1]!) - inter, 1e-9);
}
