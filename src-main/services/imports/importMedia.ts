// Imports frames without annotations: a plain folder of images (natural order) or a video (decoded
// once to numbered JPEGs next to the project, so frame n is exactly the video's n-th frame).
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { makeSeqInfo } from '../../../src-shared/formats/seqinfo';
import type { ImportReport } from '../../../src-shared/ipc/schemas';
import { fail } from '../../../src-shared/ipc/result';
import { extractFrames, probeVideo } from '../../media/ffmpeg';
import { imageSize } from '../../media/images';
import type { ProjectStore } from '../../store/project/projectStore';
import { sequenceSummary } from '../sequences/summary';
import { listFrameImages } from './importMot';

/** Progress of a long import: frames done of total (total may be an estimate). */
export type ImportProgress = (done: number, total: number, message: string) => void;

function uniqueName(store: ProjectStore, wanted: string): string {
  if (!store.sequences.byName(wanted)) return wanted;
  for (let i = 2; ; i++) if (!store.sequences.byName(`${wanted}-${i}`)) return `${wanted}-${i}`;
}

function report(store: ProjectStore, id: number, started: number, warnings: string[]): ImportReport {
  return {
    sequences: [sequenceSummary(store, store.sequences.get(id)!)],
    sets: [],
    gtRows: 0,
    skipped: [],
    skippedCount: 0,
    warnings,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Imports a folder of images as a sequence, frames in natural order (frame1, frame2, ..., frame10). */
export async function importFrameFolder(store: ProjectStore, folder: string, o: { name?: string; fps?: number; nowMs?: number } = {}): Promise<ImportReport> {
  const started = performance.now();
  const dir = resolve(folder);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail('not_found', `${dir} is not a folder`);
  const frames = listFrameImages(dir).map((f, i) => ({ frame: i + 1, file: f.file }));
  if (frames.length === 0) fail('invalid_file', `${dir} has no image files (.jpg, .jpeg, .png, .bmp, .webp, .tif)`);
  let size: { width: number; height: number };
  try {
    size = await imageSize(join(dir, frames[0]!.file));
  } catch (e) {
    fail('invalid_file', `${join(dir, frames[0]!.file)}: ${(e as Error).message}`);
  }
  const name = o.name ?? uniqueName(store, basename(dir));
  if (store.sequences.byName(name)) fail('conflict', `The project already has a sequence named ${name}`);
  const fps = o.fps ?? 30;
  const info = makeSeqInfo({ name, imDir: basename(dir), frameRate: fps, seqLength: frames.length, imWidth: size.width, imHeight: size.height, imExt: extname(frames[0]!.file) });
  const id = store.transaction(() => {
    const id = store.sequences.insert({
      name,
      frameCount: frames.length,
      fps,
      width: size.width,
      height: size.height,
      sourceKind: 'frames',
      sourcePath: dir,
      framesDir: dir,
      seqinfo: info.entries.map(([k, v]) => [k, v]),
      benchmark: null,
      gtLayout: 'class-visibility',
      gtColumns: 9,
      createdMs: o.nowMs ?? Date.now(),
    });
    store.sequences.insertFrames(id, frames);
    return id;
  });
  return report(store, id, started, []);
}

/** Where a project keeps frames it decoded from videos: `<project>.media/<sequence>/`. */
export function mediaDirFor(projectPath: string, sequenceName: string): string {
  return join(dirname(projectPath), `${basename(projectPath).replace(/\.tw\.sqlite$/, '')}.media`, sequenceName.replace(/[^\p{L}\p{N}._-]+/gu, '-'));
}

/** Imports a video: decodes every frame (ffmpeg) to the project's media folder, then records the sequence. */
export async function importVideo(
  store: ProjectStore,
  file: string,
  o: { name?: string; nowMs?: number; onProgress?: ImportProgress; signal?: AbortSignal } = {},
): Promise<ImportReport> {
  const started = performance.now();
  const src = resolve(file);
  if (!existsSync(src) || !statSync(src).isFile()) fail('not_found', `${src} does not exist`);
  let probe;
  try {
    probe = await probeVideo(src);
  } catch (e) {
    const m = (e as Error).message;
    if (/ENOENT|spawn/.test(m)) fail('unsupported', 'ffprobe not found: install ffmpeg (e.g. apt-get install ffmpeg) or set TRACKWRIGHT_FFPROBE');
    fail('invalid_file', `${src}: ${m}`);
  }
  const name = o.name ?? uniqueName(store, basename(src, extname(src)));
  if (store.sequences.byName(name)) fail('conflict', `The project already has a sequence named ${name}`);
  const outDir = mediaDirFor(store.path, name);
  if (existsSync(outDir) && readdirSync(outDir).length > 0) fail('conflict', `${outDir} already exists and is not empty`);
  mkdirSync(outDir, { recursive: true });
  let decoded: { frames: number; ptsSeconds: number[] };
  try {
    decoded = await extractFrames(src, outDir, {
      ...(o.signal ? { signal: o.signal } : {}),
      onFrame: (n) => o.onProgress?.(n, probe.declaredFrames ?? n, `decoding frame ${n}`),
    });
    if (decoded.frames === 0) fail('invalid_file', `${src}: no frame could be decoded`);
  } catch (e) {
    rmSync(outDir, { recursive: true, force: true });
    if ((e as Error).message === 'cancelled') fail('cancelled', `Import of ${src} cancelled`);
    throw e;
  }
  const frames = Array.from({ length: decoded.frames }, (_, i) => ({ frame: i + 1, file: `${String(i + 1).padStart(6, '0')}.jpg`, videoPts: decoded.ptsSeconds[i] ?? null }));
  const info = makeSeqInfo({ name, imDir: 'img1', frameRate: probe.fps, seqLength: frames.length, imWidth: probe.width, imHeight: probe.height, imExt: '.jpg' });
  const id = store.transaction(() => {
    const id = store.sequences.insert({
      name,
      frameCount: frames.length,
      fps: probe.fps,
      width: probe.width,
      height: probe.height,
      sourceKind: 'video',
      sourcePath: src,
      framesDir: outDir,
      seqinfo: info.entries.map(([k, v]) => [k, v]),
      benchmark: null,
      gtLayout: 'class-visibility',
      gtColumns: 9,
      createdMs: o.nowMs ?? Date.now(),
    });
    store.sequences.insertFrames(id, frames);
    return id;
  });
  const warnings = probe.declaredFrames !== undefined && probe.declaredFrames !== frames.length ? [`${basename(src)}: the container declares ${probe.declaredFrames} frames; ${frames.length} were decoded`] : [];
  return report(store, id, started, warnings);
}
