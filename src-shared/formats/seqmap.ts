// TrackEval seqmaps (`seqmaps/<BENCH>-<split>.txt`): a header line "name", then one sequence per line.

/** Parses a seqmap; blank lines are skipped. */
export function parseSeqmap(text: string, file: string): { names: string[]; errors: string[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim());
  const errors: string[] = [];
  if (lines[0] !== 'name') errors.push(`${file}:1: found ${JSON.stringify(lines[0] ?? '')}, expected the header "name"`);
  const names: string[] = [];
  const seen = new Map<string, number>();
  lines.slice(1).forEach((l, i) => {
    if (l === '') return;
    if (/[\\/]/.test(l)) errors.push(`${file}:${i + 2}: found ${JSON.stringify(l)}, expected a sequence name without path separators`);
    else if (seen.has(l)) errors.push(`${file}:${i + 2}: ${l} is listed twice (first at line ${seen.get(l)})`);
    else {
      seen.set(l, i + 2);
      names.push(l);
    }
  });
  return { names, errors };
}

/** Writes a seqmap. */
export function writeSeqmap(names: readonly string[]): string {
  return `name\n${names.map((n) => `${n}\n`).join('')}`;
}
