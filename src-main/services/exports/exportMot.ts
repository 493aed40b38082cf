// Exports MOTChallenge files: one gt / det / result file, or a whole benchmark folder TrackEval runs on
// unchanged (<out>/<BENCH>-<split>/<seq>/{gt/gt.txt,seqinfo.ini}, <out>/seqmaps/<BENCH>-<split>.txt,
// <out>/trackers/<name>/<seq>.txt). The fidelity checker runs first; errors write nothing. Files are
// written to a temporary name and renamed, folders built aside and moved in, so nothing is half-written.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { checkSeqInfo, checkTable, type FidelityFinding } from '../../../src-shared/formats/fidelity';
import type { MotKind, MotTable } from '../../../src-shared/formats/motTable';
import { makeSeqInfo, writeSeqInfo, type SeqInfo } from '../../../src-shared/formats/seqinfo';
import { writeSeqmap } from '../../../src-shared/formats/seqmap';
import { writeMotBytes } from '../../../src-shared/formats/writeMotText';
import { fail } from '../../../src-shared/ipc/result';
import { OUTSIDE } from '../../../src-shared/model/boxFlags';
import type { ProjectStore } from '../../store/project/projectStore';
import type { SequenceRow } from '../../store/project/readers/sequences';
import type { FlaggedBoxes } from '../../store/project/tileCodec';

/** Which boxes to export: the annotations (as gt) or a detection / result set by name. */
export type ExportSource = { kind: 'gt' } | { kind: 'det' | 'res'; name: string };

/** What an export did (or, checking, would do). */
export interface ExportReport {
  readonly files: string[];
  readonly rows: number;
  readonly findings: FidelityFinding[];
  /** False when only checked. */
  readonly written: boolean;
  /** The destination existed before. */
  readonly existed: boolean;
}

/** How to export. */
export interface ExportOptions {
  /** Replace an existing destination. */
  readonly overwrite?: boolean;
  /** Check and list the files; write nothing. */
  readonly check?: boolean;
  /** Called after each step (a sequence checked, a file written). */
  readonly onProgress?: (done: number, total: number, message: string) => void;
}

/** The rows of a sequence for a source, in canonical order, as a MotTable. */
export function exportRows(store: ProjectStore, seq: SequenceRow, source: ExportSource): { table: MotTable; columns: number } {
  if (source.kind === 'gt') {
    const all = store.boxes.all(seq.id);
    return { table: withoutOutside(all, 'gt', seq.gtColumns), columns: seq.gtColumns };
  }
  const set = store.sets.find(seq.id, source.kind, source.name);
  if (!set) fail('not_found', `${seq.name} has no ${source.kind === 'det' ? 'detection' : 'result'} set named ${source.name}`);
  const rows = store.sets.rows(set.id);
  return { table: { ...rows, kind: source.kind, columns: set.columns, line: new Int32Array(rows.count) }, columns: set.columns };
}

/** Annotation boxes marked outside the view are not part of MOT ground truth. */
function withoutOutside(b: FlaggedBoxes, kind: MotKind, columns: number): MotTable {
  let keep = 0;
  for (let i = 0; i < b.count; i++) if (!(b.flags[i]! & OUTSIDE)) keep++;
  if (keep === b.count) return { ...b, kind, columns, line: new Int32Array(b.count) };
  const idx: number[] = [];
  for (let i = 0; i < b.count; i++) if (!(b.flags[i]! & OUTSIDE)) idx.push(i);
  const pick = <A extends Int32Array | Float64Array>(a: A): A => {
    const out = new (a.constructor as new (n: number) => A)(idx.length);
    idx.forEach((j, k) => (out[k] = a[j]!));
    return out;
  };
  return {
    kind, columns, count: idx.length, line: new Int32Array(idx.length),
    frame: pick(b.frame), id: pick(b.id), x: pick(b.x), y: pick(b.y), w: pick(b.w), h: pick(b.h), conf: pick(b.conf), c8: pick(b.c8), c9: pick(b.c9), c10: pick(b.c10),
  };
}

/** The seqinfo of a sequence as stored (seqLength etc. from the sequence row). */
export function seqInfoOf(seq: SequenceRow): SeqInfo {
  const base = makeSeqInfo({ name: seq.name, imDir: 'img1', frameRate: seq.fps, seqLength: seq.frameCount, imWidth: seq.width, imHeight: seq.height, imExt: '.jpg' });
  const get = (k: string): string | undefined => seq.seqinfo.find(([key]) => key === k)?.[1];
  return { ...base, imDir: get('imDir') ?? base.imDir, imExt: get('imExt') ?? base.imExt, entries: seq.seqinfo.length ? seq.seqinfo : base.entries };
}

