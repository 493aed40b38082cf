// Augmentation is a pure function of (augmentSeed, crop row) — the resume guarantee — and stays within
// its bounds: the centre window is the identity, flips mirror, GT wiggles keep IoU ≥ 0.8 (§2.7).
import { describe, expect, it } from 'vitest';
import { centreAugment, DEFAULT_AUGMENT, drawAugment, renderCrop, WIGGLE_MAX, wiggleBox } from '../../../../src-shared/learning/augment';
import { marginCropSize } from '../../../../src-shared/learning/crops';
import { mulberry32 } from '../../../../src-shared/util/random';

const H = 16;
const W = 8;
const m = marginCropSize(H, W);
const u = mulberry32(11);
const stored = Uint8Array.from({ length: m.height * m.width * 3 }, () => Math.floor(256 * u()));
const render = (a: ReturnType<typeof centreAugment>): Float32Array => {
  const out = new Float32Array(H * W * 3);
  renderCrop(stored, 0, a, H, W, out, 0);
  return out;
};

describe('augmentation', () => {
  it('draws the same augmentation for the same seed and row, and others otherwise', () => {
    const a = drawAugment(DEFAULT_AUGMENT, 1234, 5, H, W, false);
    expect(drawAugment(DEFAULT_AUGMENT, 1234, 5, H, W, false)).toEqual(a);
    expect(Array.from(render(a))).toEqual(Array.from(render(drawAugment(DEFAULT_AUGMENT, 1234, 5, H, W, false))));
    const others = [drawAugment(DEFAULT_AUGMENT, 1234, 6, H, W, false), drawAugment(DEFAULT_AUGMENT, 1235, 5, H, W, false)];
    for (const b of others) expect(b).not.toEqual(a);
  });

  it('renders the centre window unchanged (validation, inference) and flips mirror it', () => {
    const c = render(centreAugment(H, W));
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (let k = 0; k < 3; k++) {
      expect(c[(y * W + x) * 3 + k]).toBe(Math.fround(stored[((y + m.padY) * m.width + x + m.padX) * 3 + k]! / 255));
    }
    const f = render({ ...centreAugment(H, W), flip: true });
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) expect(f[(y * W + x) * 3]).toBe(c[(y * W + (W - 1 - x)) * 3]);
  });

  it('shifts whole pixels within the margin and keeps values in [0, 1]', () => {
    for (let row = 0; row < 200; row++) {
      const a = drawAugment(DEFAULT_AUGMENT, 99, row, H, W, false);
      expect(Number.isInteger(a.top) && Number.isInteger(a.left)).toBe(true);
      expect(Math.abs(a.top - m.padY)).toBeLessThanOrEqual(Math.round(DEFAULT_AUGMENT.shift * H));
      expect(a.brightness).toBeGreaterThanOrEqual(0.8);
      expect(a.brightness).toBeLessThanOrEqual(1.2);
      const px = render(a);
      expect(Math.min(...px)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...px)).toBeLessThanOrEqual(1);
    }
  });

  it('wiggles GT boxes with IoU ≥ 0.8 to the original, and reports that IoU as quality', () => {
    expect(WIGGLE_MAX).toBeCloseTo(Math.min((1 - Math.sqrt(0.8)) / 2, (1 / Math.sqrt(0.8) - 1) / 2), 12);
    const box = Float32Array.of(100, 50, 140, 150);
    const out = new Float32Array(4);
    let lowest = 1;
    for (let row = 0; row < 500; row++) {
      const a = drawAugment(DEFAULT_AUGMENT, 7, row, H, W, true);
      for (const e of a.wiggle) expect(Math.abs(e)).toBeLessThanOrEqual(WIGGLE_MAX);
      lowest = Math.min(lowest, wiggleBox(box, 0, a, out));
      // The crop window moves with the box: its top edge by ε·(crop height) pixels.
      expect(a.top).toBeCloseTo(m.padY + a.wiggle[1] * H, 9);
      expect(out[1]).toBeCloseTo(50 + a.wiggle[1] * 100, 3);
    }
    expect(lowest).toBeGreaterThanOrEqual(0.8 - 1e-6);
    expect(lowest).toBeLessThan(0.95);
  });
});
