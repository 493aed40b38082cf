import type { Migration } from '../../migrate';

/** The project's own row: its stable id, name and creation time. Exactly one row (id = 1). */
export const m0001Project: Migration = {
  version: 1,
  name: '0001-project',
  up(db) {
    db.exec(`
      CREATE TABLE project (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        uuid TEXT NOT NULL,
        name TEXT NOT NULL,
        created_ms INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
