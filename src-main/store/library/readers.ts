import type { Database as Db } from 'better-sqlite3';

/** A library row as stored. */
export interface LibraryEntry {
  readonly path: string;
  readonly uuid: string;
  readonly name: string;
  readonly createdMs: number;
  readonly lastOpenedMs: number;
}

/** Every known project file, most recently opened first. */
export function listLibraryEntries(db: Db): LibraryEntry[] {
  return db
    .prepare(
      'SELECT path, uuid, name, created_ms AS createdMs, last_opened_ms AS lastOpenedMs FROM projects ORDER BY last_opened_ms DESC, path',
    )
    .all() as LibraryEntry[];
}

/** The entry of one project file, or undefined. */
export function findLibraryEntry(db: Db, path: string): LibraryEntry | undefined {
  return db
    .prepare('SELECT path, uuid, name, created_ms AS createdMs, last_opened_ms AS lastOpenedMs FROM projects WHERE path = ?')
    .get(path) as LibraryEntry | undefined;
}
