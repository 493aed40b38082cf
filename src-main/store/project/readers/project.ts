import type { Database as Db } from 'better-sqlite3';

/** The project row. */
export interface ProjectMeta {
  readonly uuid: string;
  readonly name: string;
  readonly createdMs: number;
}

/** Reads the project row, or undefined when it is missing. */
export function readProjectMeta(db: Db): ProjectMeta | undefined {
  return db.prepare('SELECT uuid, name, created_ms AS createdMs FROM project WHERE id = 1').get() as ProjectMeta | undefined;
}
