// Imports gt.txt / det.txt / tracker result files into sequences that already exist.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { MotKind } from '../../../src-shared/formats/motTable';
import type { ParseMotResult } from '../../../src-shared/formats/parseMotText';
import type { ImportReport } from '../../../src-shared/ipc/schemas';
import { fail } from '../../../src-shared/ipc/result';
import { compareNatural } from '../../../src-shared/util/naturalSort';
import type { ProjectStore } from '../../store/project/projectStore';
import type { SequenceRow } from '../../store/project/readers/sequences';
import { resolveSequence } from '../sequences/resolve';
import { sequenceSummary } from '../sequences/summary';
import { asAnnotation, type ImportOptions } from './importMot';
import { checkParseErrors, readMotFile } from './motFiles';

/** One text file into one sequence. */
export interface TextFileImport extends ImportOptions {
  readonly sequence: number | string;
  readonly kind: MotKind;
  readonly file: string;
  /** det/res: the set's name (default: the file name without .txt, or the tracker folder name). */
  readonly name?: string;
  /** gt: replace existing annotations (their edit history goes with them). */
  readonly replace?: boolean;
}

function report(store: ProjectStore, seq: SequenceRow, parsed: ParseMotResult, kind: MotKind, name: string, started: number): ImportReport {
  return {
    sequences: [sequenceSummary(store, store.sequences.get(seq.id)!)],
    sets: kind === 'gt' ? [] : [{ sequence: seq.name, kind, name, rows: parsed.table.count }],
    gtRows: kind === 'gt' ? parsed.table.count : 0,
    skipped: parsed.errors.slice(0, 1000),
    skippedCount: parsed.errorCount,
    warnings: [],
    durationMs: Math.round(performance.now() - started),
  };
}

/** Imports a gt, det or res file into an existing sequence (all or nothing). */
export async function importTextFile(store: ProjectStore, r: TextFileImport): Promise<ImportReport> {
  const started = performance.now();
  const seq = resolveSequence(store, r.sequence);
  const file = resolve(r.file);
  const parsed = await readMotFile(file, {
    kind: r.kind,
    label: basename(file),
    seqLength: seq.frameCount,
    ...(r.kind === 'gt' && seq.benchmark ? { gtLayout: seq.gtLayout } : {}),
  });
  checkParseErrors([parsed], r.skipBadLines ?? false);
  const now = r.nowMs ?? Date.now();
  const name = r.name ?? (r.kind === 'res' ? basename(file, '.txt') : basename(file, '.txt'));
  if (r.kind === 'gt') {
    if (store.boxes.tracks(seq.id).length > 0 && !r.replace) {
      fail('conflict', `${seq.name} already has annotations; import with replace to overwrite them (their edit history is dropped)`);
    }
    store.transaction(() => {
      store.boxes.removeAll(seq.id);
      store.history.clear(seq.id);
      store.sequences.setGtConventions(seq.id, { benchmark: seq.benchmark, gtLayout: parsed.gtLayout!, gtColumns: parsed.table.columns });
      store.boxes.insertAll(seq.id, asAnnotation(parsed.table), parsed.gtLayout === 'class-visibility');
    });
  } else {
    if (store.sets.find(seq.id, r.kind, name)) fail('conflict', `${seq.name} already has a ${r.kind === 'det' ? 'detection' : 'result'} set named ${name}`);
    store.transaction(() =>
      store.sets.insert({ sequenceId: seq.id, kind: r.kind as 'det' | 'res', name, originKind: 'imported', origin: { file }, columns: parsed.table.columns, createdMs: now }, parsed.table),
    );
  }
  return report(store, seq, parsed, r.kind, name, started);
}

/**
 * Imports a TrackEval tracker folder (`trackers/<name>/<sequence>.txt`): each file becomes a result set
 * named after the folder in the sequence of the same name. All files are checked before any is written.
 */
export async function importResultFolder(store: ProjectStore, folder: string, o: ImportOptions & { name?: string } = {}): Promise<ImportReport> {
  const started = performance.now();
  const dir = resolve(folder);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail('not_found', `${dir} is not a folder`);
  const name = o.name ?? basename(dir);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort(compareNatural);
  const warnings: string[] = [];
  const plans: { seq: SequenceRow; parsed: ParseMotResult; file: string }[] = [];
  for (const f of files) {
    const seq = store.sequences.byName(f.slice(0, -4));
    if (!seq) {
      warnings.push(`${f}: no sequence named ${f.slice(0, -4)} in the project; skipped`);
      continue;
    }
    if (store.sets.find(seq.id, 'res', name)) fail('conflict', `${seq.name} already has a result set named ${name}`);
    plans.push({ seq, file: join(dir, f), parsed: await readMotFile(join(dir, f), { kind: 'res', label: `${basename(dir)}/${f}`, seqLength: seq.frameCount }) });
  }
  if (plans.length === 0) fail('not_found', `${dir} has no <sequence>.txt file matching a sequence of the project`);
  const skipped = checkParseErrors(plans.map((p) => p.parsed), o.skipBadLines ?? false);
  const now = o.nowMs ?? Date.now();
  store.transaction(() => {
    for (const p of plans) {
      store.sets.insert({ sequenceId: p.seq.id, kind: 'res', name, originKind: 'imported', origin: { file: p.file }, columns: p.parsed.table.columns, createdMs: now }, p.parsed.table);
    }
  });
  return {
    sequences: plans.map((p) => sequenceSummary(store, store.sequences.get(p.seq.id)!)),
    sets: plans.map((p) => ({ sequence: p.seq.name, kind: 'res' as const, name, rows: p.parsed.table.count })),
    gtRows: 0,
    skipped: skipped.slice(0, 1000),
    skippedCount: plans.reduce((n, p) => n + p.parsed.errorCount, 0),
    warnings,
    durationMs: Math.round(performance.now() - started),
  };
}
