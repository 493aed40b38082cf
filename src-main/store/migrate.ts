// Numbered schema migrations (ARCHITECTURE.md §6.5), tracked in SQLite's `user_version` header field.
import type { Database as Db } from 'better-sqlite3';
import { fail } from '../../src-shared/ipc/result';

/** One schema step. `version` is the file's number (0001-... -> 1); `up` runs inside a transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Db): void;
}

/**
 * Applies every migration newer than the file's `user_version`, each in its own transaction with the
 * version bump, so a crash leaves the file at a whole version. A file newer than this build is refused.
 */
export function migrate(db: Db, migrations: readonly Migration[], where: string): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at ${m.name}: version ${m.version}, expected ${i + 1}`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    fail('unsupported', `${where} has schema version ${current}; this Trackwright knows up to ${migrations.length}. Update Trackwright to open it.`);
  }
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return migrations.length;
}
