// Strict, TrackEval-compatible reader of MOTChallenge text files (gt.txt, det.txt, tracker results).
// TrackEval (MotChallenge2DBox._load_raw_file / _load_simple_text_file) reads comma-separated rows,
// skips spaces after separators, drops one trailing empty field, and takes int(float(x)) of frames,
// ids and classes. We accept exactly what it accepts as valid data and report everything else, one
// error per bad line, naming the line, the column, the value found and what was expected.
import { allocTable, sliceTable, type GtLayout, type MotKind, type MotTable } from './motTable';
import { POW10 } from './numbers';
import { Int32PairMap } from './pairSet';

/** One bad line. */
export interface MotLineError {
  readonly file: string;
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column, 0 when the problem is the whole line. */
  readonly column: number;
  /** The column's name (`frame`, `id`, `width`, ...) or `line`. */
  readonly field: string;
  /** The text found (shortened to 40 characters). */
  readonly found: string;
  readonly expected: string;
  /** `file:line: column N (field): found "...", expected ...` */
  readonly message: string;
}

/** How to read a file. */
export interface ParseMotOptions {
  readonly kind: MotKind;
  /** Used in messages, e.g. `MOT17-02-DPM/gt/gt.txt`. */
  readonly fileName: string;
  /** GT only: the meaning of columns 8-10; default: 9 columns -> class-visibility, 10 -> world. */
  readonly gtLayout?: GtLayout;
  /** When known (seqinfo.ini), frames beyond it are errors. */
  readonly seqLength?: number;
  /** How many errors to describe in full (all are counted). Default 100. */
  readonly maxErrors?: number;
}

/** The good rows, the errors, and what was inferred. */
export interface ParseMotResult {
  readonly table: MotTable;
  readonly errors: readonly MotLineError[];
  /** Number of bad lines (errors.length is capped at maxErrors). */
  readonly errorCount: number;
  /** GT only: the layout used for columns 8-10. */
  readonly gtLayout?: GtLayout;
}

const MAX_FIELDS = 10;
const INT32_MAX = 2147483647;
const NAMES = ['frame', 'id', 'bb_left', 'bb_top', 'width', 'height', 'conf', 'x', 'y', 'z'];
const GT_CV_NAMES = ['frame', 'id', 'bb_left', 'bb_top', 'width', 'height', 'conf', 'class', 'visibility', 'z'];

/** Column-count rule per kind: [min, max]. GT needs the class column TrackEval reads (col 8). */
const COLUMNS: Record<MotKind, readonly [number, number]> = { gt: [9, 10], det: [7, 10], res: [7, 10] };

