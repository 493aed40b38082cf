// Bad input gets errors naming file, line, column, value and expectation, and writes nothing.
import fc from 'fast-check';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../src-main/compose';
import { invoke } from '../../src-main/services/api';
import { SHARED_DATA } from '../helpers/sharedData';
import { tempDir } from '../helpers/tmp';

let backend: Backend;
let project: string;
const ctx = { transport: 'cli' } as const;
beforeAll(async () => {
  backend = createBackend({ dataDir: tempDir(), version: 't', probeBackend: async () => ({ state: 'failed', message: 'unused' }) });
  const p = await invoke(backend.handlers, 'projects.create', { name: 'errors', directory: tempDir() }, ctx);
  if (!p.ok) throw new Error(p.error.message);
  project = p.value.path;
  const r = await invoke(backend.handlers, 'import.mot', { project, path: join(SHARED_DATA, 'mot15_tud', 'MOT15-train', 'TUD-Campus') }, ctx);
  if (!r.ok) throw new Error(r.error.message);
});
afterAll(() => backend.close());

function counts(): { sets: number; tracks: number; tiles: number } {
  const db = new Database(project, { readonly: true });
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const c = { sets: one('SELECT count(*) AS n FROM box_sets'), tracks: one('SELECT count(*) AS n FROM tracks'), tiles: one('SELECT count(*) AS n FROM set_tiles') };
  db.close();
  return c;
}

describe('import errors', () => {
  it('a folder with one bad line imports nothing and names the line', async () => {
    const dir = join(tempDir(), 'MOT15-train', 'BAD-01');
    cpSync(join(SHARED_DATA, 'mot15_tud', 'MOT15-train', 'TUD-Stadtmitte'), dir, { recursive: true });
    mkdirSync(join(dir, 'det'));
    writeFileSync(join(dir, 'det', 'det.txt'), '1,-1,10,10,20,40,0.9,-1,-1,-1\n1,-1,10,10,-20,40,0.9,-1,-1,-1\n');
    const before = counts();
    const r = await invoke(backend.handlers, 'import.mot', { project, path: dir }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_file' } });
    if (r.ok) return;
    expect(r.error.message).toBe('BAD-01/det/det.txt:2: column 5 (width): found "-20", expected a width > 0 (nothing was imported)');
    expect(r.error.details).toMatchObject({ errorCount: 1, errors: [{ file: 'BAD-01/det/det.txt', line: 2, column: 5, field: 'width', found: '-20', expected: 'a width > 0' }] });
    expect(counts()).toEqual(before);
    const seqs = await invoke(backend.handlers, 'sequences.list', { project }, ctx);
    expect(seqs.ok && seqs.value.map((s) => s.name)).toEqual(['TUD-Campus']);
  });

  it('skipping bad lines imports the good ones and lists the skipped', async () => {
    const file = join(tempDir(), 'res.txt');
    writeFileSync(file, '1,1,10,10,20,40,0.9,-1,-1,-1\nfoo\n2,1,10,10,20,40,0.9,-1,-1,-1\n');
    const r = await invoke(backend.handlers, 'import.file', { project, sequence: 'TUD-Campus', kind: 'res', file, name: 'skip', skipBadLines: true }, ctx);
    expect(r).toMatchObject({ ok: true, value: { skippedCount: 1, sets: [{ rows: 2 }], skipped: [{ line: 2, column: 0 }] } });
  });

  it('property: an import either writes the whole file or nothing (300 generated files)', async () => {
    const good = fc.record({ f: fc.integer({ min: 1, max: 71 }), id: fc.integer({ min: 1, max: 40 }) }).map(({ f, id }) => `${f},${id},10,20,30,60,1,-1,-1,-1`);
    const bad = fc.constantFrom('0,1,1,1,1,1,1,-1,-1,-1', '1,1,1,1,0,1,1,-1,-1,-1', 'x', '1,1,1', '72,1,1,1,1,1,1,-1,-1,-1', '1,1,NaN,1,1,1,1,-1,-1,-1');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: bad }), { maxLength: 40 }), async (lines) => {
        const file = join(tempDir(), `f${n}.txt`);
        writeFileSync(file, lines.join('\n'));
        const before = counts();
        const r = await invoke(backend.handlers, 'import.file', { project, sequence: 'TUD-Campus', kind: 'res', file, name: `p${n++}` }, ctx);
        const after = counts();
        if (r.ok) {
          expect(after.sets).toBe(before.sets + 1);
          expect(r.value.sets[0]!.rows).toBe(lines.length);
        } else {
          expect(['invalid_file']).toContain(r.error.code);
          expect(after).toEqual(before);
        }
      }),
      { numRuns: 300 },
    );
  });
});
