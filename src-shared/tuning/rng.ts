// A small seeded pseudo-random generator for the samplers: sfc32 (Chris Doty-Humphrey's Small Fast
// Counting generator, as in PractRand), seeded through splitmix32 so that nearby seeds give unrelated
// streams. No global state: every stream is a value.

/** A stream of pseudo-random numbers. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
}

function splitmix32(a: number): () => number {
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator seeded by a list of integers (e.g. [studySeed, trialNumber]). */
export function createRng(...seed: number[]): Rng {
  let h = 0x811c9dc5;
  for (const s of seed) h = Math.imul(h ^ (s | 0), 0x01000193) ^ Math.imul((s / 4294967296) | 0, 0x5bd1e995);
  const sm = splitmix32(h);
  let a = sm(), b = sm(), c = sm(), d = sm();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    normal: () => {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}
