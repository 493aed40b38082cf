// seqinfo.ini: the [Sequence] section of a MOTChallenge sequence folder. TrackEval reads seqLength
// from it (MotChallenge2DBox._get_seq_info); the rest describes frames (imDir, imExt, size, frameRate).

/** The fields Trackwright uses, plus every key in file order (so export writes what was read). */
export interface SeqInfo {
  readonly name: string;
  readonly imDir: string;
  readonly frameRate: number;
  readonly seqLength: number;
  readonly imWidth: number;
  readonly imHeight: number;
  readonly imExt: string;
  /** Every key=value of [Sequence] in file order, including unknown keys. */
  readonly entries: readonly (readonly [string, string])[];
}

/** A problem in a seqinfo.ini. */
export interface SeqInfoError {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly found: string;
  readonly expected: string;
  readonly message: string;
}

const REQUIRED_INT = ['seqLength', 'imWidth', 'imHeight'] as const;

/** Parses seqinfo.ini text; `errors` is empty when `info` is set. */
export function parseSeqInfo(text: string, file: string): { info?: SeqInfo; errors: SeqInfoError[] } {
  const errors: SeqInfoError[] = [];
  const bad = (line: number, field: string, found: string, expected: string): void => {
    errors.push({ file, line, field, found, expected, message: `${file}:${line}: ${field}: found ${JSON.stringify(found)}, expected ${expected}` });
  };
  const entries: [string, string][] = [];
  const lineOf = new Map<string, number>();
  let section = '';
  let sawSequence = false;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) return;
    const sec = /^\[(.+)\]$/.exec(line);
    if (sec) {
      section = sec[1]!.trim();
      if (section === 'Sequence') sawSequence = true;
      return;
    }
    if (section !== 'Sequence') return;
    const eq = line.indexOf('=');
    if (eq <= 0) return bad(i + 1, 'line', raw, 'key=value');
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (lineOf.has(key)) return bad(i + 1, key, value, `one ${key} (already set at line ${lineOf.get(key)})`);
    lineOf.set(key, i + 1);
    entries.push([key, value]);
  });
  if (!sawSequence) {
    bad(1, '[Sequence]', text.slice(0, 40), 'a [Sequence] section');
    return { errors };
  }
  const get = (k: string): string | undefined => entries.find(([key]) => key === k)?.[1];
  const ints: Record<string, number> = {};
  for (const k of REQUIRED_INT) {
    const v = get(k);
    if (v === undefined) bad(lines.length, k, '(missing)', `${k}=<whole number>`);
    else if (!/^\d+$/.test(v) || Number(v) < 1) bad(lineOf.get(k)!, k, v, 'a whole number >= 1');
    else ints[k] = Number(v);
  }
  const fr = get('frameRate');
  let frameRate = 0;
  if (fr === undefined) bad(lines.length, 'frameRate', '(missing)', 'frameRate=<frames per second>');
  else if (!/^\d+(\.\d+)?$/.test(fr) || Number(fr) <= 0) bad(lineOf.get('frameRate')!, 'frameRate', fr, 'a number > 0');
  else frameRate = Number(fr);
  if (errors.length) return { errors };
  return {
    errors,
    info: {
      name: get('name') ?? '',
      imDir: get('imDir') ?? 'img1',
      frameRate,
      seqLength: ints['seqLength']!,
      imWidth: ints['imWidth']!,
      imHeight: ints['imHeight']!,
      imExt: get('imExt') ?? '.jpg',
      entries,
    },
  };
}

/** Writes seqinfo.ini the way MOTChallenge ships it: [Sequence], key=value lines, a blank line at the end. */
export function writeSeqInfo(info: SeqInfo): string {
  const known: Record<string, string> = {
    name: info.name,
    imDir: info.imDir,
    frameRate: String(info.frameRate),
    seqLength: String(info.seqLength),
    imWidth: String(info.imWidth),
    imHeight: String(info.imHeight),
    imExt: info.imExt,
  };
  const keys = info.entries.map(([k]) => k);
  for (const k of Object.keys(known)) if (!keys.includes(k)) keys.push(k);
  const value = (k: string): string => known[k] ?? info.entries.find(([key]) => key === k)?.[1] ?? '';
  return `[Sequence]\n${keys.map((k) => `${k}=${value(k)}`).join('\n')}\n\n`;
}

/** A SeqInfo from its fields (entries in MOTChallenge's order). */
export function makeSeqInfo(f: Omit<SeqInfo, 'entries'>): SeqInfo {
  return {
    ...f,
    entries: [
      ['name', f.name],
      ['imDir', f.imDir],
      ['frameRate', String(f.frameRate)],
      ['seqLength', String(f.seqLength)],
      ['imWidth', String(f.imWidth)],
      ['imHeight', String(f.imHeight)],
      ['imExt', f.imExt],
    ],
  };
}
