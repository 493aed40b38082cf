import { writeFileSync } from 'node:fs';
import type { Command } from '../command';
import { CliError } from '../command';
import { AppErrorException } from '../../../src-shared/ipc/result';
import type { Benchmark } from '../../../src-shared/metrics/motChallenge';
import { FIELD_ORDER } from '../../../src-shared/metrics/trackEval';
import { evaluateFolders, type EvaluationReport, type SequenceReport } from '../../services/evaluation/evaluateFolders';
import { formatG5, trackEvalTables } from '../../services/evaluation/tables';

const BENCHMARKS: readonly Benchmark[] = ['MOT15', 'MOT16', 'MOT17', 'MOT20'];

/** `{ "<seq>": { field: value }, ..., "COMBINED_SEQ": { ... } }` with TrackEval's field names. */
function fieldsJson(r: EvaluationReport): Record<string, Readonly<Record<string, number>>> {
  const out: Record<string, Readonly<Record<string, number>>> = {};
  for (const s of r.sequences) out[s.name] = s.fields;
  out['COMBINED_SEQ'] = r.combined.fields;
  return out;
}

function csv(r: EvaluationReport): string {
  const rows = [...r.sequences, r.combined];
  const cell = (s: SequenceReport, f: string): string => (f in s.fields ? String(s.fields[f]) : '');
  return [['seq', ...FIELD_ORDER].join(','), ...rows.map((s) => [s.name, ...FIELD_ORDER.map((f) => cell(s, f))].join(','))].join('\n') + '\n';
}

/** The ID-switch events as a table, with per-sequence totals by type. */
function eventLines(r: EvaluationReport): string[] {
  const lines: string[] = [];
  const pad = (cells: (string | number)[]): string => cells.map((c, i) => String(c).padEnd([16, 6, 6, 13, 5, 5, 9, 8, 7, 0][i] ?? 0)).join(' ').trimEnd();
  lines.push('', 'ID switches (METHODS.md §5: Type 1 after occlusion, Type 2 temporal, Type 3 inter-subject swap)');
  lines.push(pad(['SEQ', 'FRAME', 'GT', 'OLD -> NEW', 'GAP', 'TYPE', 'KIND', 'PARTNER', 'MUTUAL', 'IDTP COST']));
  for (const s of r.sequences) {
    for (const e of s.switches?.events ?? []) {
      lines.push(pad([s.name, e.frame, e.gtId, `${e.prevTrackerId} -> ${e.newTrackerId}`, e.gap, e.type, e.kind, e.partnerGtId ?? '-', e.mutual ? 'yes' : 'no', e.idtpCost]));
    }
  }
  lines.push('');
  for (const s of r.sequences) {
    const t = s.switches?.totals;
    if (t) lines.push(`${s.name.padEnd(35)}IDSW ${t.idsw} = Type 1: ${t.type1} + Type 2: ${t.type2} + Type 3: ${t.type3} (mutual: ${t.mutual}); fragmentations: ${s.switches!.fragmentations.length}`);
  }
  return lines;
}

/** `trackwright eval`: TrackEval-identical HOTA / CLEAR / Identity / Count for a MOTChallenge tracker folder. */
export const evalCommand: Command = {
  name: 'eval',
  summary: 'Evaluate a tracker folder like TrackEval (HOTA, CLEAR, Identity) and classify ID switches',
  help: `Usage:
  trackwright eval --gt <DATASET>/<BENCH>-train --trackers <DATASET>/trackers/<name>
                   [--seqmap FILE] [--benchmark MOT15|MOT16|MOT17|MOT20] [--no-preproc]
                   [--json FILE] [--csv FILE] [--events]

Reads the MOTChallenge layout TrackEval reads (<gt>/<seq>/gt/gt.txt and seqinfo.ini, <trackers>/<seq>.txt)
and prints TrackEval's tables (values in percent, as TrackEval prints them).

  --gt FOLDER        the benchmark split folder, e.g. data/MOT17-train
  --trackers FOLDER  one tracker's folder, e.g. data/trackers/MyTracker
  --seqmap FILE      sequences to evaluate (default: <DATASET>/seqmaps/<BENCH>-train.txt, as TrackEval)
  --benchmark NAME   MOT15, MOT16, MOT17 or MOT20 (default: from the GT folder's name, else MOT17)
  --no-preproc       no MOTChallenge preprocessing (distractor removal, class filter)
  --json FILE        write {"<seq>": {<TrackEval field>: value}, ..., "COMBINED_SEQ": {...}} (fractions)
  --csv FILE         write every field of every sequence as CSV
  --events           list every ID switch with its type (Type 1/2/3) and IDTP cost`,
  options: {
    gt: { type: 'string' },
    trackers: { type: 'string' },
    seqmap: { type: 'string' },
    benchmark: { type: 'string' },
    'no-preproc': { type: 'boolean' },
    json: { type: 'string' },
    csv: { type: 'string' },
    events: { type: 'boolean' },
  },
  async run(values, pos, ctx) {
    if (pos.length) throw new CliError(`unexpected argument ${JSON.stringify(pos[0])} (see: trackwright eval --help)`, 2);
    const gt = values['gt'] as string | undefined;
    const trackers = values['trackers'] as string | undefined;
    if (!gt || !trackers) throw new CliError('eval needs --gt FOLDER and --trackers FOLDER (see: trackwright eval --help)', 2);
    const bench = values['benchmark'] as string | undefined;
    const benchmark = bench === undefined ? undefined : BENCHMARKS.find((b) => b === bench.toUpperCase());
    if (bench !== undefined && !benchmark) throw new CliError(`--benchmark must be one of ${BENCHMARKS.join(', ')}, got ${JSON.stringify(bench)}`, 2);
    const seqmap = values['seqmap'] as string | undefined;
    let report: EvaluationReport;
    try {
      report = evaluateFolders({
        gtFolder: gt,
        trackerFolder: trackers,
        ...(seqmap !== undefined ? { seqmapFile: seqmap } : {}),
        ...(benchmark ? { benchmark } : {}),
        doPreproc: !values['no-preproc'],
        events: Boolean(values['events']),
      });
    } catch (e) {
      if (e instanceof AppErrorException) throw new CliError(e.appError.message);
      throw e;
    }
    ctx.info(
      `${report.tracker}: ${report.sequences.length} sequence(s), ${report.benchmark}, preprocessing ${report.doPreproc ? 'on' : 'off'}, ${formatG5(report.durationMs)} ms`,
    );
    for (const line of trackEvalTables(report)) ctx.out(line);
    if (values['events']) for (const line of eventLines(report)) ctx.out(line);
    const write = (file: string, text: string): void => {
      try {
        writeFileSync(file, text);
      } catch (e) {
        throw new CliError(`cannot write ${file}: ${(e as Error).message}`);
      }
    };
    if (values['json']) write(values['json'] as string, JSON.stringify(fieldsJson(report), null, 1) + '\n');
    if (values['csv']) write(values['csv'] as string, csv(report));
    return 0;
  },
};
