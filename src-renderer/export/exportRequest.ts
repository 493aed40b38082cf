// The export dialog's form as API requests (pure: unit-tested without a browser).
import type { ApiRequest } from '../../src-shared/ipc/contract';
import type { SequenceSummary } from '../../src-shared/ipc/schemas';

/** What the dialog exports. */
export type ExportFormat = 'benchmark' | 'gt' | 'det' | 'res';

/** The dialog's fields. */
export interface ExportForm {
  readonly format: ExportFormat;
  /** Benchmark folder: the sequences (ids); one file: the first is the sequence. */
  readonly sequences: readonly number[];
  /** Benchmark folder: result sets written as trackers/<name>/; one det/res file: the set (first entry). */
  readonly sets: readonly string[];
  readonly out: string;
  readonly benchmark: string;
  readonly split: string;
  readonly overwrite: boolean;
}

/** The set names of `kind` present in every one of `seqs` (a benchmark folder needs each tracker on every sequence). */
export function commonSets(seqs: readonly SequenceSummary[], kind: 'det' | 'res'): string[] {
  if (seqs.length === 0) return [];
  const [first, ...rest] = seqs;
  return first!.sets
    .filter((s) => s.kind === kind && rest.every((q) => q.sets.some((t) => t.kind === kind && t.name === s.name)))
    .map((s) => s.name)
    .sort();
}

/** A default destination beside the project file: <project dir>/export/<name>. */
export function defaultOut(project: string, format: ExportFormat, seq: SequenceSummary | undefined): string {
  const dir = project.replace(/[\\/][^\\/]*$/, '') || '.';
  const sep = project.includes('\\') && !project.includes('/') ? '\\' : '/';
  if (format === 'benchmark') return `${dir}${sep}export${sep}benchmark`;
  return `${dir}${sep}export${sep}${seq?.name ?? 'sequence'}-${format}.txt`;
}

/** Why the form cannot be sent yet, or undefined. */
export function formProblem(f: ExportForm): string | undefined {
  if (!f.out.trim()) return 'Choose where to write';
  if (f.sequences.length === 0) return 'Choose at least one sequence';
  if (f.format !== 'benchmark' && f.sequences.length !== 1) return 'One file is one sequence';
  if ((f.format === 'det' || f.format === 'res') && !f.sets[0]) return `Choose a ${f.format === 'det' ? 'detection' : 'result'} set`;
  if (f.format === 'benchmark' && !/^[\w-]+$/.test(f.split)) return 'The split is letters, digits, - and _';
  if (f.format === 'benchmark' && f.benchmark && !/^[\w-]+$/.test(f.benchmark)) return 'The benchmark name is letters, digits, - and _';
  return undefined;
}

/** The request for the form (`check`: the fidelity check only). */
export function exportRequest(
  project: string,
  f: ExportForm,
  o: { check: boolean; progressId?: string },
): { channel: 'export.benchmark'; request: ApiRequest<'export.benchmark'> } | { channel: 'export.file'; request: ApiRequest<'export.file'> } {
  const common = { project, out: f.out.trim(), overwrite: f.overwrite, check: o.check };
  if (f.format === 'benchmark') {
    return {
      channel: 'export.benchmark',
      request: {
        ...common,
        sequences: [...f.sequences],
        split: f.split,
        ...(f.benchmark ? { benchmark: f.benchmark } : {}),
        ...(f.sets.length ? { trackerSets: [...f.sets] } : {}),
        ...(o.progressId ? { progressId: o.progressId } : {}),
      },
    };
  }
  const source = f.format === 'gt' ? ({ kind: 'gt' } as const) : { kind: f.format, name: f.sets[0]! };
  return { channel: 'export.file', request: { ...common, sequence: f.sequences[0]!, source } };
}
