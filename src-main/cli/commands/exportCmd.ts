import type { Command } from '../command';
import { call, CliError } from '../command';

const seqRef = (s: string): number | string => (/^\d+$/.test(s) ? Number(s) : s);

/** `trackwright export`. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'Export MOTChallenge files (gt, det, results) or a whole TrackEval benchmark folder',
  help: `Usage:
  trackwright export --project FILE --sequence S --out FILE.txt [--source gt|det:NAME|res:NAME]
  trackwright export --project FILE --benchmark-folder --out FOLDER [--sequence S ...]
                     [--benchmark MOT17] [--split train] [--trackers NAME[,NAME...]]

The first form writes one file (default source: the annotations, as gt.txt). The second writes
  FOLDER/<BENCH>-<split>/<seq>/gt/gt.txt and seqinfo.ini, FOLDER/seqmaps/<BENCH>-<split>.txt, and
  FOLDER/trackers/<name>/<seq>.txt for each --trackers result set,
on which TrackEval runs as it is (GT_FOLDER=FOLDER, TRACKERS_FOLDER=FOLDER/trackers, TRACKER_SUB_FOLDER='').
A MOTChallenge fidelity check runs first (1-based frames and ids, no duplicate (frame, id), frames within
seqLength, valid classes, consistent seqinfo); errors write nothing, warnings are printed.

  --project FILE        the project file
  --out PATH            the file or folder to write (must not exist unless --overwrite)
  --sequence S          a sequence name or id (repeatable for the folder form; default: all)
  --source SRC          gt (default) | det:NAME | res:NAME
  --benchmark-folder    write a benchmark folder
  --benchmark B         benchmark name of the folder (default: the sequences', else MOT17)
  --split S             split suffix (default train)
  --trackers N,...      result sets to write as trackers/<name>/
  --overwrite           replace an existing destination
  --check               run the fidelity check and list the files; write nothing (exit 1 on errors)`,
  options: {
    project: { type: 'string' },
    out: { type: 'string' },
    sequence: { type: 'string', multiple: true },
    source: { type: 'string' },
    'benchmark-folder': { type: 'boolean' },
    benchmark: { type: 'string' },
    split: { type: 'string' },
    trackers: { type: 'string' },
    overwrite: { type: 'boolean' },
    check: { type: 'boolean' },
  },
  async run(v, pos, ctx) {
    if (pos.length) throw new CliError(`unexpected argument ${JSON.stringify(pos[0])}`, 2);
    const project = v['project'] as string | undefined;
    const out = v['out'] as string | undefined;
    if (!project || !out) throw new CliError('export needs --project FILE and --out PATH', 2);
    await call(ctx, 'projects.open', { path: project });
    const sequences = (v['sequence'] as string[] | undefined)?.map(seqRef);
    const overwrite = v['overwrite'] === true;
    const check = v['check'] === true;
    let report;
    if (v['benchmark-folder']) {
      const trackers = (v['trackers'] as string | undefined)?.split(',').map((s) => s.trim()).filter(Boolean);
      report = await call(ctx, 'export.benchmark', {
        project,
        out,
        overwrite,
        check,
        ...(sequences ? { sequences } : {}),
        ...(v['benchmark'] ? { benchmark: v['benchmark'] as string } : {}),
        ...(v['split'] ? { split: v['split'] as string } : {}),
        ...(trackers ? { trackerSets: trackers } : {}),
      });
    } else {
      if (sequences?.length !== 1) throw new CliError('export of one file needs exactly one --sequence (or use --benchmark-folder)', 2);
      const src = (v['source'] as string | undefined) ?? 'gt';
      const m = /^(det|res):(.+)$/.exec(src);
      if (src !== 'gt' && !m) throw new CliError(`--source must be gt, det:NAME or res:NAME, got ${JSON.stringify(src)}`, 2);
      report = await call(ctx, 'export.file', {
        project,
        sequence: sequences[0]!,
        source: m ? { kind: m[1] as 'det' | 'res', name: m[2]! } : { kind: 'gt' },
        out,
        overwrite,
        check,
      });
    }
    for (const f of report.findings) ctx.info(`${f.severity}: ${f.file}${f.line ? `:${f.line}` : ''}: ${f.message}`);
    for (const f of report.files) ctx.out(f);
    if (!report.written) {
      const errors = report.findings.filter((f) => f.severity === 'error').length;
      ctx.info(`check: ${report.rows} rows in ${report.files.length} file(s), ${errors} error(s), ${report.findings.length - errors} warning(s); nothing written${report.existed ? ` (${out} exists: writing needs --overwrite)` : ''}`);
      return errors ? 1 : 0;
    }
    ctx.info(`${report.rows} rows in ${report.files.length} file(s)`);
    return 0;
  },
};
