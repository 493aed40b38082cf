import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../../../../src-shared/ipc/result';
import { openLibrary } from '../../../../src-main/store/library/libraryFile';
import { createProjectFile, openProjectFile, PROJECT_FILE_KIND } from '../../../../src-main/store/project/projectFile';
import { checkDatabaseLeaks } from '../../../helpers/leaks';
import { tempDir } from '../../../helpers/tmp';

checkDatabaseLeaks();

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof AppErrorException) return e.appError.code;
    throw e;
  }
  return undefined;
}

describe('project files', () => {
  const meta = { uuid: '6f1c2a0e-8d4b-4c1e-9f5a-2b7d3e9c1a00', name: 'P', createdMs: 1_700_000_000_000 };

  it('creates a WAL-mode file tagged as a Trackwright project at the newest schema, and reopens it', () => {
    const path = join(tempDir(), 'p.tw.sqlite');
    createProjectFile(path, meta).close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('application_id', { simple: true })).toBe(PROJECT_FILE_KIND.applicationId);
    expect(raw.pragma('user_version', { simple: true })).toBe(PROJECT_FILE_KIND.migrations.length);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    const p = openProjectFile(path);
    expect(p.meta).toEqual(meta);
    p.close();
  });

  it('refuses to overwrite an existing file', () => {
    const path = join(tempDir(), 'p.tw.sqlite');
    writeFileSync(path, 'precious');
    expect(codeOf(() => createProjectFile(path, meta))).toBe('conflict');
  });

  it('refuses a file that is not SQLite, a SQLite file of another kind, and a missing file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'text.tw.sqlite'), 'frame,id,x,y,w,h\n'.repeat(100));
    expect(codeOf(() => openProjectFile(join(dir, 'text.tw.sqlite')))).toBe('invalid_file');
    const lib = openLibrary(join(dir, 'library.sqlite'));
    lib.close();
    expect(codeOf(() => openProjectFile(join(dir, 'library.sqlite')))).toBe('invalid_file');
    const other = new Database(join(dir, 'other.sqlite'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(codeOf(() => openProjectFile(join(dir, 'other.sqlite')))).toBe('invalid_file');
    expect(codeOf(() => openProjectFile(join(dir, 'none.tw.sqlite')))).toBe('not_found');
  });

  it('refuses a file written by a newer Trackwright without changing it', () => {
    const path = join(tempDir(), 'p.tw.sqlite');
    createProjectFile(path, meta).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${PROJECT_FILE_KIND.migrations.length + 5}`);
    raw.close();
    expect(codeOf(() => openProjectFile(path))).toBe('unsupported');
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(PROJECT_FILE_KIND.migrations.length + 5);
    check.close();
  });
});

describe('library', () => {
  it('upserts, lists most recent first, and forgets', () => {
    const lib = openLibrary(join(tempDir(), 'library.sqlite'));
    const e = (path: string, lastOpenedMs: number) => ({ path, uuid: 'u', name: path, createdMs: 1, lastOpenedMs });
    lib.upsert(e('/a', 10));
    lib.upsert(e('/b', 20));
    lib.upsert(e('/a', 30));
    expect(lib.list().map((x) => x.path)).toEqual(['/a', '/b']);
    expect(lib.remove('/a')).toBe(true);
    expect(lib.remove('/a')).toBe(false);
    expect(lib.list().map((x) => x.path)).toEqual(['/b']);
    lib.close();
  });
});
