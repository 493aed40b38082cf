// The MPN graph tracker from the built CLI as a user runs it, on real MOT17 public detections:
// `train --model mpn`, `track --project --tracker mpn --model RUN --eval` (result set and stored
// metrics), `ablate --model mpn`; usage errors in one line with exit code 2, data errors with exit code 1.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { SHARED_DATA } from '../helpers/sharedData';
import { tempDir } from '../helpers/tmp';

let project: string;
let env: NodeJS.ProcessEnv;
let mpnRun: number;

beforeAll(() => {
  const dir = tempDir();
  env = { TRACKWRIGHT_DATA_DIR: join(dir, 'data') };
  const made = runCli(['projects', 'create', 'cli-mpn', '--dir', dir], { env });
  expect(made.code).toBe(0);
  project = made.stdout.trim();
  for (const s of ['MOT17-02-FRCNN', 'MOT17-09-FRCNN']) expect(runCli(['import', '--project', project, join(SHARED_DATA, 'mot17', 'MOT17-train', s)], { env }).code).toBe(0);
}, 30_000);

describe('trackwright train / track / ablate with the MPN', () => {
  it('report usage errors in one line with exit code 2', () => {
    const cases: [string[], RegExp][] = [
      [['track', '--tracker', 'mpn', '--dets', 'det.txt', '--out', 'res.txt'], /the MPN tracker and --model run on a project: add --project FILE/],
      [['track', '--project', project, '--tracker', 'mpn', '--dets', 'det'], /--tracker mpn needs --model RUNID/],
      [['track', '--project', project, '--tracker', 'sort', '--dets', 'det', '--out', 'res.txt'], /--out applies to detection files; with --project the result is a result set/],
      [['track', '--project', project, '--tracker', 'mpn', '--dets', 'det', '--model', '1', '--param', 'k=3'], /unknown mpn parameter "k" \(threshold, minTrackLength, interpolate\)/],
      [['track', '--project', project, '--tracker', 'iou', '--dets', 'det', '--model', '1'], /--model applies to the mpn and appearance trackers/],
      [['train', '--project', project, '--model', 'mpn', '--loss', 'deepmot', '--train', 'MOT17-02-FRCNN', '--steps', '1'], /--loss: the MPN trains with baseline \(B0\) or unitrack \(B1\), not deepmot/],
      [['train', '--project', project, '--model', 'gnn', '--loss', 'baseline', '--train', 'MOT17-02-FRCNN', '--steps', '1'], /--model must be reid or mpn/],
      [['train', '--project', project, '--loss', 'baseline', '--train', 'MOT17-02-FRCNN', '--steps', '1', '--graphs', '2'], /--features-run and --graphs apply to --model mpn/],
      [['ablate', '--project', project, '--train', 'a', '--test', 'b', '--dets', 'det', '--steps', '1', '--graphs', '2'], /--graphs applies to --model mpn/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args, { env });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  }, 30_000);

  it('trains the MPN (B0) and prints its losses, validation and how to track with it', () => {
    const r = runCli(['train', '--project', project, '--model', 'mpn', '--loss', 'baseline', '--train', 'MOT17-02-FRCNN', '--val', 'MOT17-09-FRCNN', '--dets', 'det', '--steps', '3', '--graphs', '1', '--seed', '2'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\[3\/3\] step 3\/3 · loss [\d.]+ · \d+ edges\/s/);
    expect(r.stderr).toMatch(/warning: node features: none/);
    const head = /^run (\d+) succeeded: 3\/3 steps on wasm backend, \d+ edges\/s, [\d.]+ s$/m.exec(r.stdout);
    expect(head, r.stdout).not.toBeNull();
    mpnRun = Number(head![1]);
    expect(r.stdout).toMatch(/^LOSS TERM +LAST STEP\n(.*\n)*bce +[\d.]+/m);
    expect(r.stdout).toMatch(/^validation \(step 3\): bce [\d.]+, accuracy [\d.]+, balancedAccuracy [\d.]+/m);
    expect(r.stdout).toContain(`weights stored with run ${mpnRun} (MPN tracker: trackwright track --tracker mpn --model ${mpnRun})`);
  }, 60_000);

  it('tracks a held-out sequence with the trained model, evaluates it and prints the stored metrics', () => {
    const r = runCli(['track', '--project', project, '--tracker', 'mpn', '--model', String(mpnRun), '--dets', 'det', '--sequences', 'MOT17-09-FRCNN', '--result-set', 'mpn-09', '--eval'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/tracking run \d+ started/);
    expect(r.stdout).toMatch(/^run \d+ succeeded: result set mpn-09, \d+ rows, \d+ tracks on 1 sequence\(s\), [\d.]+ s on wasm backend$/m);
    expect(r.stdout).toMatch(/^evaluation run \d+ \(metrics stored with it\):$/m);
    const row = /^MOT17-09-FRCNN +([\d.]+) +([\d.]+) +(-?[\d.]+) +(\d+)$/m.exec(r.stdout);
    expect(row, r.stdout).not.toBeNull();
    expect(Number(row![1])).toBeGreaterThan(0);
    // The result set exports like any tracker's.
    const out = join(tempDir(), 'mpn-09.txt');
    const ex = runCli(['export', '--project', project, '--sequence', 'MOT17-09-FRCNN', '--source', 'res:mpn-09', '--out', out], { env });
    expect(ex.code, ex.stderr).toBe(0);
    // A run that is not an MPN: the error names the field, exit code 1.
    const bad = runCli(['track', '--project', project, '--tracker', 'mpn', '--model', String(mpnRun + 1), '--dets', 'det'], { env });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^trackwright: error: modelRunId: run \d+ is a track run, not an MPN training run/);
  }, 60_000);

  it('runs the B0 vs B1 ablation and prints the arms and their paired differences', () => {
    const r = runCli(['ablate', '--project', project, '--model', 'mpn', '--train', 'MOT17-02-FRCNN', '--test', 'MOT17-09-FRCNN', '--dets', 'det', '--steps', '1', '--seeds', '1', '--graphs', '1'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Arms on MOT17-09-FRCNN \(mean ± sd over seeds 1;/m);
    expect(r.stdout).toMatch(/^MPN B0 \(class-balanced BCE\) +[\d.]+ /m);
    expect(r.stdout).toMatch(/^MPN B1 \(BCE \+ UniTrack\) +[\d.]+ /m);
    expect(r.stdout).toMatch(/^Paired differences to baseline \(same seeds\)/m);
    expect(r.stdout).not.toMatch(/no training/);
  }, 60_000);
});