function atomicWrite(path: string, data: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tw-${process.pid}-${Date.now()}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

function blockOnErrors(findings: FidelityFinding[]): void {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    const first = errors[0]!;
    fail('invalid_file', `Export refused by the fidelity check: ${first.file}${first.line ? `:${first.line}` : ''}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, { findings });
  }
}

/** Writes one sequence's rows as one MOT text file. */
export function exportFile(store: ProjectStore, seq: SequenceRow, source: ExportSource, out: string, o: ExportOptions = {}): ExportReport {
  const file = resolve(out);
  const existed = existsSync(file);
  const { table, columns } = exportRows(store, seq, source);
  const findings = checkTable({ file: basename(file), kind: source.kind, table, columns, seqLength: seq.frameCount, gtLayout: seq.gtLayout });
  if (o.check) return { files: [file], rows: table.count, findings, written: false, existed };
  blockOnErrors(findings);
  if (existed && !o.overwrite) fail('conflict', `${file} exists; choose another name or overwrite`);
  atomicWrite(file, writeMotBytes(table, { columns }));
  return { files: [file], rows: table.count, findings, written: true, existed };
}

/** Lets queued I/O (progress events to the renderer) go out between steps of a long export. */
const yieldToEvents = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Writes a TrackEval benchmark folder for the given sequences (each sequence is read consistently; steps yield). */
export async function exportBenchmark(
  store: ProjectStore,
  seqs: readonly SequenceRow[],
  out: string,
  o: ExportOptions & { split?: string; benchmark?: string; trackerSets?: readonly string[] } = {},
): Promise<ExportReport> {
  const root = resolve(out);
  const existed = existsSync(root);
  if (seqs.length === 0) fail('invalid_request', 'Nothing to export: no sequences selected');
  const bench = o.benchmark ?? seqs.find((s) => s.benchmark)?.benchmark ?? 'MOT17';
  const split = `${bench}-${o.split ?? 'train'}`;
  const findings: FidelityFinding[] = [];
  const files: [rel: string, data: Uint8Array | string][] = [];
  let rows = 0;
  // Steps: one per sequence checked, one per sequence written (its files), one for the move into place.
  const total = 2 * seqs.length + 1;
  for (const [i, seq] of seqs.entries()) {
    const { table, columns } = exportRows(store, seq, { kind: 'gt' });
    const gtRel = `${split}/${seq.name}/gt/gt.txt`;
    findings.push(...checkTable({ file: gtRel, kind: 'gt', table, columns, seqLength: seq.frameCount, gtLayout: seq.gtLayout }));
    const info = seqInfoOf(seq);
    let maxFrame = 0;
    for (let k = 0; k < table.count; k++) maxFrame = Math.max(maxFrame, table.frame[k]!);
    findings.push(...checkSeqInfo(`${split}/${seq.name}/seqinfo.ini`, info, seq.name, maxFrame));
    files.push([gtRel, writeMotBytes(table, { columns })], [`${split}/${seq.name}/seqinfo.ini`, writeSeqInfo(info)]);
    rows += table.count;
    for (const name of o.trackerSets ?? []) {
      const r = exportRows(store, seq, { kind: 'res', name });
      const rel = `trackers/${name}/${seq.name}.txt`;
      findings.push(...checkTable({ file: rel, kind: 'res', table: r.table, columns: r.columns, seqLength: seq.frameCount }));
      files.push([rel, writeMotBytes(r.table, { columns: r.columns })]);
      rows += r.table.count;
    }
    o.onProgress?.(i + 1, total, `checked ${seq.name}`);
    await yieldToEvents();
  }
  files.push([`seqmaps/${split}.txt`, writeSeqmap(seqs.map((s) => s.name))]);
  const report = { files: files.map(([rel]) => join(root, rel)), rows, findings, existed };
  if (o.check) return { ...report, written: false };
  blockOnErrors(findings);
  if (existed && !o.overwrite) fail('conflict', `${root} exists; choose an empty destination or overwrite`);
  const staging = `${root}.tw-partial-${process.pid}-${Date.now()}`;
  try {
    let written = 0;
    for (const [rel, data] of files) {
      atomicWrite(join(staging, rel), data);
      if (rel.endsWith('seqinfo.ini')) {
        o.onProgress?.(seqs.length + ++written, total, `wrote ${rel.split('/')[1]}`);
        await yieldToEvents();
      }
    }
    if (existsSync(root)) rmSync(root, { recursive: true, force: true });
    renameSync(staging, root);
    o.onProgress?.(total, total, `wrote ${root}`);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    fail('io', `Cannot write ${root}: ${(e as Error).message}`);
  }
  return { ...report, written: true };
}
