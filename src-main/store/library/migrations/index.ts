import type { Migration } from '../../migrate';
import { m0001Library } from './0001-library';

/** The library file's schema, in order. Append only. */
export const LIBRARY_MIGRATIONS: readonly Migration[] = [m0001Library];
