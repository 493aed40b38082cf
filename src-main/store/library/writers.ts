import type { Database as Db } from 'better-sqlite3';
import type { LibraryEntry } from './readers';

/** Adds a project file to the library, or refreshes its name and last-opened time. */
export function upsertLibraryEntry(db: Db, e: LibraryEntry): void {
  db.prepare(
    `INSERT INTO projects (path, uuid, name, created_ms, last_opened_ms) VALUES (@path, @uuid, @name, @createdMs, @lastOpenedMs)
     ON CONFLICT(path) DO UPDATE SET uuid = excluded.uuid, name = excluded.name, created_ms = excluded.created_ms, last_opened_ms = excluded.last_opened_ms`,
  ).run(e);
}

/** Removes a project file from the library (the file itself is untouched). True when it was listed. */
export function deleteLibraryEntry(db: Db, path: string): boolean {
  return db.prepare('DELETE FROM projects WHERE path = ?').run(path).changes > 0;
}
