import type { Migration } from '../../migrate';
import { m0001Project } from './0001-project';

/** The project file's schema, in order. Append only: a released migration is never edited. */
export const PROJECT_MIGRATIONS: readonly Migration[] = [m0001Project];
