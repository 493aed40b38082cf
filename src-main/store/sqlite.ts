// Opening SQLite files: the pragmas every Trackwright database uses, its file-kind check and migrations.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { fail } from '../../src-shared/ipc/result';
import { migrate, type Migration } from './migrate';

/** How to load better-sqlite3's native addon (Electron needs a build for its own ABI). */
export interface SqliteOptions {
  /** Path of a `better_sqlite3.node` built for the running runtime; default: the package's own. */
  readonly nativeBinding?: string;
}

const opened = new Set<Db>();

/** How many databases opened through this module are still open (tests assert 0 after each case). */
export function openDatabaseCount(): number {
  for (const db of opened) if (!db.open) opened.delete(db);
  return opened.size;
}

/** What kind of Trackwright file a database is: SQLite's `application_id` header field tells. */
export interface FileKind {
  /** 32-bit id written into the header (`PRAGMA application_id`). */
  readonly applicationId: number;
  /** For messages: "Trackwright project", "Trackwright library". */
  readonly label: string;
  readonly migrations: readonly Migration[];
}

/**
 * Opens (or creates) a database of the given kind: WAL, foreign keys on, NORMAL sync (durable at
 * checkpoints, never corrupt), then brings its schema up to date in one transaction per migration.
 * A file of another kind, or from a newer Trackwright, is refused without being touched.
 */
export function openDatabase(path: string, kind: FileKind, opts: { create: boolean } & SqliteOptions): Db {
  let db: Db;
  try {
    db = new Database(path, {
      fileMustExist: !opts.create,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (e) {
    const message = (e as Error).message;
    if (/unable to open|does not exist|directory does not exist/i.test(message)) {
      fail('not_found', `${path}: cannot open (${message})`);
    }
    fail('io', `${path}: ${message}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    let appId: number;
    try {
      appId = db.pragma('application_id', { simple: true }) as number;
    } catch {
      fail('invalid_file', `${path} is not a SQLite database (expected a ${kind.label} file)`);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    const fresh = appId === 0 && version === 0 && isEmpty(db);
    if (!fresh && appId !== kind.applicationId) {
      fail('invalid_file', `${path} is not a ${kind.label} file (SQLite application_id ${appId})`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    if (fresh) db.pragma(`application_id = ${kind.applicationId}`);
    migrate(db, kind.migrations, `${path} (${kind.label})`);
    opened.add(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function isEmpty(db: Db): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
  return row.n === 0;
}
