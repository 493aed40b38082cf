// File-level tracking on real frames: the appearance tracker reads MOT17-04 frames 1-8 (1920x1080
// JPEGs), describes every public FRCNN detection by its colour histogram and tracks them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../../../../../src-shared/ipc/result';
import { trackFile, trackFolder } from '../../../../../src-main/services/tracking/trackFiles';
import { tempDir } from '../../../../helpers/tmp';
import { SHARED_DATA } from '../../../../helpers/sharedData';

const MINI = join(SHARED_DATA, 'mot17_mini_images', 'MOT17-train');

describe('trackFile / trackFolder', () => {
  it('runs the appearance tracker on real frames with colour-histogram embeddings', async () => {
    const out = join(tempDir(), 'a.txt');
    const r = await trackFile({ tracker: 'appearance', detsPath: join(MINI, 'MOT17-04-FRCNN', 'det', 'det.txt'), official: true, params: {}, format: 'official', outPath: out });
    expect(r.sequence).toBe('MOT17-04-FRCNN');
    expect(r.frames).toBe(8);
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => l.split(',').map(Number));
    expect(rows.length).toBe(r.rows);
    for (let f = 1; f <= 8; f++) {
      const ids = rows.filter((x) => x[0] === f).map((x) => x[1]);
      expect(ids.length, `frame ${f}`).toBeGreaterThan(10);
      expect(new Set(ids).size).toBe(ids.length);
    }
    // Pedestrians walk slowly: most tracks of frame 2 are still there at frame 8.
    const at = (f: number) => new Set(rows.filter((x) => x[0] === f).map((x) => x[1]));
    const kept = [...at(2)].filter((id) => at(8).has(id)).length;
    expect(kept / at(2).size).toBeGreaterThan(0.7);
  }, 60_000);

  it('tracks every sequence of a folder and names outputs by sequence', async () => {
    const outDir = tempDir();
    const seen: string[] = [];
    const results = await trackFolder({ tracker: 'bytetrack', official: false, params: { trackThresh: 0.5 }, format: 'canonical', benchDir: MINI, detFile: 'det.txt', outDir, onSequence: (n) => seen.push(n) });
    expect(seen).toEqual(['MOT17-02-FRCNN', 'MOT17-04-FRCNN']);
    expect(results.map((r) => r.outPath)).toEqual([join(outDir, 'MOT17-02-FRCNN.txt'), join(outDir, 'MOT17-04-FRCNN.txt')]);
  });

  it('fails with an AppError when the appearance tracker has no frames', async () => {
    const dets = join(SHARED_DATA, 'mot17', 'MOT17-train', 'MOT17-04-SDP', 'det', 'det.txt');
    const p = trackFile({ tracker: 'appearance', detsPath: dets, official: false, params: {}, format: 'official', outPath: join(tempDir(), 'x.txt') });
    await expect(p).rejects.toBeInstanceOf(AppErrorException);
    await expect(p).rejects.toMatchObject({ appError: { code: 'not_found' } });
  });
});
