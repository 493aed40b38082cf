// `trackwright track` as a user runs it (the built CLI): with --preset official its files equal the
// official trackers' outputs in ../shared/data/parity byte for byte, for one file and a whole folder.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { SHARED_DATA } from '../helpers/sharedData';

const DATA = SHARED_DATA;

describe('trackwright track', () => {
  it('ByteTrack on MOT17-05-SDP (track_buffer 14 by sequence name) reproduces the official file', () => {
    const out = join(tempDir(), 'MOT17-05-SDP.txt');
    const r = runCli(['track', '--tracker', 'bytetrack', '--dets', join(DATA, 'mot17', 'MOT17-train', 'MOT17-05-SDP', 'det', 'det_yolox.txt'), '--preset', 'official', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^MOT17-05-SDP: 837 frames, \d+ tracks, 6173 rows -> /);
    expect(readFileSync(out, 'utf8') === readFileSync(join(DATA, 'parity', 'bytetrack_yolox', 'MOT17-05-SDP.txt'), 'utf8')).toBe(true);
  });

  it('tracks a benchmark folder: SORT on MOT15 with det_sort_frcnn.txt equals every given parity file', () => {
    const outDir = tempDir();
    const r = runCli(['track', '--tracker', 'sort', '--dets', join(DATA, 'mot15', 'MOT15-train'), '--det-file', 'det_sort_frcnn.txt', '--preset', 'official', '--out', outDir]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(11);
    expect(r.stderr).toMatch(/tracking ADL-Rundle-6 \(1\/11\)/);
    for (const f of readdirSync(join(DATA, 'parity', 'sort_mot15_frcnn'))) {
      expect(readFileSync(join(outDir, f), 'utf8') === readFileSync(join(DATA, 'parity', 'sort_mot15_frcnn', f), 'utf8'), f).toBe(true);
    }
  });

  it('takes --param values and writes canonical rows on request', () => {
    const out = join(tempDir(), 'r.txt');
    const r = runCli(['track', '--tracker', 'ocsort', '--dets', join(DATA, 'mot17', 'MOT17-train', 'MOT17-09-SDP', 'det', 'det_yolox.txt'), '--param', 'detThresh=0.5', '--param', 'assoFunc=giou', '--format', 'canonical', '--out', out]);
    expect(r.code).toBe(0);
    const first = readFileSync(out, 'utf8').split('\n')[0]!;
    expect(first).toMatch(/^1,\d+,[-\d.]+,[-\d.]+,[\d.]+,[\d.]+,-1,-1,-1,-1$/);
  });

  it('fails with one line: usage errors exit 2, bad input exits 1', () => {
    const cases: [string[], number, RegExp][] = [
      [['track', '--dets', 'x', '--out', 'y'], 2, /needs --tracker/],
      [['track', '--tracker', 'deepsort', '--dets', 'x', '--out', 'y'], 2, /unknown tracker "deepsort"/],
      [['track', '--tracker', 'sort', '--dets', 'x', '--out', 'y', '--param', 'maxAge=-1'], 2, /maxAge must be between 0 and/],
      [['track', '--tracker', 'sort', '--dets', 'x', '--out', 'y', '--param', 'speed=2'], 2, /unknown parameter "speed" for sort/],
      [['track', '--tracker', 'sort', '--dets', join(tempDir(), 'none.txt'), '--out', 'y'], 1, /does not exist or is not a file \[not_found\]/],
    ];
    for (const [args, code, msg] of cases) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(msg);
    }
  });

  it('explains itself in --help', () => {
    const r = runCli(['track', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--preset official/);
    expect(r.stdout).toMatch(/bytetrack\s+trackThresh, trackBuffer/);
  });
});
