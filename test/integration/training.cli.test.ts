// `trackwright train` and `trackwright ablate` as a user runs them (the built CLI): usage errors in one
// line, progress lines on stderr, the final table on stdout.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

let project: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  const dir = tempDir();
  env = { TRACKWRIGHT_DATA_DIR: join(dir, 'data') };
  // 200 frames at 25 fps: long enough to split in time for validation and for an ablation's test part.
  expect(runCli(['sample', '--out', join(dir, 'walkers'), '--frames', '200', '--figures', '8', '--width', '480', '--height', '270'], { env }).code).toBe(0);
  const made = runCli(['projects', 'create', 'cli-train', '--dir', dir], { env });
  expect(made.code).toBe(0);
  project = made.stdout.trim();
  expect(runCli(['import', '--project', project, join(dir, 'walkers')], { env }).code).toBe(0);
}, 60_000);

describe('trackwright train / ablate', () => {
  it('report usage errors in one line with exit code 2, and data errors with exit code 1', () => {
    for (const args of [
      ['train', '--project', 'p.tw.sqlite', '--loss', 'baseline', '--train', 's'],
      ['train', '--project', 'p.tw.sqlite', '--loss', 'nope', '--train', 's', '--steps', '1'],
      ['train', '--project', 'p.tw.sqlite', '--steps', '1', '--backend', 'tpu'],
      ['ablate', '--project', 'p.tw.sqlite', '--train', 's', '--test', 't', '--dets', 'det', '--steps', '1', '--arms', 'baseline,magic'],
    ]) {
      const r = runCli(args, { env });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^trackwright: error: /);
    }
    const missing = runCli(['train', '--project', project, '--loss', 'baseline', '--train', 'nosuch', '--steps', '1'], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('trackwright: error: The project has no sequence "nosuch" [not_found]');
  });

  it('trains with progress lines and prints the final losses and validation', () => {
    const r = runCli(['train', '--project', project, '--loss', 'unitrack', '--train', 'synthetic-walkers', '--dets', 'det', '--steps', '2', '--seed', '1'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/training run \d+ started/);
    expect(r.stderr).toMatch(/\[2\/2\] step 2\/2 · loss [\d.]+ · λs [\d.]+ λt [\d.]+ · \d+ crops\/s/);
    expect(r.stderr).toMatch(/warning: validation: one sequence, split in time/);
    expect(r.stdout).toMatch(/^run \d+ succeeded: 2\/2 steps on \S+ backend, \d+ crops\/s/m);
    expect(r.stdout).toMatch(/^LOSS TERM +LAST STEP\n(.*\n)*total +[\d.]+/m);
    expect(r.stdout).toMatch(/^validation \(step 2\): nnAccuracy [\d.]+/m);
    const json = runCli(['train', '--project', project, '--loss', 'baseline', '--train', 'synthetic-walkers', '--steps', '1', '--json'], { env });
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ state: 'succeeded', steps: 1, totalSteps: 1 });
  }, 60_000);

  it('runs an ablation on a held-out part and prints the table with the untrained row and the differences', () => {
    const r = runCli(['ablate', '--project', project, '--train', 'synthetic-walkers', '--test', 'synthetic-walkers', '--dets', 'det', '--steps', '1', '--seeds', '1', '--arms', 'baseline,contrastive'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/ablation run \d+ started/);
    expect(r.stderr).toMatch(/warning: one sequence split in time/);
    expect(r.stdout).toMatch(/^Arms on synthetic-walkers\[\d+-200\]/);
    expect(r.stdout).toMatch(/^ARM +HOTA +AssA +IDF1 +MOTA +IDSW +T1\/1k +T2\/1k +T3\/1k$/m);
    for (const label of ['no training (colour histograms)', 'baseline (CE + triplet)', '+ contrastive (FDTA)']) expect(r.stdout).toContain(label);
    expect(r.stdout).toMatch(/Paired differences to baseline .* no CI: it needs at least 5 test sequences, got 1/);
    expect(r.stdout).toMatch(/^\+ contrastive \(FDTA\) +[+-]\d\.\d{4} +[+-]\d\.\d{4} +[+-]\d+\.\d$/m);
  }, 60_000);
});
