// Natural order for frame file names: "frame2.jpg" before "frame10.jpg", digits compared as numbers,
// ties broken by plain code-unit order so the order is total and stable across platforms.

const CHUNK = /(\d+)|(\D+)/g;

/** Compares two names naturally (numeric runs by value, then by length, other runs by code units). */
export function compareNatural(a: string, b: string): number {
  const pa = a.match(CHUNK) ?? [];
  const pb = b.match(CHUNK) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    const dx = x.charCodeAt(0) >= 48 && x.charCodeAt(0) <= 57;
    const dy = y.charCodeAt(0) >= 48 && y.charCodeAt(0) <= 57;
    if (dx && dy) {
      const nx = x.replace(/^0+(?=\d)/, '');
      const ny = y.replace(/^0+(?=\d)/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      if (x.length !== y.length) return x.length - y.length; // "01" after "1"
    } else if (x !== y) return x < y ? -1 : 1;
  }
  if (pa.length !== pb.length) return pa.length - pb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A naturally sorted copy. */
export function sortNatural(names: readonly string[]): string[] {
  return [...names].sort(compareNatural);
}
