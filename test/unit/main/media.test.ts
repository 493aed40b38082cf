import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FrameCache } from '../../../src-main/media/frameCache';
import { cropBoxes, decodeRgb, encodeJpeg } from '../../../src-main/media/images';
import { tempDir } from '../../helpers/tmp';

describe('frame cache', () => {
  it('keeps the most recently used files within its byte budget and reads ahead', async () => {
    const d = tempDir();
    for (let i = 1; i <= 5; i++) writeFileSync(join(d, `${i}.bin`), Buffer.alloc(100, i));
    const cache = new FrameCache(250);
    expect((await cache.get(join(d, '1.bin')))[0]).toBe(1);
    await cache.get(join(d, '2.bin'));
    await cache.get(join(d, '1.bin')); // 1 is now the most recent
    await cache.get(join(d, '3.bin')); // evicts 2
    expect(cache.size).toBe(200);
    const misses = cache.misses;
    await cache.get(join(d, '1.bin'));
    expect(cache.misses).toBe(misses);
    await cache.get(join(d, '2.bin'));
    expect(cache.misses).toBe(misses + 1);
    cache.prefetch([join(d, '4.bin')]);
    await new Promise((r) => setTimeout(r, 50));
    const before = cache.misses;
    await cache.get(join(d, '4.bin'));
    expect(cache.misses).toBe(before);
    await expect(cache.get(join(d, 'missing.bin'))).rejects.toThrow(/ENOENT/);
  });
});

describe('crops', () => {
  it('cuts boxes out of a frame, clamps them to it, and resizes to the requested size', async () => {
    // A 100×50 image: left half red, right half blue.
    const data = new Uint8Array(100 * 50 * 3);
    for (let y = 0; y < 50; y++) for (let x = 0; x < 100; x++) data.set(x < 50 ? [200, 0, 0] : [0, 0, 200], (y * 100 + x) * 3);
    const img = await decodeRgb(await encodeJpeg({ width: 100, height: 50, data }, 95));
    const out = await cropBoxes(img, [{ x: 5, y: 5, w: 30, h: 40 }, { x: 70, y: -10, w: 50, h: 30 }, { x: 500, y: 5, w: 10, h: 10 }], 8, 16);
    expect(out.length).toBe(3 * 8 * 16 * 3);
    const px = (crop: number, i: number) => Array.from(out.subarray((crop * 8 * 16 + i) * 3, (crop * 8 * 16 + i) * 3 + 3));
    expect(px(0, 60)[0]!).toBeGreaterThan(150); // red
    expect(px(1, 60)[2]!).toBeGreaterThan(150); // blue, though the box reaches outside
    expect(px(2, 60)).toEqual([0, 0, 0]); // entirely outside: black
  });
});
