// SIGKILL in the middle of a large import: the project file passes integrity_check and holds no
// half-imported sequence (the import is one transaction; WAL rolls the rest back).
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { builtApp, ROOT } from '../helpers/built';
import { writeBigSequence } from '../helpers/bigMot';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

describe('a killed import', () => {
  it('leaves an intact database without the half-imported sequence', async () => {
    const dataDir = tempDir();
    const seqDir = join(tempDir(), 'BIG');
    writeBigSequence(seqDir, 2_000_000);
    const made = runCli(['projects', 'create', 'crash', '--data-dir', dataDir]);
    expect(made.code).toBe(0);
    const project = made.stdout.trim();
    const wal = `${project}-wal`;
    const walBefore = existsSync(wal) ? statSync(wal).size : 0;

    const child = spawn(process.execPath, [builtApp().bin, 'import', '--project', project, seqDir, '--data-dir', dataDir], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Kill once the transaction has started writing pages (the WAL grows), well before it commits.
    const started = Date.now();
    let killedMidWrite = false;
    while (Date.now() - started < 60_000 && child.exitCode === null) {
      if (existsSync(wal) && statSync(wal).size > walBefore + 4 * 1024 * 1024) {
        child.kill('SIGKILL');
        killedMidWrite = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(killedMidWrite, 'the import was killed while writing').toBe(true);
    expect(await exited).toBe('SIGKILL');

    const db = new Database(project);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(n('SELECT count(*) AS n FROM sequences')).toBe(0);
    expect(n('SELECT count(*) AS n FROM tracks')).toBe(0);
    expect(n('SELECT count(*) AS n FROM box_tiles')).toBe(0);
    db.close();
    // And the project still works: the same import now completes.
    const again = runCli(['import', '--project', project, seqDir, '--data-dir', dataDir]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/BIG: 31250 frames \(no images\), 64 tracks, 2000000 boxes/);
  });
});
