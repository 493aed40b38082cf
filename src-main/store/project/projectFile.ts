// A project file (`*.tw.sqlite`): one SQLite database holding everything of one project.
import { existsSync, rmSync } from 'node:fs';
import type { Database as Db } from 'better-sqlite3';
import { fail } from '../../../src-shared/ipc/result';
import { openDatabase, type FileKind, type SqliteOptions } from '../sqlite';
import { PROJECT_MIGRATIONS } from './migrations';
import { readProjectMeta, type ProjectMeta } from './readers/project';
import { insertProjectMeta } from './writers/project';
import { ProjectStore } from './projectStore';

/** 'TWRK' */
export const PROJECT_FILE_KIND: FileKind = { applicationId: 0x5457524b, label: 'Trackwright project', migrations: PROJECT_MIGRATIONS };

/** The file-name suffix of project files. */
export const PROJECT_FILE_SUFFIX = '.tw.sqlite';

function wrap(db: Db, path: string, meta: ProjectMeta): ProjectStore {
  return new ProjectStore(db, path, meta);
}

/** Creates a new project file; refuses to touch an existing path. */
export function createProjectFile(path: string, meta: ProjectMeta, sqlite: SqliteOptions = {}): ProjectStore {
  if (existsSync(path)) fail('conflict', `${path} already exists`);
  const db = openDatabase(path, PROJECT_FILE_KIND, { create: true, ...sqlite });
  try {
    insertProjectMeta(db, meta);
    return wrap(db, path, meta);
  } catch (e) {
    // Leave nothing half-made behind.
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    throw e;
  }
}

/** Opens an existing project file (migrating it to this build's schema). */
export function openProjectFile(path: string, sqlite: SqliteOptions = {}): ProjectStore {
  if (!existsSync(path)) fail('not_found', `${path} does not exist`);
  const db = openDatabase(path, PROJECT_FILE_KIND, { create: false, ...sqlite });
  try {
    const meta = readProjectMeta(db);
    if (!meta) fail('invalid_file', `${path} is a Trackwright project file without its project row (damaged?)`);
    return wrap(db, path, meta);
  } catch (e) {
    db.close();
    throw e;
  }
}