function isNumberChar(c: number): boolean {
  // 0-9 . + - e E
  return (c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45 || c === 101 || c === 69;
}

function isBlank(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function shorten(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** Parses MOT text. Never throws on content: every problem is an error value. */
export function parseMotText(text: string, opts: ParseMotOptions): ParseMotResult {
  const maxErrors = opts.maxErrors ?? 100;
  const [minCols, maxCols] = COLUMNS[opts.kind];
  const errors: MotLineError[] = [];
  let errorCount = 0;

  // Upper bound on rows: the number of line breaks + 1.
  let lineBreaks = 0;
  for (let p = text.indexOf('\n'); p !== -1; p = text.indexOf('\n', p + 1)) lineBreaks++;
  let fileColumns = 0;
  let firstDataLine = 0;
  let layout: GtLayout | undefined = opts.kind === 'gt' ? opts.gtLayout : undefined;
  const t = allocTable(opts.kind, 0, lineBreaks + 1);
  // Duplicate (frame, id) check. While the accepted rows are strictly increasing by (frame, id) or by
  // (id, frame) (how MOT files are written), no row can repeat an earlier one; the hash map (random
  // memory access: most of the parse time on a 1M-row file) is built only once both orders break.
  const checkDuplicates = opts.kind !== 'det';
  let seen: Int32PairMap | undefined;
  let byFrameId = true;
  let byIdFrame = true;
  const starts = new Int32Array(MAX_FIELDS + 2);
  const ends = new Int32Array(MAX_FIELDS + 2);
  const values = new Float64Array(MAX_FIELDS);

  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0; // BOM
  let lineNo = 0;
  const report = (lineNo: number, column: number, found: string, expected: string): void => {
    errorCount++;
    if (errors.length < maxErrors) {
      const field = column === 0 ? 'line' : (layout === 'class-visibility' ? GT_CV_NAMES : NAMES)[column - 1] ?? `column ${column}`;
      const where = column === 0 ? '' : ` column ${column} (${field}):`;
      errors.push({
        file: opts.fileName,
        line: lineNo,
        column,
        field,
        found: shorten(found),
        expected,
        message: `${opts.fileName}:${lineNo}:${where} found ${JSON.stringify(shorten(found))}, expected ${expected}`,
      });
    }
  };

  const cell = (k: number): string => text.slice(starts[k]!, ends[k]!).trim();

  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const next = end + 1;
    lineNo++;
    let lineEnd = end;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--; // CRLF

    // Split into fields; blank lines are skipped (a trailing newline is normal).
    if (isBlank(text, pos, lineEnd)) {
      pos = next;
      continue;
    }
    // One pass splits the fields and reads plain decimals ([+-]digits[.digits], at most 15 digits:
    // exactly parseDecimalFast's fast path); a field it cannot read is NaN here and re-read below.
    let n = 0;
    let fieldStart = pos;
    let tooMany = false;
    let m = 0;
    let digits = 0;
    let frac = 0;
    let dot = false;
    let neg = false;
    let plain = true;
    for (let i = pos; i <= lineEnd; i++) {
      const c = i === lineEnd ? 44 : text.charCodeAt(i);
      if (c === 44) {
        if (n >= MAX_FIELDS + 1) {
          tooMany = true;
          break;
        }
        starts[n] = fieldStart;
        ends[n] = i;
        if (n < MAX_FIELDS) {
          const v = frac ? m / POW10[frac]! : m;
          values[n] = plain && digits > 0 && digits <= 15 ? (neg ? -v : v) : NaN;
        }
        n++;
        fieldStart = i + 1;
        m = digits = frac = 0;
        dot = neg = false;
        plain = true;
      } else if (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        digits++;
        if (dot) frac++;
      } else if (c === 46 && !dot) dot = true;
      else if ((c === 45 || c === 43) && i === fieldStart) neg = c === 45;
      else plain = false;
    }
    // TrackEval drops one trailing empty field ("1,2,...,-1,").
    if (!tooMany && n > 1 && isBlank(text, starts[n - 1]!, ends[n - 1]!)) n--;
    const lineStart = pos;
    pos = next;
    if (tooMany || n > maxCols || n < minCols) {
      report(lineNo, 0, text.slice(lineStart, lineEnd), `${minCols === maxCols ? minCols : `${minCols} to ${maxCols}`} comma-separated columns (${opts.kind === 'gt' ? 'frame,id,bb_left,bb_top,width,height,conf,class,visibility' : 'frame,id,bb_left,bb_top,width,height,conf,x,y,z'}), found ${tooMany ? 'more than 10' : n}`);
      continue;
    }
    if (fileColumns === 0) {
      fileColumns = n;
      firstDataLine = lineNo;
      if (opts.kind === 'gt' && layout === undefined) layout = n === 9 ? 'class-visibility' : 'world';
    } else if (n !== fileColumns) {
      report(lineNo, 0, text.slice(lineStart, lineEnd), `${fileColumns} columns like the first data line (line ${firstDataLine}), found ${n}`);
      continue;
    }

    // Numbers: plain decimals on the fast path; otherwise only [0-9+-.eE] with optional spaces
    // around, and Number() must give a finite value ("inf", "nan", hex and the like are refused).
    let ok = true;
    for (let k = 0; k < n; k++) {
      let a = starts[k]!;
      let b = ends[k]!;
      let v = values[k]!;
      if (v !== v) {
        while (a < b && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
        while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
        let valid = a < b;
        for (let i = a; valid && i < b; i++) valid = isNumberChar(text.charCodeAt(i));
        v = valid ? Number(text.slice(a, b)) : NaN;
        if (!Number.isFinite(v)) {
          report(lineNo, k + 1, text.slice(a, b), a === b ? 'a number, found an empty field' : 'a finite decimal number');
          ok = false;
          break;
        }
      }
      values[k] = v;
    }
    if (!ok) continue;

    const frame = values[0]!;
    const id = values[1]!;
    const limit = opts.seqLength ?? INT32_MAX;
    if (!Number.isInteger(frame) || frame < 1 || frame > limit) {
      report(lineNo, 1, cell(0), opts.seqLength ? `a whole frame number from 1 to ${opts.seqLength} (seqLength)` : 'a whole frame number >= 1 (frames are 1-based)');
      continue;
    }
    if (!Number.isInteger(id) || id > INT32_MAX || id < (opts.kind === 'det' ? -1 : 1)) {
      report(lineNo, 2, cell(1), opts.kind === 'det' ? 'a whole number >= -1 (-1 or a detection index)' : 'a whole track id >= 1 (ids are 1-based)');
      continue;
    }
    if (values[4]! <= 0) {
      report(lineNo, 5, cell(4), 'a width > 0');
      continue;
    }
    if (values[5]! <= 0) {
      report(lineNo, 6, cell(5), 'a height > 0');
      continue;
    }
    if (layout === 'class-visibility') {
      const cls = values[7]!;
      if (!Number.isInteger(cls) || cls < 1 || cls > 13) {
        report(lineNo, 8, cell(7), 'a MOTChallenge class id from 1 to 13 (1 = pedestrian)');
        continue;
      }
      const vis = values[8]!;
      if (vis < 0 || vis > 1) {
        report(lineNo, 9, cell(8), 'a visibility from 0 to 1');
        continue;
      }
    }
    if (checkDuplicates && !seen && t.count > 0) {
      const pf = t.frame[t.count - 1]!;
      const pi = t.id[t.count - 1]!;
      byFrameId &&= frame > pf || (frame === pf && id > pi);
      byIdFrame &&= id > pi || (id === pi && frame > pf);
      if (!byFrameId && !byIdFrame) {
        seen = new Int32PairMap(lineBreaks + 1);
        for (let j = 0; j < t.count; j++) seen.setIfAbsent(t.frame[j]!, t.id[j]!, t.line[j]!);
      }
    }
    if (seen) {
      const first = seen.setIfAbsent(frame, id, lineNo);
      if (first !== -1) {
        report(lineNo, 2, cell(1), `one row per (frame, id): id ${id} already appears in frame ${frame} at line ${first}`);
        continue;
      }
    }

    const r = t.count++;
    t.frame[r] = frame;
    t.id[r] = id;
    t.x[r] = values[2]!;
    t.y[r] = values[3]!;
    t.w[r] = values[4]!;
    t.h[r] = values[5]!;
    t.conf[r] = values[6]!;
    if (n > 7) t.c8[r] = values[7]!;
    if (n > 8) t.c9[r] = values[8]!;
    if (n > 9) t.c10[r] = values[9]!;
    t.line[r] = lineNo;
  }

  const table = sliceTable({ ...t, columns: fileColumns || minCols }, t.count);
  return { table, errors, errorCount, ...(opts.kind === 'gt' ? { gtLayout: layout ?? 'class-visibility' } : {}) };
}
