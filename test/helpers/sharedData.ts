// The real MOTChallenge data every developer and CI machine has beside the repository, at
// ../shared/data (see its README and PROVENANCE). A clone elsewhere finds it by walking up, or at the
// machine's /work/shared; TRACKWRIGHT_SHARED_DATA overrides all of it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function find(): string {
  const fromEnv = process.env['TRACKWRIGHT_SHARED_DATA'];
  if (fromEnv) return fromEnv;
  const tried: string[] = [];
  let dir = fileURLToPath(new URL('../..', import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, '..', 'shared', 'data');
    tried.push(candidate);
    if (existsSync(join(candidate, 'README.md'))) return candidate;
    dir = dirname(dir);
  }
  tried.push('/work/shared/data');
  if (existsSync('/work/shared/data/README.md')) return '/work/shared/data';
  throw new Error(`shared/data not found (looked in ${tried.join(', ')}); set TRACKWRIGHT_SHARED_DATA`);
}

/** Absolute path of the shared data folder. */
export const SHARED_DATA = find();
