// What an ID switch costs in IDF1 terms, so a review queue can rank switches by impact.
//
// Definition. For a switch of GT g at frame t from tracker id p_old to p_new, the post-switch segment S is
// every frame f in [t, t_next) where CLEAR matched g to p_new (t_next: g's next switch, or the end).
// "Undoing" the switch relabels, in each frame of S, the tracker box matched to g from p_new to p_old, and
// (if p_old also has a box in that frame) that box from p_old to p_new, i.e. the two labels trade places
// there. The event's cost is
//     idtpCost = IDTP(after undoing) − IDTP(as is),
// with IDTP the Identity metric's optimum (metrics/identity.ts: the maximum over one-to-one id matchings of
// Σ frames where a GT id and a tracker id overlap with IoU >= 0.5), re-optimised after the relabelling.
// Only pair counts of the ids p_old and p_new change, and every GT whose count changes already overlapped
// one of them, so only the connected components of the id-overlap graph that hold p_old or p_new are
// re-solved. The cost can be 0 (the segment is short and lost anyway) or negative (switching back to the
// id that identity matching prefers helps IDF1).
import type { ClearMatchLog } from '../metrics/clear';
import type { EvalData } from '../metrics/evalData';
import { maxWeightMatching, potentialMatches } from '../metrics/identity';

/** The detections of one GT id, by timestep. */
export interface GtTrack {
  /** The GT det at timestep t, or -1. */
  detAt(t: number): number;
}

/** Every GT id's detections, for lookups by timestep (binary search over its sorted timesteps). */
export function gtTrack(d: EvalData): GtTrack[] {
  const frames: number[][] = Array.from({ length: d.numGtIds }, () => []);
  const dets: number[][] = Array.from({ length: d.numGtIds }, () => []);
  for (let t = 0; t < d.numTimesteps; t++) {
    for (let k = d.gtStart[t]!; k < d.gtStart[t + 1]!; k++) {
      frames[d.gtIds[k]!]!.push(t);
      dets[d.gtIds[k]!]!.push(k);
    }
  }
  return frames.map((fs, g) => ({
    detAt(t: number): number {
      let lo = 0;
      let hi = fs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (fs[mid]! < t) lo = mid + 1;
        else hi = mid;
      }
      return lo < fs.length && fs[lo] === t ? dets[g]![lo]! : -1;
    },
  }));
}

/** A switch as idtpCosts needs it (relabelled ids, 0-based timestep). */
export interface SwitchRef {
  readonly g: number;
  readonly t: number;
  readonly pOld: number;
  readonly pNew: number;
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]!]!;
    x = parent[x]!;
  }
  return x;
}

/** idtpCost (defined above) of every switch, in order. */
export function idtpCosts(d: EvalData, log: ClearMatchLog, tracks: readonly GtTrack[], events: readonly SwitchRef[]): number[] {
  if (events.length === 0) return [];
  const G = d.numGtIds;
  const pm = potentialMatches(d);
  // Components of the overlap graph (GT ids 0..G-1, tracker ids G..), keyed by their root.
  const parent = Int32Array.from({ length: G + d.numTrackerIds }, (_, k) => k);
  for (let p = 0; p < d.numPairs; p++) {
    if (!(pm[p]! > 0)) continue;
    const a = find(parent, d.pairGt[p]!);
    const b = find(parent, G + d.pairTr[p]!);
    if (a !== b) parent[a] = b;
  }
  const pairsOf = new Map<number, number[]>();
  for (let p = 0; p < d.numPairs; p++) {
    if (!(pm[p]! > 0)) continue;
    const r = find(parent, G + d.pairTr[p]!);
    const list = pairsOf.get(r);
    if (list) list.push(p);
    else pairsOf.set(r, [p]);
  }
  const best = new Map<string, number>();
  // Next switch frame of each event's GT (the end of its post-switch segment).
  const next = events.map((e, i) => events.find((o, j) => j > i && o.g === e.g)?.t ?? d.numTimesteps);

  return events.map((e, i) => {
    const roots = [...new Set([find(parent, G + e.pOld), find(parent, G + e.pNew)])].sort((a, b) => a - b);
    const key = roots.join(',');
    const pairs = roots.flatMap((r) => pairsOf.get(r) ?? []);
    // Edge weights after undoing the switch, keyed "gtId,trackerId".
    const w = new Map<string, number>();
    for (const p of pairs) w.set(`${d.pairGt[p]},${d.pairTr[p]}`, pm[p]!);
    const move = (gt: number, from: number, to: number): void => {
      const a = `${gt},${from}`;
      const b = `${gt},${to}`;
      w.set(a, (w.get(a) ?? 0) - 1);
      w.set(b, (w.get(b) ?? 0) + 1);
    };
    for (let t = e.t; t < next[i]!; t++) {
      const k = tracks[e.g]!.detAt(t);
      if (k < 0) continue;
      const mine = log.trackerDetOfGtDet[k]!;
      if (mine < 0 || d.trIds[mine] !== e.pNew) continue;
      let other = -1;
      for (let q = d.trStart[t]!; q < d.trStart[t + 1]!; q++) if (d.trIds[q] === e.pOld) other = q;
      // Every GT box overlapping a relabelled tracker box with IoU >= 0.5 moves one count.
      for (let o = d.gtStart[t]!; o < d.gtStart[t + 1]!; o++) {
        for (let s = d.simStart[o]!; s < d.simStart[o + 1]!; s++) {
          if (d.simVal[s]! < 0.5) continue;
          const q = d.trStart[t]! + d.simCol[s]!;
          if (q === mine) move(d.gtIds[o]!, e.pNew, e.pOld);
          else if (q === other) move(d.gtIds[o]!, e.pOld, e.pNew);
        }
      }
    }
    if (!best.has(key)) best.set(key, maxWeightMatching(pairs.map((p) => d.pairGt[p]!), pairs.map((p) => d.pairTr[p]!), pairs.map((p) => pm[p]!), G, d.numTrackerIds));
    const rows: number[] = [];
    const cols: number[] = [];
    const ws: number[] = [];
    for (const [k, v] of w) {
      const [gt, tr] = k.split(',').map(Number);
      rows.push(gt!);
      cols.push(tr!);
      ws.push(v);
    }
    return maxWeightMatching(rows, cols, ws, G, d.numTrackerIds) - best.get(key)!;
  });
}
