import type { Migration } from '../../migrate';

/** The library: every project file this installation created or opened. */
export const m0001Library: Migration = {
  version: 1,
  name: '0001-library',
  up(db) {
    db.exec(`
      CREATE TABLE projects (
        path TEXT PRIMARY KEY,
        uuid TEXT NOT NULL,
        name TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        last_opened_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX projects_by_last_opened ON projects(last_opened_ms DESC);
    `);
  },
};
