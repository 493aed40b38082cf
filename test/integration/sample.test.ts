// The synthetic sample: same seed, same bytes; its GT is exact (figures are where the boxes say).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseMotText } from '../../src-shared/formats/parseMotText';
import { writeSyntheticSequence } from '../../src-main/services/sample/sample';
import { tempDir } from '../helpers/tmp';

const small = { frames: 40, width: 480, height: 270, figures: 10 } as const;

describe('synthetic sample sequence', () => {
  it('writes the same bytes for the same seed, and different bytes for another seed', async () => {
    const a = join(tempDir(), 'a');
    const b = join(tempDir(), 'b');
    const c = join(tempDir(), 'c');
    await writeSyntheticSequence(a, { ...small, seed: 3 });
    await writeSyntheticSequence(b, { ...small, seed: 3 });
    await writeSyntheticSequence(c, { ...small, seed: 4 });
    const files = (d: string) => ['seqinfo.ini', 'gt/gt.txt', 'det/det.txt', ...readdirSync(join(d, 'img1')).map((f) => `img1/${f}`)];
    expect(files(a)).toEqual(files(b));
    expect(files(a)).toHaveLength(3 + 40);
    for (const f of files(a)) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    expect(readFileSync(join(a, 'gt', 'gt.txt')).equals(readFileSync(join(c, 'gt', 'gt.txt')))).toBe(false);
  });

  it('has figures where the GT says, detections with misses and false positives, and occlusion', async () => {
    const d = join(tempDir(), 's');
    await writeSyntheticSequence(d, { ...small, seed: 11 });
    const gt = parseMotText(readFileSync(join(d, 'gt', 'gt.txt'), 'utf8'), { kind: 'gt', fileName: 'gt.txt', seqLength: 40 });
    const det = parseMotText(readFileSync(join(d, 'det', 'det.txt'), 'utf8'), { kind: 'det', fileName: 'det.txt', seqLength: 40 });
    expect(gt.errorCount + det.errorCount).toBe(0);
    expect(gt.table.count).toBeGreaterThan(100);
    expect(Array.from(gt.table.c9).some((v) => v < 0.5)).toBe(true); // some figures are mostly hidden
    expect(det.table.count).not.toBe(gt.table.count);
    // At the shirt of each fully visible GT box, the pixel differs from the empty background at that
    // place (the figure is drawn there): compare every frame with the scene's background.
    const { renderBackground } = await import('../../src-shared/synth/render');
    const bg = renderBackground(small.width, small.height);
    let checked = 0;
    for (let i = 0; i < gt.table.count; i++) {
      if (gt.table.c9[i]! < 1) continue;
      const img = await sharp(join(d, 'img1', `${String(gt.table.frame[i]).padStart(6, '0')}.jpg`)).raw().toBuffer({ resolveWithObject: true });
      const cx = Math.round(gt.table.x[i]! + gt.table.w[i]! / 2);
      const cy = Math.round(gt.table.y[i]! + gt.table.h[i]! * 0.35); // on the shirt
      if (cx < 0 || cy < 0 || cx >= small.width || cy >= small.height) continue;
      const o = (cy * small.width + cx) * 3;
      const diff = Math.abs(img.data[o]! - bg[o]!) + Math.abs(img.data[o + 1]! - bg[o + 1]!) + Math.abs(img.data[o + 2]! - bg[o + 2]!);
      expect(diff, `figure ${gt.table.id[i]} at (${cx}, ${cy})`).toBeGreaterThan(30);
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });
});
