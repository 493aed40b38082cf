// Imports MOTChallenge folders: one sequence folder (seqinfo.ini, gt/gt.txt, det/*.txt, img1/) or a
// benchmark folder of them (with TrackEval's seqmap when present). Everything is read and checked
// first; then one transaction writes it all, so an import with errors writes nothing.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { MotTable } from '../../../src-shared/formats/motTable';
import type { ParseMotResult } from '../../../src-shared/formats/parseMotText';
import type { SeqInfo } from '../../../src-shared/formats/seqinfo';
import { parseSeqmap } from '../../../src-shared/formats/seqmap';
import type { ImportReport } from '../../../src-shared/ipc/schemas';
import { fail } from '../../../src-shared/ipc/result';
import { KEYFRAME } from '../../../src-shared/model/boxFlags';
import { compareNatural } from '../../../src-shared/util/naturalSort';
import type { ProjectStore } from '../../store/project/projectStore';
import { sequenceSummary } from '../sequences/summary';
import { benchmarkFromPath, checkParseErrors, gtLayoutFor, readMotFile, readSeqInfo, type Benchmark } from './motFiles';

/** Options every import takes. */
export interface ImportOptions {
  /** Import the good lines and list the bad ones instead of refusing the whole import. */
  readonly skipBadLines?: boolean;
  readonly nowMs?: number;
}

interface SequencePlan {
  readonly dir: string;
  readonly info: SeqInfo;
  readonly benchmark: Benchmark | undefined;
  readonly gt: ParseMotResult | undefined;
  readonly dets: { name: string; file: string; parsed: ParseMotResult }[];
  readonly frames: { frame: number; file: string }[] | undefined;
  readonly warnings: string[];
}

/** The sequence folders under `path`: itself, or its children (in seqmap order when one exists). */
export async function findSequenceFolders(path: string): Promise<string[]> {
  const root = resolve(path);
  if (!existsSync(root) || !statSync(root).isDirectory()) fail('not_found', `${root} is not a folder`);
  if (existsSync(join(root, 'seqinfo.ini'))) return [root];
  const seqmapFile = join(dirname(root), 'seqmaps', `${basename(root)}.txt`);
  if (existsSync(seqmapFile)) {
    const { names, errors } = parseSeqmap(await readFile(seqmapFile, 'utf8'), seqmapFile);
    if (errors.length) fail('invalid_file', errors[0]!, { errors });
    const missing = names.filter((n) => !existsSync(join(root, n, 'seqinfo.ini')));
    if (missing.length) fail('not_found', `${seqmapFile} lists ${missing.join(', ')}, but ${join(root, missing[0]!, 'seqinfo.ini')} does not exist`);
    return names.map((n) => join(root, n));
  }
  const children = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'seqinfo.ini')))
    .map((d) => d.name)
    .sort(compareNatural);
  if (children.length === 0) fail('invalid_file', `${root} is neither a MOTChallenge sequence (no seqinfo.ini) nor a folder of sequences`);
  return children.map((n) => join(root, n));
}

/** Image files of a frame folder, naturally sorted, numbered from 1 (or by their 6-digit MOT names). */
export function listFrameImages(dir: string, ext?: string): { frame: number; file: string }[] {
  const exts = ext ? [ext.toLowerCase()] : ['.jpg', '.jpeg', '.png', '.bmp', '.webp', '.tif', '.tiff'];
  const files = readdirSync(dir)
    .filter((f) => exts.includes(extname(f).toLowerCase()))
    .sort(compareNatural);
  const numbered = files.every((f) => /^\d+\.[^.]+$/.test(f));
  return files.map((file, i) => ({ frame: numbered ? Number(file.slice(0, file.indexOf('.'))) : i + 1, file }));
}

