// A seeded synthetic MOT sequence for the evaluation benchmark (issue 4): 3,000 frames with ~64 people in
// view at a time (~190k GT rows), and a tracker output (~160k rows) with box noise, misses, false
// positives, id switches after misses, spontaneous switches and swaps between neighbours.
import { mulberry32 } from './rng';

/** The generated files as MOTChallenge text (GT with class 1 and visibility; tracker with -1,-1,-1). */
export interface SyntheticMot {
  readonly gtText: string;
  readonly trackerText: string;
  readonly frames: number;
  readonly gtRows: number;
  readonly trackerRows: number;
}

interface Person {
  gtId: number;
  trId: number;
  x: number;
  y: number;
  w: number;
  vx: number;
  vy: number;
  missing: number;
}

/** The benchmark sequence (deterministic for a seed). */
export function syntheticMot(seed = 4, frames = 3000, people = 64): SyntheticMot {
  const rnd = mulberry32(seed);
  const W = 1920;
  const H = 1080;
  let nextGt = 1;
  let nextTr = 1;
  const spawn = (): Person => {
    const w = 20 + rnd() * 45;
    return { gtId: nextGt++, trId: nextTr++, x: rnd() * (W - w), y: rnd() * (H - 2.5 * w), w, vx: (rnd() - 0.5) * 6, vy: (rnd() - 0.5) * 2, missing: 0 };
  };
  const alive: Person[] = Array.from({ length: people }, spawn);
  const gt: string[] = [];
  const tr: string[] = [];
  const r2 = (v: number): string => (Math.round(v * 100) / 100).toString();
  for (let f = 1; f <= frames; f++) {
    // Turnover: about one person leaves and one enters every 4 frames.
    if (rnd() < 0.25) alive.splice(Math.floor(rnd() * alive.length), 1, spawn());
    // A swap between two neighbours now and then (Type 3 switches).
    if (rnd() < 0.02) {
      const a = alive[Math.floor(rnd() * alive.length)]!;
      const b = alive.reduce((best, p) => (p !== a && Math.hypot(p.x - a.x, p.y - a.y) < Math.hypot(best.x - a.x, best.y - a.y) ? p : best), alive[0] === a ? alive[1]! : alive[0]!);
      [a.trId, b.trId] = [b.trId, a.trId];
    }
    for (const p of alive) {
      p.x = Math.min(W - p.w, Math.max(0, p.x + p.vx));
      p.y = Math.min(H - 2.5 * p.w, Math.max(0, p.y + p.vy));
      const h = 2.5 * p.w;
      gt.push(`${f},${p.gtId},${r2(p.x)},${r2(p.y)},${r2(p.w)},${r2(h)},1,1,${r2(0.3 + 0.7 * rnd())}`);
      // Misses come in short runs (occlusions); after one the tracker may start a new id.
      if (p.missing > 0 || rnd() < 0.04) {
        p.missing = p.missing > 0 ? p.missing - 1 : Math.floor(rnd() * 8);
        if (p.missing === 0 && rnd() < 0.3) p.trId = nextTr++;
        continue;
      }
      if (rnd() < 0.001) p.trId = nextTr++;
      // Box noise of a few percent of the box size.
      const n = (size: number): number => (rnd() - 0.5) * 0.1 * size;
      tr.push(`${f},${p.trId},${r2(p.x + n(p.w))},${r2(p.y + n(h))},${r2(p.w + n(p.w))},${r2(h + n(h))},${r2(0.5 + rnd() / 2)},-1,-1,-1`);
    }
    // False positives, each with its own short-lived id.
    for (let k = 0; k < 2; k++) {
      if (rnd() < 0.9) tr.push(`${f},${nextTr++},${r2(rnd() * 1800)},${r2(rnd() * 900)},${r2(40 + rnd() * 40)},${r2(100 + rnd() * 100)},0.3,-1,-1,-1`);
    }
  }
  return { gtText: gt.join('\n') + '\n', trackerText: tr.join('\n') + '\n', frames, gtRows: gt.length, trackerRows: tr.length };
}
