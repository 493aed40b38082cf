// Evaluation of a tracker folder against a MOTChallenge GT folder, the way TrackEval's
// run_mot_challenge.py reads them (MotChallenge2DBox: seqmap, seqinfo.ini, gt/gt.txt, <tracker>/<seq>.txt),
// returning plain data: TrackEval's fields per sequence and COMBINED_SEQ, plus ID-switch events on request.
// The CLI calls this; the app will expose it as an API channel and store the report as a run.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { evaluateTables, isEvaluationError, type SequenceReport, type SequenceTables } from '../../../src-shared/evaluation/evaluate';
import type { Benchmark } from '../../../src-shared/metrics/motChallenge';
import { parseMotText, type ParseMotResult } from '../../../src-shared/formats/parseMotText';
import type { MotKind } from '../../../src-shared/formats/motTable';
import { parseSeqInfo } from '../../../src-shared/formats/seqinfo';
import { parseSeqmap } from '../../../src-shared/formats/seqmap';
import { fail } from '../../../src-shared/ipc/result';

/** What to evaluate. Paths may be relative to the working directory. */
export interface EvaluateRequest {
  /** `<DATASET>/<BENCH>-<split>`, holding `<seq>/gt/gt.txt` and `<seq>/seqinfo.ini`. */
  readonly gtFolder: string;
  /** `<DATASET>/trackers/<name>`, holding `<seq>.txt` (or `data/<seq>.txt`, TrackEval's default). */
  readonly trackerFolder: string;
  /** Default `<DATASET>/seqmaps/<BENCH>-<split>.txt`, as TrackEval. */
  readonly seqmapFile?: string;
  /** Default: inferred from the GT folder's name (MOT15/16/17/20), else MOT17 (TrackEval's default). */
  readonly benchmark?: Benchmark;
  /** TrackEval DO_PREPROC (default true). */
  readonly doPreproc?: boolean;
  /** Also classify every ID switch (../shared/METHODS.md §5). */
  readonly events?: boolean;
  /** Called after each sequence (for job progress). */
  readonly onSequence?: (done: number, total: number, name: string) => void;
}

export type { SequenceReport };

/** The whole evaluation as plain data. */
export interface EvaluationReport {
  readonly benchmark: Benchmark;
  readonly doPreproc: boolean;
  readonly gtFolder: string;
  readonly trackerFolder: string;
  readonly seqmapFile: string;
  readonly tracker: string;
  readonly sequences: readonly SequenceReport[];
  readonly combined: SequenceReport;
  readonly durationMs: number;
}

/** The benchmark a folder name implies (`MOT17-train`, `.../MOT20/...`), if any. */
export function inferBenchmark(path: string): Benchmark | undefined {
  const m = /(?:^|[\\/_-])MOT(15|16|17|20)(?=$|[\\/_-])/i.exec(path);
  if (m) return `MOT${m[1]}` as Benchmark;
  return /2DMOT2015/i.test(path) ? 'MOT15' : undefined;
}

function readText(path: string, what: string): string {
  if (!existsSync(path)) fail('not_found', `${what} not found: ${path}`);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    return fail('io', `${path}: ${(e as Error).message}`);
  }
}

function parseFile(path: string, kind: MotKind, seqLength: number): ParseMotResult {
  const r = parseMotText(readText(path, kind === 'gt' ? 'GT file' : 'tracker file'), { kind, fileName: path, seqLength });
  if (r.errorCount > 0) {
    const more = r.errorCount > 1 ? ` (and ${r.errorCount - 1} more bad line${r.errorCount > 2 ? 's' : ''})` : '';
    fail('invalid_file', `${r.errors[0]!.message}${more}`, { errors: r.errors, errorCount: r.errorCount });
  }
  return r;
}

/** Evaluates every sequence of the seqmap with HOTA, CLEAR, Identity and Count (TrackEval-identical). */
export function evaluateFolders(req: EvaluateRequest): EvaluationReport {
  const started = performance.now();
  const gtFolder = resolve(req.gtFolder);
  const trackerFolder = resolve(req.trackerFolder);
  if (!existsSync(gtFolder)) fail('not_found', `GT folder not found: ${gtFolder}`);
  if (!existsSync(trackerFolder)) fail('not_found', `tracker folder not found: ${trackerFolder}`);
  const benchmark = req.benchmark ?? inferBenchmark(basename(gtFolder)) ?? inferBenchmark(gtFolder) ?? 'MOT17';
  const doPreproc = req.doPreproc ?? true;
  const seqmapFile = resolve(req.seqmapFile ?? join(dirname(gtFolder), 'seqmaps', `${basename(gtFolder)}.txt`));
  const seqmap = parseSeqmap(readText(seqmapFile, 'seqmap'), seqmapFile);
  if (seqmap.errors.length) fail('invalid_file', seqmap.errors[0]!);
  if (seqmap.names.length === 0) fail('invalid_file', `${seqmapFile}: lists no sequences`);

  const tables: SequenceTables[] = [];
  for (const seq of seqmap.names) {
    const iniPath = join(gtFolder, seq, 'seqinfo.ini');
    const ini = parseSeqInfo(readText(iniPath, 'seqinfo.ini'), iniPath);
    if (!ini.info) fail('invalid_file', ini.errors[0]!.message);
    const seqLength = ini.info.seqLength;
    const gtPath = join(gtFolder, seq, 'gt', 'gt.txt');
    let trPath = join(trackerFolder, `${seq}.txt`);
    if (!existsSync(trPath) && existsSync(join(trackerFolder, 'data', `${seq}.txt`))) trPath = join(trackerFolder, 'data', `${seq}.txt`);
    const gt = parseFile(gtPath, 'gt', seqLength);
    const tr = parseFile(trPath, 'res', seqLength);
    tables.push({ name: seq, gt: gt.table, tracker: tr.table, seqLength, fps: ini.info.frameRate, gtHasClassVisibility: gt.gtLayout === 'class-visibility' });
  }
  const r = evaluateTables(tables, { benchmark, doPreproc, events: req.events ?? false, ...(req.onSequence ? { onSequence: req.onSequence } : {}) });
  if (isEvaluationError(r)) {
    const file = r.which === 'gt' ? join(gtFolder, r.sequence, 'gt', 'gt.txt') : join(trackerFolder, `${r.sequence}.txt`);
    fail('invalid_file', `${file}:${r.line}: ${r.message}`);
  }
  const { sequences, combined } = r;
  return {
    benchmark,
    doPreproc,
    gtFolder,
    trackerFolder,
    seqmapFile,
    tracker: basename(trackerFolder),
    sequences,
    combined,
    durationMs: performance.now() - started,
  };
}
