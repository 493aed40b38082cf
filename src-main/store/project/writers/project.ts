import type { Database as Db } from 'better-sqlite3';
import type { ProjectMeta } from '../readers/project';

/** Writes the project row of a new file. */
export function insertProjectMeta(db: Db, meta: ProjectMeta): void {
  db.prepare('INSERT INTO project (id, uuid, name, created_ms) VALUES (1, @uuid, @name, @createdMs)').run(meta);
}
