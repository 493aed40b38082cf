// Large synthetic MOTChallenge sequence folders for crash and speed tests (values on a 0.01 grid).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allocTable, type MotTable } from '../../src-shared/formats/motTable';
import { makeSeqInfo, writeSeqInfo } from '../../src-shared/formats/seqinfo';
import { writeMotBytes } from '../../src-shared/formats/writeMotText';
import { Random } from '../../src-shared/util/random';

/** A GT table of `rows` rows, `perFrame` objects per frame, with seeded jittering boxes. */
export function bigGt(rows: number, perFrame = 64, seed = 1): MotTable {
  const r = new Random(seed);
  const t = allocTable('gt', 9, rows);
  for (let i = 0; i < rows; i++) {
    t.frame[i] = 1 + Math.floor(i / perFrame);
    t.id[i] = 1 + (i % perFrame);
    t.x[i] = Math.round(r.between(0, 1800) * 100) / 100;
    t.y[i] = Math.round(r.between(0, 800) * 100) / 100;
    t.w[i] = Math.round(r.between(20, 120) * 100) / 100;
    t.h[i] = Math.round(r.between(50, 300) * 100) / 100;
    t.conf[i] = 1;
    t.c8[i] = 1;
    t.c9[i] = Math.round(r.uniform() * 1000) / 1000;
    t.count++;
  }
  return t;
}

/** Writes `<dir>/seqinfo.ini` and `<dir>/gt/gt.txt` for a big GT; returns the gt path. */
export function writeBigSequence(dir: string, rows: number, perFrame = 64): string {
  const frames = Math.ceil(rows / perFrame);
  mkdirSync(join(dir, 'gt'), { recursive: true });
  writeFileSync(join(dir, 'seqinfo.ini'), writeSeqInfo(makeSeqInfo({ name: 'BIG', imDir: 'img1', frameRate: 30, seqLength: frames, imWidth: 1920, imHeight: 1080, imExt: '.jpg' })));
  const gt = join(dir, 'gt', 'gt.txt');
  writeFileSync(gt, writeMotBytes(bigGt(rows, perFrame)));
  return gt;
}
