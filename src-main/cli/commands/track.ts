import { existsSync, statSync } from 'node:fs';
import { AppErrorException } from '../../../src-shared/ipc/result';
import { PARAM_SPECS, TRACKER_KINDS, parseParam, type TrackerKind } from '../../../src-shared/tracking/registry';
import { trackFile, trackFolder, type TrackFileResult } from '../../services/tracking/trackFiles';
import type { Command } from '../command';
import { CliError } from '../command';
import { TRACK_PROJECT_HELP, TRACK_PROJECT_USAGE, trackInProject } from './trackProject';

const paramList = TRACKER_KINDS.map((k) => `  ${k.padEnd(11)} ${Object.keys(PARAM_SPECS[k]).join(', ')}`).join('\n');

/** `trackwright track`: runs a tracker on MOTChallenge detections and writes result rows. */
export const trackCommand: Command = {
  name: 'track',
  summary: 'Run SORT, ByteTrack, OC-SORT, IOU or the appearance tracker on a detection file or benchmark folder, or any tracker (MPN included) on a project',
  help: `Usage:
  trackwright track --tracker NAME --dets DET_FILE [--seqinfo SEQINFO.ini] [--preset official]
                    [--param key=value ...] [--format official|canonical] --out RESULT.txt
  trackwright track --tracker NAME --dets BENCH_FOLDER [--det-file det.txt] [options] --out FOLDER
${TRACK_PROJECT_USAGE}

Tracks MOTChallenge detections (frame,-1,x,y,w,h,score,...) and writes MOTChallenge result rows.
With a benchmark folder (e.g. MOT17-train), every sequence that has det/<det-file> is tracked into
FOLDER/<sequence>.txt.

  --tracker NAME      ${TRACKER_KINDS.join(' | ')}
  --dets PATH         a detection file, or a benchmark folder of sequence folders
  --det-file NAME     detection file name inside <sequence>/det/ (folder form; default det.txt)
  --seqinfo FILE      the sequence's seqinfo.ini (default: the one next to det/, when present);
                      gives the sequence name, its length and frame rate, and the frames for 'appearance'
  --preset official   the official evaluation settings: ByteTrack track_buffer 14 for MOT17-05/06 and 25
                      for MOT17-13/14 at frame rate 30, the w*h > 100 and w/h <= 1.6 output filter
                      (ByteTrack, OC-SORT, appearance), the IOU tracker's per-detector settings
  --param key=value   set a tracker parameter (repeatable); parameters per tracker:
${paramList.replace(/^/gm, '    ')}
  --format F          official (default): the official writer's rounding (SORT %.2f, ByteTrack and
                      OC-SORT round(v, 1)), so outputs compare byte for byte; canonical: full precision
  --out PATH          the result file (or folder, with a benchmark folder)

SORT feeds every frame up to the last detection; the other trackers skip frames without detections.
'appearance' uses colour histograms of the detection crops, read from the sequence's frames (img1/).

${TRACK_PROJECT_HELP}`,
  options: {
    tracker: { type: 'string' },
    dets: { type: 'string' },
    'det-file': { type: 'string' },
    seqinfo: { type: 'string' },
    preset: { type: 'string' },
    param: { type: 'string', multiple: true },
    format: { type: 'string' },
    out: { type: 'string' },
    project: { type: 'string' },
    model: { type: 'string' },
    sequences: { type: 'string' },
    'result-set': { type: 'string' },
    eval: { type: 'boolean' },
  },
  async run(values, pos, ctx) {
    if (pos.length) throw new CliError(`unexpected argument ${JSON.stringify(pos[0])} (see: trackwright track --help)`, 2);
    if (values['project'] !== undefined) return trackInProject(values, ctx);
    if (values['tracker'] === 'mpn' || values['model'] !== undefined) throw new CliError('the MPN tracker and --model run on a project: add --project FILE and give --dets a detection set name (see: trackwright track --help)', 2);
    for (const k of ['sequences', 'result-set', 'eval']) if (values[k] !== undefined) throw new CliError(`--${k} applies with --project`, 2);
    const need = (k: string): string => {
      const v = values[k] as string | undefined;
      if (!v) throw new CliError(`track needs --${k} (see: trackwright track --help)`, 2);
      return v;
    };
    const tracker = need('tracker');
    if (!(TRACKER_KINDS as readonly string[]).includes(tracker)) throw new CliError(`unknown tracker ${JSON.stringify(tracker)} (${TRACKER_KINDS.join(', ')})`, 2);
    const kind = tracker as TrackerKind;
    const dets = need('dets');
    const out = need('out');
    const preset = values['preset'] as string | undefined;
    if (preset !== undefined && preset !== 'official') throw new CliError(`unknown preset ${JSON.stringify(preset)} (official)`, 2);
    const format = (values['format'] as string | undefined) ?? 'official';
    if (format !== 'official' && format !== 'canonical') throw new CliError(`--format must be official or canonical, got ${JSON.stringify(format)}`, 2);
    const params: Record<string, number | boolean | string> = {};
    for (const kv of (values['param'] as string[] | undefined) ?? []) {
      const eq = kv.indexOf('=');
      if (eq <= 0) throw new CliError(`--param needs key=value, got ${JSON.stringify(kv)}`, 2);
      const r = parseParam(kind, kv.slice(0, eq), kv.slice(eq + 1));
      if ('error' in r) throw new CliError(r.error, 2);
      params[kv.slice(0, eq)] = r.value;
    }
    const base = { tracker: kind, official: preset === 'official', params, format } as const;
    const show = (r: TrackFileResult): void => ctx.out(`${r.sequence}: ${r.frames} frames, ${r.trackCount} tracks, ${r.rows} rows -> ${r.outPath} (${(r.durationMs / 1000).toFixed(2)} s)`);
    try {
      if (existsSync(dets) && statSync(dets).isDirectory()) {
        if (values['seqinfo'] !== undefined) throw new CliError('--seqinfo applies to a single detection file; a benchmark folder uses each sequence\'s own', 2);
        const detFile = (values['det-file'] as string | undefined) ?? 'det.txt';
        const results = await trackFolder({ ...base, benchDir: dets, detFile, outDir: out, onSequence: (n, i, c) => ctx.info(`tracking ${n} (${i + 1}/${c})`) });
        results.forEach(show);
      } else {
        if (values['det-file'] !== undefined) throw new CliError('--det-file applies to a benchmark folder; --dets is a file', 2);
        const seqinfo = values['seqinfo'] as string | undefined;
        show(await trackFile({ ...base, detsPath: dets, outPath: out, ...(seqinfo !== undefined ? { seqinfoPath: seqinfo } : {}) }));
      }
    } catch (e) {
      if (e instanceof AppErrorException) throw new CliError(`${e.appError.message} [${e.appError.code}]`);
      throw e;
    }
    return 0;
  },
};
