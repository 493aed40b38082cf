#!/usr/bin/env node
// The `trackwright` command: runs the built CLI (out/main/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(entry)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(`trackwright: error: not built yet; run \`npm run build\` in ${root}\n`);
  process.exit(1);
}
await import(entry.href);
