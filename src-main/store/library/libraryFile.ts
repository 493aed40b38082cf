// The library file (`<dataDir>/library.sqlite`): which project files this installation knows.
import { openDatabase, type FileKind, type SqliteOptions } from '../sqlite';
import { LIBRARY_MIGRATIONS } from './migrations';
import { findLibraryEntry, listLibraryEntries, type LibraryEntry } from './readers';
import { deleteLibraryEntry, upsertLibraryEntry } from './writers';

/** 'TWLB' */
export const LIBRARY_FILE_KIND: FileKind = { applicationId: 0x54574c42, label: 'Trackwright library', migrations: LIBRARY_MIGRATIONS };

/** The open library: readers and writers bound to its database. */
export interface LibraryStore {
  list(): LibraryEntry[];
  find(path: string): LibraryEntry | undefined;
  upsert(entry: LibraryEntry): void;
  remove(path: string): boolean;
  close(): void;
}

/** Opens or creates the library database. */
export function openLibrary(path: string, sqlite: SqliteOptions = {}): LibraryStore {
  const db = openDatabase(path, LIBRARY_FILE_KIND, { create: true, ...sqlite });
  return {
    list: () => listLibraryEntries(db),
    find: (p) => findLibraryEntry(db, p),
    upsert: (e) => upsertLibraryEntry(db, e),
    remove: (p) => deleteLibraryEntry(db, p),
    close: () => db.close(),
  };
}
