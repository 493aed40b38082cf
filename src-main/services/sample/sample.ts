// The sample project: a seeded synthetic MOTChallenge sequence (frames, GT, noisy detections) written
// as a real MOT folder and imported, so a first start opens something real and tests have images with
// exact truth. Same seed, same bytes (frames, gt.txt, det.txt).
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allocTable, type MotTable } from '../../../src-shared/formats/motTable';
import { makeSeqInfo, writeSeqInfo } from '../../../src-shared/formats/seqinfo';
import { writeMotBytes } from '../../../src-shared/formats/writeMotText';
import { fail } from '../../../src-shared/ipc/result';
import type { ProjectSummary } from '../../../src-shared/ipc/schemas';
import { renderBackground, renderFrame } from '../../../src-shared/synth/render';
import { DEFAULT_SCENE, detectScene, simulateScene, type SceneOptions } from '../../../src-shared/synth/scene';
import { encodeJpeg } from '../../media/images';
import { importMotFolder } from '../imports/importMot';
import type { ProjectsService } from '../projects';

/** The sample sequence's name. */
export const SAMPLE_SEQUENCE = 'synthetic-walkers';

/** Writes a synthetic MOTChallenge sequence folder; returns its GT and detection row counts. */
export async function writeSyntheticSequence(
  dir: string,
  o: Partial<SceneOptions> & { name?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ gtRows: number; detRows: number }> {
  const opts: SceneOptions = { ...DEFAULT_SCENE, ...o };
  const name = o.name ?? SAMPLE_SEQUENCE;
  if (existsSync(dir)) fail('conflict', `${dir} already exists`);
  const scene = simulateScene(opts);
  const dets = detectScene(scene, opts.seed);
  const staging = `${dir}.tw-partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'img1'), { recursive: true });
  mkdirSync(join(staging, 'gt'));
  mkdirSync(join(staging, 'det'));
  try {
    const bg = renderBackground(opts.width, opts.height);
    for (let f = 1; f <= opts.frames; f++) {
      writeFileSync(join(staging, 'img1', `${String(f).padStart(6, '0')}.jpg`), await encodeJpeg(renderFrame(scene, f, bg), 85));
      o.onProgress?.(f, opts.frames);
    }
    const gtRows = scene.frames.reduce((n, figs) => n + figs.length, 0);
    const gt = allocTable('gt', 9, gtRows);
    scene.frames.forEach((figs, i) => {
      for (const fig of [...figs].sort((a, b) => a.id - b.id)) {
        const r = gt.count++;
        gt.frame[r] = i + 1;
        gt.id[r] = fig.id;
        gt.x[r] = fig.x;
        gt.y[r] = fig.y;
        gt.w[r] = fig.w;
        gt.h[r] = fig.h;
        gt.conf[r] = 1;
        gt.c8[r] = 1;
        gt.c9[r] = fig.visibility;
      }
    });
    const det = allocTable('det', 10, dets.length);
    for (const d of dets) {
      const r = det.count++;
      det.frame[r] = d.frame;
      det.id[r] = -1;
      det.x[r] = d.x;
      det.y[r] = d.y;
      det.w[r] = d.w;
      det.h[r] = d.h;
      det.conf[r] = d.score;
    }
    writeFileSync(join(staging, 'gt', 'gt.txt'), writeMotBytes(gt as MotTable));
    writeFileSync(join(staging, 'det', 'det.txt'), writeMotBytes(det as MotTable));
    writeFileSync(
      join(staging, 'seqinfo.ini'),
      writeSeqInfo(makeSeqInfo({ name, imDir: 'img1', frameRate: opts.fps, seqLength: opts.frames, imWidth: opts.width, imHeight: opts.height, imExt: '.jpg' })),
    );
    mkdirSync(join(dir, '..'), { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    return { gtRows: gt.count, detRows: det.count };
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}

/** Creates the "Sample (synthetic walkers)" project in `dir` with its sequence imported. */
export async function createSampleProject(projects: ProjectsService, dir: string, o: Partial<SceneOptions> = {}): Promise<ProjectSummary> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'Sample-synthetic-walkers.tw.sqlite');
  if (existsSync(file)) fail('conflict', `${file} already exists; open it, or forget and delete it first`);
  // Frames first (seconds of rendering), then the project: it appears in the list complete.
  const seqDir = join(dir, 'Sample-synthetic-walkers.media', SAMPLE_SEQUENCE);
  rmSync(seqDir, { recursive: true, force: true });
  await writeSyntheticSequence(seqDir, o);
  let summary: ProjectSummary | undefined;
  try {
    summary = projects.create({ name: 'Sample (synthetic walkers)', directory: dir }, { silent: true });
    await importMotFolder(projects.store(summary.path), seqDir);
    projects.announce('sample');
    return summary;
  } catch (e) {
    if (summary) {
      projects.forget({ path: summary.path });
      for (const suffix of ['', '-wal', '-shm']) rmSync(summary.path + suffix, { force: true });
    }
    rmSync(seqDir, { recursive: true, force: true });
    throw e;
  }
}
