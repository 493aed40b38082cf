// Tracking MOTChallenge files on disk: one detection file, or every sequence of a benchmark folder
// (<BENCH>-train/<seq>/det/<det file>). Plain functions the CLI calls (and, later, the API jobs).
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseMotText } from '../../../src-shared/formats/parseMotText';
import { parseSeqInfo, type SeqInfo } from '../../../src-shared/formats/seqinfo';
import { fail } from '../../../src-shared/ipc/result';
import { trackingSetup, createTracker, type ParamValues, type TrackerKind } from '../../../src-shared/tracking/registry';
import { formatRows, groupByFrame, trackSequence, trackSequenceAsync, type DetectionsByFrame, type ResultRow, type RowStyle } from '../../../src-shared/tracking/sequence';
import { sequentialIds } from '../../../src-shared/tracking/types';
import { appearancePreparer } from './appearanceFrames';

/** What to track and where to write it. */
export interface TrackFileRequest {
  readonly tracker: TrackerKind;
  /** A MOTChallenge detection file. */
  readonly detsPath: string;
  /** seqinfo.ini; default: the sequence folder's, when it has one. */
  readonly seqinfoPath?: string;
  /** Apply the official evaluation settings (output filter, per-sequence overrides). */
  readonly official: boolean;
  /** key=value overrides (already typed by `parseParam`). */
  readonly params: ParamValues;
  /** 'official': the tracker's official writer; 'canonical': full precision. */
  readonly format: 'official' | 'canonical';
  readonly outPath: string;
  /** Progress per frame; return false to cancel. */
  readonly onFrame?: (frame: number, lastFrame: number) => boolean | void;
}

/** What one sequence gave. */
export interface TrackFileResult {
  readonly sequence: string;
  readonly frames: number;
  readonly rows: number;
  readonly trackCount: number;
  readonly outPath: string;
  readonly durationMs: number;
}

/** The sequence folder of a detection file (<seq>/det/det.txt -> <seq>). */
function sequenceDir(detsPath: string): string {
  const dir = dirname(resolve(detsPath));
  return basename(dir) === 'det' ? dirname(dir) : dir;
}

function readSeqInfo(path: string): SeqInfo {
  const { info, errors } = parseSeqInfo(readFileSync(path, 'utf8'), path);
  if (!info) fail('invalid_file', errors[0]?.message ?? `${path}: not a seqinfo.ini`);
  return info;
}

/** Reads and groups a detection file; parse errors fail with the first one and the count. */
export function readDetections(detsPath: string, seqLength?: number): DetectionsByFrame {
  if (!existsSync(detsPath) || !statSync(detsPath).isFile()) fail('not_found', `${detsPath} does not exist or is not a file`);
  const parsed = parseMotText(readFileSync(detsPath, 'utf8'), { kind: 'det', fileName: detsPath, ...(seqLength ? { seqLength } : {}) });
  if (parsed.errorCount > 0) {
    const more = parsed.errorCount > 1 ? ` (and ${parsed.errorCount - 1} more bad lines)` : '';
    fail('invalid_file', `${parsed.errors[0]!.message}${more}`);
  }
  return groupByFrame(parsed.table);
}

/** Tracks one detection file and writes the result rows. */
export async function trackFile(req: TrackFileRequest): Promise<TrackFileResult> {
  const started = performance.now();
  const seqDir = sequenceDir(req.detsPath);
  const iniPath = req.seqinfoPath ?? join(seqDir, 'seqinfo.ini');
  if (req.seqinfoPath !== undefined && !existsSync(req.seqinfoPath)) fail('not_found', `${req.seqinfoPath} does not exist`);
  const info = existsSync(iniPath) ? readSeqInfo(iniPath) : undefined;
  const sequence = info?.name || basename(seqDir);
  const dets = readDetections(req.detsPath, info?.seqLength);
  const setup = trackingSetup(req.tracker, { official: req.official, sequenceName: sequence, params: req.params, ...(info ? { frameRate: info.frameRate } : {}) });
  const tracker = createTracker(setup.kind, setup.params, sequentialIds());
  const opts = { loop: setup.loop, ...(setup.filter ? { filter: setup.filter } : {}), ...(req.onFrame ? { onFrame: req.onFrame } : {}) };
  let rows: ResultRow[];
  if (setup.kind === 'appearance') {
    if (!info) fail('not_found', `appearance tracking reads the frames named in seqinfo.ini; ${iniPath} does not exist (give --seqinfo)`);
    rows = await trackSequenceAsync(tracker, dets, opts, await appearancePreparer(dirname(resolve(iniPath)), info));
  } else rows = trackSequence(tracker, dets, opts);
  const style: RowStyle = req.format === 'canonical' ? 'canonical' : setup.rowStyle;
  mkdirSync(dirname(resolve(req.outPath)), { recursive: true });
  try {
    writeFileSync(req.outPath, formatRows(rows, style));
  } catch (e) {
    fail('io', `cannot write ${req.outPath}: ${(e as Error).message}`);
  }
  return {
    sequence,
    frames: dets.lastFrame,
    rows: rows.length,
    trackCount: new Set(rows.map((r) => r.box.id)).size,
    outPath: req.outPath,
    durationMs: Math.round(performance.now() - started),
  };
}

/** The sequences of a benchmark folder that have `det/<detFile>`, by name. */
export function listSequences(benchDir: string, detFile: string): string[] {
  if (!existsSync(benchDir) || !statSync(benchDir).isDirectory()) fail('not_found', `${benchDir} is not a folder`);
  const seqs = readdirSync(benchDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(benchDir, e.name, 'det', detFile)))
    .map((e) => e.name)
    .sort();
  if (seqs.length === 0) fail('not_found', `no sequence of ${benchDir} has det/${detFile}`);
  return seqs;
}

/** Tracks every sequence of a benchmark folder into `<outDir>/<seq>.txt`. */
export async function trackFolder(
  req: Omit<TrackFileRequest, 'detsPath' | 'outPath' | 'seqinfoPath' | 'onFrame'> & { benchDir: string; detFile: string; outDir: string; onSequence?: (name: string, index: number, count: number) => void },
): Promise<TrackFileResult[]> {
  const seqs = listSequences(req.benchDir, req.detFile);
  const results: TrackFileResult[] = [];
  for (const [i, seq] of seqs.entries()) {
    req.onSequence?.(seq, i, seqs.length);
    results.push(await trackFile({ ...req, detsPath: join(req.benchDir, seq, 'det', req.detFile), outPath: join(req.outDir, `${seq}.txt`) }));
  }
  return results;
}
