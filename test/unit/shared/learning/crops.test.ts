// Crop resampling (hand-checked area averages and bilinear samples), black outside the image, and the
// property the training/inference split rests on: a margin crop's centre window is the plain crop.
import { describe, expect, it } from 'vitest';
import { cropResizeRgb, marginCrops, marginCropSize, reidCrops, type RgbPixels } from '../../../../src-shared/learning/crops';
import { mulberry32 } from '../../../../src-shared/util/random';

/** An image whose red channel is `red(x, y)`, green 0, blue 255. */
function image(width: number, height: number, red: (x: number, y: number) => number): RgbPixels {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set([red(x, y), 0, 255], (y * width + x) * 3);
  return { width, height, data };
}
const reds = (out: Uint8Array): number[] => Array.from({ length: out.length / 3 }, (_, i) => out[3 * i]!);

describe('cropResizeRgb', () => {
  it('averages areas when shrinking', () => {
    // 4×4, red = 10·x + 40·y; each output pixel averages a 2×2 block: (0+10+40+50)/4 = 25, 45, 105, 125.
    const out = new Uint8Array(2 * 2 * 3);
    cropResizeRgb(image(4, 4, (x, y) => 10 * x + 40 * y), 0, 0, 4, 4, 2, 2, 0, 0, out, 0);
    expect(reds(out)).toEqual([25, 45, 105, 125]);
    expect(out[2]).toBe(255);
  });

  it('samples bilinearly when enlarging, repeating edge pixels inside the image', () => {
    // 2×1 image red 0 | 200 to a 4×1 crop: cell centres at x = −0.25, 0.25, 0.75, 1.25 → 0, 50, 150, 200.
    const out = new Uint8Array(4 * 3);
    cropResizeRgb(image(2, 1, (x) => 200 * x), 0, 0, 2, 1, 1, 4, 0, 0, out, 0);
    expect(reds(out)).toEqual([0, 50, 150, 200]);
  });

  it('leaves the part of a box outside the image black instead of stretching the inside', () => {
    // Box [−2, 0, 2, 4] on a constant 4×4 image → 2×2: the left column covers x ∈ [−2, 0).
    const out = new Uint8Array(2 * 2 * 3);
    cropResizeRgb(image(4, 4, () => 200), -2, 0, 2, 4, 2, 2, 0, 0, out, 0);
    expect(reds(out)).toEqual([0, 200, 0, 200]);
  });

  it('gives, in the centre of a margin crop, exactly the plain crop inference uses', () => {
    const u = mulberry32(3);
    const img = image(97, 61, () => Math.floor(256 * u()));
    const tlbr = [3.3, 2.1, 40.7, 58.2, -5, 10, 20.5, 70, 60, 5, 61.5, 9];
    const m = marginCropSize(16, 8);
    expect(m).toEqual({ height: 20, width: 10, padY: 2, padX: 1 });
    const margin = marginCrops(img, tlbr, 3, 16, 8);
    const plain = reidCrops(img, tlbr, 3, 16, 8);
    for (let i = 0; i < 3; i++) {
      for (let y = 0; y < 16; y++) {
        for (let x = 0; x < 8; x++) {
          for (let c = 0; c < 3; c++) {
            const a = margin[i * 20 * 10 * 3 + ((y + 2) * 10 + x + 1) * 3 + c]! / 255;
            expect(plain[i * 16 * 8 * 3 + (y * 8 + x) * 3 + c]).toBe(Math.fround(a));
          }
        }
      }
    }
  });
});
