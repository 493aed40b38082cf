// The MOTChallenge fidelity checker run on every export (PRODUCT.md §4 item 7): what TrackEval would
// refuse or silently misread. Errors block the export; warnings are shown with it.
import type { GtLayout, MotKind, MotTable } from './motTable';
import { Int32PairMap } from './pairSet';
import type { SeqInfo } from './seqinfo';

/** One finding. */
export interface FidelityFinding {
  readonly severity: 'error' | 'warning';
  /** The file it concerns (as it will be named in the export). */
  readonly file: string;
  /** Row index in the written file (1-based line), when it concerns a row. */
  readonly line?: number;
  readonly message: string;
}

/** What to check one table against. */
export interface FidelityInput {
  readonly file: string;
  readonly kind: MotKind;
  /** Rows in the order they will be written. */
  readonly table: MotTable;
  readonly columns: number;
  readonly seqLength: number;
  readonly gtLayout?: GtLayout;
  /** Preprocessing classes TrackEval accepts for this benchmark (default 1-13). */
  readonly validClasses?: readonly number[];
}

const MAX_PER_RULE = 20;

/** Checks rows: 1-based frames and ids, no duplicate (frame, id), frames within seqLength, classes, sizes. */
export function checkTable(x: FidelityInput): FidelityFinding[] {
  const out: FidelityFinding[] = [];
  const counts = new Map<string, { n: number; severity: FidelityFinding['severity'] }>();
  const add = (rule: string, severity: FidelityFinding['severity'], line: number | undefined, message: string): void => {
    const n = (counts.get(rule)?.n ?? 0) + 1;
    counts.set(rule, { n, severity });
    if (n <= MAX_PER_RULE) out.push({ severity, file: x.file, ...(line !== undefined ? { line } : {}), message });
  };
  const t = x.table;
  // Rows in (frame, id) order show duplicates as neighbours; unordered rows need the hash map.
  let seen: Int32PairMap | undefined;
  const classes = new Set(x.validClasses ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  for (let i = 0; i < t.count; i++) {
    const line = i + 1;
    const f = t.frame[i]!;
    const id = t.id[i]!;
    if (!(f >= 1)) add('frame', 'error', line, `frame ${f} is not 1-based`);
    else if (f > x.seqLength) add('seqLength', 'error', line, `frame ${f} is beyond seqLength ${x.seqLength} (TrackEval drops it)`);
    if (x.kind !== 'det' && !(id >= 1)) add('id', 'error', line, `id ${id} is not 1-based`);
    if (!(t.w[i]! > 0) || !(t.h[i]! > 0)) add('size', 'error', line, `box ${t.w[i]}×${t.h[i]} has no area`);
    if (x.kind !== 'det') {
      const prevF = i > 0 ? t.frame[i - 1]! : 0;
      const prevId = i > 0 ? t.id[i - 1]! : 0;
      if (!seen && (prevF > f || (prevF === f && prevId > id))) {
        seen = new Int32PairMap(t.count);
        for (let j = 0; j < i; j++) seen.setIfAbsent(t.frame[j]!, t.id[j]!, j);
      }
      const dup = seen ? seen.setIfAbsent(f, id, i) !== -1 : prevF === f && prevId === id;
      if (dup) add('dup', 'error', line, `id ${id} appears twice in frame ${f} (TrackEval refuses the file)`);
    }
    if (x.kind === 'gt') {
      const conf = t.conf[i]!;
      if (conf !== 0 && conf !== 1) add('conf', 'warning', line, `GT conf ${conf} is neither 0 (ignored) nor 1 (evaluated)`);
      if (x.gtLayout === 'class-visibility') {
        const c = t.c8[i]!;
        if (!Number.isInteger(c) || !classes.has(c)) add('class', 'error', line, `class id ${c} is not a MOTChallenge class (1-13)`);
        const v = t.c9[i]!;
        if (!(v >= 0 && v <= 1)) add('visibility', 'error', line, `visibility ${v} is outside 0..1`);
      }
    }
    if (x.kind === 'res' && x.columns >= 8 && t.c8[i]! > 1) add('resclass', 'error', line, `column 8 is ${t.c8[i]}: TrackEval reads it as a class and refuses classes > 1`);
    if (i > 0 && (t.frame[i - 1]! > f || (x.kind !== 'det' && t.frame[i - 1] === f && t.id[i - 1]! > id))) add('order', 'warning', line, 'rows are not ordered by frame and id');
  }
  for (const [rule, { n, severity }] of counts) {
    if (n > MAX_PER_RULE) out.push({ severity, file: x.file, message: `${n - MAX_PER_RULE} more ${rule} findings` });
  }
  return out;
}

/** Checks a seqinfo.ini against its folder and its GT. */
export function checkSeqInfo(file: string, info: SeqInfo, folderName: string, maxFrame: number): FidelityFinding[] {
  const out: FidelityFinding[] = [];
  if (info.name !== folderName) out.push({ severity: 'warning', file, message: `name=${info.name} differs from its folder ${folderName}` });
  if (!(info.seqLength >= 1)) out.push({ severity: 'error', file, message: `seqLength ${info.seqLength} must be >= 1` });
  if (maxFrame > info.seqLength) out.push({ severity: 'error', file, message: `the rows reach frame ${maxFrame}, beyond seqLength ${info.seqLength}` });
  if (!(info.frameRate > 0)) out.push({ severity: 'error', file, message: `frameRate ${info.frameRate} must be > 0` });
  if (!(info.imWidth >= 1 && info.imHeight >= 1)) out.push({ severity: 'error', file, message: `image size ${info.imWidth}×${info.imHeight} is invalid` });
  return out;
}
