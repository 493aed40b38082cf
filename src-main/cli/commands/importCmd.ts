import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ImportReport } from '../../../src-shared/ipc/schemas';
import type { Command, CommandContext } from '../command';
import { call, CliError } from '../command';

const VIDEO = ['.mp4', '.avi', '.mov', '.mkv', '.webm', '.m4v', '.mpg', '.mpeg', '.wmv'];
const IMAGE = ['.jpg', '.jpeg', '.png', '.bmp', '.webp', '.tif', '.tiff'];
const KINDS = ['mot', 'frames', 'video', 'gt', 'det', 'res', 'results'] as const;
type Kind = (typeof KINDS)[number];

/** What a path looks like when --as is not given. */
export function guessKind(path: string): Kind | undefined {
  if (!existsSync(path)) return undefined;
  if (statSync(path).isFile()) return VIDEO.includes(extname(path).toLowerCase()) ? 'video' : undefined;
  if (existsSync(join(path, 'seqinfo.ini'))) return 'mot';
  const entries = readdirSync(path, { withFileTypes: true });
  if (entries.some((e) => e.isDirectory() && existsSync(join(path, e.name, 'seqinfo.ini')))) return 'mot';
  if (entries.some((e) => e.isFile() && IMAGE.includes(extname(e.name).toLowerCase()))) return 'frames';
  if (entries.some((e) => e.isFile() && e.name.endsWith('.txt'))) return 'results';
  return undefined;
}

function print(ctx: CommandContext, r: ImportReport): void {
  for (const s of r.sequences) {
    ctx.out(`${s.name}: ${s.frameCount} frames${s.hasFrames ? '' : ' (no images)'}, ${s.trackCount} tracks, ${s.boxCount} boxes, ${s.sets.length} sets`);
  }
  for (const set of r.sets) ctx.out(`  ${set.sequence}: ${set.kind === 'det' ? 'detections' : 'results'} "${set.name}", ${set.rows} rows`);
  for (const w of r.warnings) ctx.info(`warning: ${w}`);
  if (r.skippedCount) {
    ctx.info(`skipped ${r.skippedCount} bad line(s):`);
    for (const e of r.skipped.slice(0, 20)) ctx.info(`  ${e.message}`);
  }
  ctx.info(`imported in ${r.durationMs} ms`);
}

/** `trackwright import`. */
export const importCommand: Command = {
  name: 'import',
  summary: 'Import MOTChallenge folders, frame folders, videos, or gt/det/result files into a project',
  help: `Usage: trackwright import --project FILE.tw.sqlite PATH [options]

PATH is, by default recognised from what it is:
  a MOTChallenge sequence folder (seqinfo.ini, gt/gt.txt, det/*.txt, img1/), or a benchmark folder of
  them (using <dataset>/seqmaps/<folder>.txt when present)                        --as mot
  a folder of images (frames in natural order: f2 before f10)                    --as frames
  a video file (every frame decoded, frame-exact, with ffmpeg)                   --as video
  a tracker folder trackers/<name>/<sequence>.txt (one result set per sequence) --as results
A single text file needs --as gt|det|res and --sequence.

Parsing is strict and TrackEval-compatible. A file with bad lines imports nothing and each bad line is
reported with file, line, column, value and what was expected, unless --skip-bad-lines is given.

  --project FILE     the project file (created with: trackwright projects create)
  --as KIND          mot | frames | video | gt | det | res | results
  --sequence S       target sequence (name or id) for gt/det/res files
  --name N           sequence name (frames, video) or set name (det, res, results)
  --fps F            frame rate of a frame folder (default 30)
  --replace          gt: replace the sequence's existing annotations
  --skip-bad-lines   import the good lines and list the bad ones
  --json             print the import report as JSON`,
  options: {
    project: { type: 'string' },
    as: { type: 'string' },
    sequence: { type: 'string' },
    name: { type: 'string' },
    fps: { type: 'string' },
    replace: { type: 'boolean' },
    'skip-bad-lines': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(v, pos, ctx) {
    const project = v['project'] as string | undefined;
    if (!project) throw new CliError('import needs --project FILE.tw.sqlite', 2);
    if (pos.length !== 1) throw new CliError('import needs exactly one PATH (see: trackwright import --help)', 2);
    const path = pos[0]!;
    const kind = (v['as'] as Kind | undefined) ?? guessKind(path);
    if (kind === undefined) throw new CliError(existsSync(path) ? `cannot tell what ${path} is: give --as ${KINDS.join('|')}` : `${path} does not exist`);
    if (!KINDS.includes(kind)) throw new CliError(`--as must be one of ${KINDS.join(', ')}`, 2);
    await call(ctx, 'projects.open', { path: project });
    const name = v['name'] as string | undefined;
    const skipBadLines = v['skip-bad-lines'] === true;
    let report: ImportReport;
    switch (kind) {
      case 'mot':
        report = await call(ctx, 'import.mot', { project, path, skipBadLines });
        break;
      case 'frames': {
        const fps = v['fps'] === undefined ? undefined : Number(v['fps']);
        if (fps !== undefined && !(fps > 0)) throw new CliError(`--fps must be a number > 0, got ${JSON.stringify(v['fps'])}`, 2);
        report = await call(ctx, 'import.frames', { project, folder: path, ...(name ? { name } : {}), ...(fps ? { fps } : {}) });
        break;
      }
      case 'video': {
        const off = ctx.backend().events.subscribe((event, p) => {
          if (event === 'jobs.progress' && 'done' in p) ctx.info(`  ${p.message} (${p.done}/${p.total})`);
        });
        try {
          report = await call(ctx, 'import.video', { project, file: path, ...(name ? { name } : {}) });
        } finally {
          off();
        }
        break;
      }
      case 'results':
        report = await call(ctx, 'import.results', { project, folder: path, ...(name ? { name } : {}), skipBadLines });
        break;
      default: {
        const sequence = v['sequence'] as string | undefined;
        if (!sequence) throw new CliError(`--as ${kind} needs --sequence NAME`, 2);
        report = await call(ctx, 'import.file', {
          project,
          sequence: /^\d+$/.test(sequence) ? Number(sequence) : sequence,
          kind,
          file: path,
          ...(name ? { name } : {}),
          replace: v['replace'] === true,
          skipBadLines,
        });
      }
    }
    if (v['json']) ctx.out(JSON.stringify(report, null, 2));
    else print(ctx, report);
    return 0;
  },
};
