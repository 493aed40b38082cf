// A pure red crop puts all its pixels in hue bin 0, saturation bin 7 and value bin 7 of each of the
// two stripes: 6 equal non-zero entries, each 1/sqrt(6) after L2 normalisation.
import { describe, expect, it } from 'vitest';
import { cosineDistance } from '../../../../src-shared/tracking/costs';
import { colorHistogram, colorHistogramDim, cropPixels } from '../../../../src-shared/tracking/colorHistogram';

const solid = (w: number, h: number, rgb: readonly number[], channels: 3 | 4 = 3): Uint8Array =>
  Uint8Array.from({ length: w * h * channels }, (_, k) => (k % channels < 3 ? rgb[k % channels]! : 255));

describe('colorHistogram', () => {
  it('is 48 values (2 stripes x 3 channels x 8 bins), L2-normalised', () => {
    const v = colorHistogram(solid(4, 6, [255, 0, 0]), 4, 6, 3);
    expect(v.length).toBe(colorHistogramDim());
    const nz = Array.from(v.entries()).filter(([, x]) => x > 0);
    expect(nz.map(([i]) => i)).toEqual([0, 15, 23, 24, 39, 47]);
    for (const [, x] of nz) expect(x).toBeCloseTo(1 / Math.sqrt(6), 6);
  });

  it('ignores alpha and separates colours', () => {
    const red = colorHistogram(solid(5, 5, [250, 10, 10], 4), 5, 5, 4);
    const red2 = colorHistogram(solid(3, 7, [240, 20, 15]), 3, 7, 3);
    const blue = colorHistogram(solid(5, 5, [10, 10, 250]), 5, 5, 3);
    const d = cosineDistance(Float32Array.from([...red, ...red2]), 2, blue, 1, 48);
    expect(cosineDistance(red, 1, red2, 1, 48)[0]).toBeLessThan(0.05);
    expect(d[0]).toBeGreaterThan(0.3);
  });

  it('crops boxes clipped to the image', () => {
    const img = Uint8Array.from({ length: 4 * 3 * 3 }, (_, k) => k);
    const c = cropPixels(img, 4, 3, 3, [2.5, -1, 10, 1.2]);
    expect([c.width, c.height]).toEqual([2, 2]);
    expect(Array.from(c.pixels)).toEqual([6, 7, 8, 9, 10, 11, 18, 19, 20, 21, 22, 23]);
  });
});
