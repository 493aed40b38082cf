// The built `trackwright` command: help for every command, exit codes, one-line errors, real files.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src-main/cli/run';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

describe('trackwright CLI', () => {
  it('lists every command in --help and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    for (const c of COMMANDS) expect(lines.some((l) => l.startsWith(`  ${c.name} `) && l.endsWith(c.summary)), c.name).toBe(true);
  });

  it.each(COMMANDS.map((c) => c.name))('%s --help prints its usage and exits 0', (name) => {
    const r = runCli([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Usage:[\\s\\S]*trackwright ${name}`));
    expect(r.stderr).toBe('');
  });

  it('fails with one line and exit code 2 on usage errors', () => {
    for (const args of [['frobnicate'], ['projects', 'create'], ['serve', '--port', 'x'], ['projects', 'list', '--bogus']]) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^trackwright: error: /);
    }
  });

  it('creates, lists, forgets and reopens a project file; errors are one line with exit code 1', () => {
    const dataDir = tempDir();
    const made = runCli(['projects', 'create', 'Campus run', '--data-dir', dataDir]);
    expect(made.code).toBe(0);
    const path = made.stdout.trim();
    expect(path).toBe(join(dataDir, 'projects', 'Campus-run.tw.sqlite'));
    expect(existsSync(path)).toBe(true);

    const list = runCli(['projects', 'list', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(list.stdout)).toMatchObject([{ name: 'Campus run', path, available: true }]);

    const again = runCli(['projects', 'create', 'Campus run', '--data-dir', dataDir]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^trackwright: error: A project file already exists.*\[conflict\]$/)]);

    expect(runCli(['projects', 'forget', path, '--data-dir', dataDir]).stdout.trim()).toBe('forgotten');
    expect(runCli(['projects', 'list', '--data-dir', dataDir]).stdout).toMatch(/No projects yet/);
    expect(runCli(['projects', 'open', path, '--data-dir', dataDir]).code).toBe(0);

    const junk = join(dataDir, 'junk.tw.sqlite');
    writeFileSync(junk, 'not a database');
    const bad = runCli(['projects', 'open', junk, '--data-dir', dataDir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(`trackwright: error: ${junk} is not a SQLite database (expected a Trackwright project file) [invalid_file]`);
  });

  it('info probes the tfjs backend in a worker (wasm on this machine class)', () => {
    const r = runCli(['info', '--json', '--data-dir', tempDir()]);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout) as { backend: { state: string; name?: string; probeMs?: number } };
    expect(info.backend.state).toBe('ready');
    // tfjs-node(-gpu) cannot install here (no libtensorflow download), so the probe must fall to wasm.
    expect(['tensorflow-gpu', 'tensorflow', 'wasm']).toContain(info.backend.name);
  });

  it('serve refuses a non-loopback address without --allow-remote', () => {
    const r = runCli(['serve', '--host', '0.0.0.0', '--data-dir', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to bind 0\.0\.0\.0.*--allow-remote/);
  });
});