async function planSequence(dir: string): Promise<SequencePlan> {
  const info = await readSeqInfo(join(dir, 'seqinfo.ini'));
  const benchmark = benchmarkFromPath(dir);
  const warnings: string[] = [];
  const label = (p: string): string => `${basename(dir)}/${p}`;
  const gtFile = join(dir, 'gt', 'gt.txt');
  const layout = gtLayoutFor(benchmark);
  const gt = existsSync(gtFile)
    ? await readMotFile(gtFile, { kind: 'gt', label: label('gt/gt.txt'), seqLength: info.seqLength, ...(layout ? { gtLayout: layout } : {}) })
    : undefined;
  const dets: SequencePlan['dets'] = [];
  const detDir = join(dir, 'det');
  if (existsSync(detDir)) {
    for (const f of readdirSync(detDir).filter((f) => f.endsWith('.txt')).sort(compareNatural)) {
      dets.push({ name: f.slice(0, -4), file: join(detDir, f), parsed: await readMotFile(join(detDir, f), { kind: 'det', label: label(`det/${f}`), seqLength: info.seqLength }) });
    }
  }
  const imgDir = join(dir, info.imDir);
  let frames: SequencePlan['frames'];
  if (existsSync(imgDir)) {
    frames = listFrameImages(imgDir, info.imExt);
    const bad = frames.find((f) => f.frame < 1 || f.frame > info.seqLength);
    if (bad) fail('invalid_file', `${imgDir}/${bad.file}: frame ${bad.frame} is outside 1..${info.seqLength} (seqLength in seqinfo.ini)`);
    if (frames.length !== info.seqLength) warnings.push(`${basename(dir)}: ${frames.length} images in ${info.imDir}/ for seqLength ${info.seqLength}`);
  }
  return { dir, info, benchmark, gt, dets, frames, warnings };
}

/** MOT rows as annotation boxes: every imported row is a keyframe. */
export function asAnnotation(t: MotTable) {
  return { ...t, flags: new Uint8Array(t.count).fill(KEYFRAME) };
}

/** Imports a sequence folder or a benchmark folder into the project. */
export async function importMotFolder(store: ProjectStore, path: string, o: ImportOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const folders = await findSequenceFolders(path);
  const plans: SequencePlan[] = [];
  for (const f of folders) plans.push(await planSequence(f));
  const skipped = checkParseErrors(
    plans.flatMap((p) => [...(p.gt ? [p.gt] : []), ...p.dets.map((d) => d.parsed)]),
    o.skipBadLines ?? false,
  );
  for (const p of plans) {
    const name = p.info.name || basename(p.dir);
    if (store.sequences.byName(name)) fail('conflict', `The project already has a sequence named ${name} (from ${p.dir})`);
  }
  const now = o.nowMs ?? Date.now();
  const ids = store.transaction(() =>
    plans.map((p) => {
      const id = store.sequences.insert({
        name: p.info.name || basename(p.dir),
        frameCount: p.info.seqLength,
        fps: p.info.frameRate,
        width: p.info.imWidth,
        height: p.info.imHeight,
        sourceKind: 'mot',
        sourcePath: p.dir,
        framesDir: p.frames ? join(p.dir, p.info.imDir) : null,
        seqinfo: p.info.entries.map(([k, v]) => [k, v]),
        benchmark: p.benchmark ?? null,
        gtLayout: p.gt?.gtLayout ?? gtLayoutFor(p.benchmark) ?? 'class-visibility',
        gtColumns: p.gt?.table.columns ?? (p.benchmark === 'MOT15' ? 10 : 9),
        createdMs: now,
      });
      if (p.frames) store.sequences.insertFrames(id, p.frames);
      if (p.gt) store.boxes.insertAll(id, asAnnotation(p.gt.table), p.gt.gtLayout === 'class-visibility');
      for (const d of p.dets) {
        store.sets.insert(
          { sequenceId: id, kind: 'det', name: d.name, originKind: 'imported', origin: { file: d.file }, columns: d.parsed.table.columns, createdMs: now },
          d.parsed.table,
        );
      }
      return id;
    }),
  );
  return {
    sequences: ids.map((id) => sequenceSummary(store, store.sequences.get(id)!)),
    sets: plans.flatMap((p) => p.dets.map((d) => ({ sequence: p.info.name || basename(p.dir), kind: 'det' as const, name: d.name, rows: d.parsed.table.count }))),
    gtRows: plans.reduce((n, p) => n + (p.gt?.table.count ?? 0), 0),
    skipped: skipped.slice(0, 1000),
    skippedCount: plans.reduce((n, p) => n + (p.gt?.errorCount ?? 0) + p.dets.reduce((m, d) => m + d.parsed.errorCount, 0), 0),
    warnings: plans.flatMap((p) => p.warnings),
    durationMs: Math.round(performance.now() - started),
  };
}
