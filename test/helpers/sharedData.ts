// The real MOTChallenge data every developer and CI has at ../shared/data (see its README and PROVENANCE).
import { fileURLToPath } from 'node:url';

/** Absolute path of ../shared/data. */
export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data', import.meta.url));
