// Reading MOTChallenge files from disk into parsed tables, with errors that name file and line.
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { parseMotText, type MotLineError, type ParseMotResult } from '../../../src-shared/formats/parseMotText';
import type { GtLayout, MotKind } from '../../../src-shared/formats/motTable';
import { parseSeqInfo, type SeqInfo } from '../../../src-shared/formats/seqinfo';
import { fail } from '../../../src-shared/ipc/result';

/** The MOTChallenge benchmarks whose conventions TrackEval distinguishes. */
export type Benchmark = 'MOT15' | 'MOT16' | 'MOT17' | 'MOT20';

/** The benchmark a path names (MOT15-train, MOT17-02-DPM, .../MOT20/...), if any. */
export function benchmarkFromPath(path: string): Benchmark | undefined {
  const m = /(?:^|[\\/_-])(MOT(15|16|17|20))(?=$|[\\/_-])/i.exec(path) ?? /2DMOT2015/i.exec(path);
  if (!m) return undefined;
  return m[0].toUpperCase().includes('2015') ? 'MOT15' : (`MOT${m[2]}` as Benchmark);
}

/** The GT layout of a benchmark: MOT15 GT has world coordinates in columns 8-10. */
export function gtLayoutFor(b: Benchmark | undefined): GtLayout | undefined {
  return b === undefined ? undefined : b === 'MOT15' ? 'world' : 'class-visibility';
}

/** Bad lines carried in an AppError (details.errors, details.errorCount). */
export interface ParseFailureDetails {
  readonly errors: readonly MotLineError[];
  readonly errorCount: number;
}

/** Reads and parses one MOT text file (a file that cannot be read is an AppError). */
export async function readMotFile(
  path: string,
  o: { kind: MotKind; label?: string; gtLayout?: GtLayout; seqLength?: number },
): Promise<ParseMotResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? 'not_found' : 'io', `${path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  return parseMotText(text, {
    kind: o.kind,
    fileName: o.label ?? path,
    ...(o.gtLayout ? { gtLayout: o.gtLayout } : {}),
    ...(o.seqLength ? { seqLength: o.seqLength } : {}),
  });
}

/** Reads a seqinfo.ini; any problem is an `invalid_file` AppError naming the line. */
export async function readSeqInfo(path: string, root?: string): Promise<SeqInfo> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? 'not_found' : 'io', `${path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const { info, errors } = parseSeqInfo(text, root ? relative(root, path) : path);
  if (!info) fail('invalid_file', errors[0]!.message, { errors });
  return info;
}

/**
 * Fails with every parse error of `results` unless `skipBadLines`; then returns the skipped lines.
 * One message for the user (the first error and how many more), all details for programs.
 */
export function checkParseErrors(results: readonly ParseMotResult[], skipBadLines: boolean): MotLineError[] {
  const errors = results.flatMap((r) => r.errors);
  const errorCount = results.reduce((n, r) => n + r.errorCount, 0);
  if (errorCount > 0 && !skipBadLines) {
    const more = errorCount > 1 ? ` (and ${errorCount - 1} more bad line${errorCount > 2 ? 's' : ''}; nothing was imported — fix them, or import with "skip bad lines")` : ' (nothing was imported)';
    fail('invalid_file', `${errors[0]!.message}${more}`, { errors: errors.slice(0, 1000), errorCount } satisfies ParseFailureDetails);
  }
  return errors;
}
