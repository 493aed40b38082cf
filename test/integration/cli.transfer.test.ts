// The CLI's import / sequences / export / sample commands on real files.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { SHARED_DATA } from '../helpers/sharedData';
import { tempDir } from '../helpers/tmp';

describe('trackwright import / sequences / export', () => {
  it('imports a benchmark folder and a tracker folder, lists, and exports a TrackEval folder', () => {
    const dataDir = tempDir();
    const project = runCli(['projects', 'create', 'cli', '--data-dir', dataDir]).stdout.trim();
    const imp = runCli(['import', '--project', project, join(SHARED_DATA, 'mot15_tud', 'MOT15-train'), '--data-dir', dataDir]);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toMatch(/^TUD-Campus: 71 frames \(no images\), 8 tracks, 359 boxes, 0 sets$/m);
    const res = runCli(['import', '--project', project, join(SHARED_DATA, 'mot15_tud', 'trackers', 'pymotmetrics_test'), '--data-dir', dataDir]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/TUD-Stadtmitte: results "pymotmetrics_test", \d+ rows/);
    const list = JSON.parse(runCli(['sequences', '--project', project, '--json', '--data-dir', dataDir]).stdout) as { name: string; sets: unknown[] }[];
    expect(list.map((s) => [s.name, s.sets.length])).toEqual([['TUD-Campus', 1], ['TUD-Stadtmitte', 1]]);
    const out = join(tempDir(), 'bench');
    const exp = runCli(['export', '--project', project, '--benchmark-folder', '--out', out, '--trackers', 'pymotmetrics_test', '--data-dir', dataDir]);
    expect(exp.code, exp.stderr).toBe(0);
    expect(readFileSync(join(out, 'seqmaps', 'MOT15-train.txt'), 'utf8')).toBe('name\nTUD-Campus\nTUD-Stadtmitte\n');
    expect(exp.stdout).toContain(join(out, 'trackers', 'pymotmetrics_test', 'TUD-Campus.txt'));
    const again = runCli(['export', '--project', project, '--benchmark-folder', '--out', out, '--data-dir', dataDir]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toMatch(/^trackwright: error: .* exists; choose an empty destination or overwrite \[conflict\]$/);
  });

  it('--check runs the fidelity check and writes nothing; the export itself then refuses the same errors', () => {
    const dataDir = tempDir();
    const project = runCli(['projects', 'create', 'check', '--data-dir', dataDir]).stdout.trim();
    runCli(['import', '--project', project, join(SHARED_DATA, 'mot15_tud', 'MOT15-train', 'TUD-Campus'), '--data-dir', dataDir]);
    // Column 8 = 2 in a result file: TrackEval reads it as a class and refuses the file.
    const file = join(tempDir(), 'res.txt');
    writeFileSync(file, '1,1,10,10,20,40,0.9,2,-1,-1\n2,1,11,10,20,40,0.9,1,-1,-1\n');
    expect(runCli(['import', '--project', project, '--as', 'res', '--sequence', 'TUD-Campus', '--name', 'bad', file, '--data-dir', dataDir]).code).toBe(0);
    const out = join(tempDir(), 'bench');
    const check = runCli(['export', '--project', project, '--benchmark-folder', '--out', out, '--trackers', 'bad', '--check', '--data-dir', dataDir]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('error: trackers/bad/TUD-Campus.txt:1: column 8 is 2: TrackEval reads it as a class and refuses classes > 1');
    expect(check.stderr).toMatch(/check: \d+ rows in 4 file\(s\), 1 error\(s\), 0 warning\(s\); nothing written/);
    expect(existsSync(out)).toBe(false);
    const write = runCli(['export', '--project', project, '--benchmark-folder', '--out', out, '--trackers', 'bad', '--data-dir', dataDir]);
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/Export refused by the fidelity check: trackers\/bad\/TUD-Campus.txt:1: column 8 is 2/);
    expect(existsSync(out)).toBe(false);
    // Without the bad set, the check passes and still writes nothing.
    const ok = runCli(['export', '--project', project, '--benchmark-folder', '--out', out, '--check', '--data-dir', dataDir]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(existsSync(out)).toBe(false);
  });

  it('reports a bad line with file, line, column, value and expectation, in one line, and exits 1', () => {
    const dataDir = tempDir();
    const project = runCli(['projects', 'create', 'bad', '--data-dir', dataDir]).stdout.trim();
    runCli(['import', '--project', project, join(SHARED_DATA, 'mot15_tud', 'MOT15-train', 'TUD-Campus'), '--data-dir', dataDir]);
    const file = join(tempDir(), 'res.txt');
    writeFileSync(file, '1,1,1,1,10,10,1,-1,-1,-1\n1,2,1,1,10,abc,1,-1,-1,-1\n');
    const r = runCli(['import', '--project', project, '--as', 'res', '--sequence', 'TUD-Campus', file, '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('trackwright: error: res.txt:2: column 6 (height): found "abc", expected a finite decimal number (nothing was imported) [invalid_file]');
  });

  it('sample --out writes a synthetic sequence that imports', () => {
    const dataDir = tempDir();
    const out = join(tempDir(), 'synth');
    const s = runCli(['sample', '--out', out, '--frames', '12', '--width', '320', '--height', '180', '--seed', '5']);
    expect(s.code, s.stderr).toBe(0);
    const project = runCli(['projects', 'create', 'synth', '--data-dir', dataDir]).stdout.trim();
    const imp = runCli(['import', '--project', project, out, '--data-dir', dataDir]);
    expect(imp.stdout).toMatch(/^synthetic-walkers: 12 frames, \d+ tracks, \d+ boxes, 1 sets$/m);
  });
});
