import type { Migration } from '../../migrate';
import { m0001Project } from './0001-project';
import { m0002Sequences } from './0002-sequences';
import { m0003Runs } from './0003-runs';

/** The project file's schema, in order. Append only: a released migration is never edited. */
export const PROJECT_MIGRATIONS: readonly Migration[] = [m0001Project, m0002Sequences, m0003Runs];
