// The switch diff between two evaluations of the same annotations (PRODUCT.md §4.4): which ID-switch
// events of run A the run B fixed, which it kept, and which it introduced.
//
// Matching. Two events can only be the same failure when they are on the same sequence and the same GT
// object (GT ids are the annotation's, identical in both runs; tracker ids are not comparable between
// runs). Within one (sequence, GT id) the events of A and B are matched one-to-one with |frame_A −
// frame_B| <= tolerance, maximising the number of matches and, among those, minimising the summed frame
// distance (exact frames first). Why a window and not exact frames: CLEAR puts a switch at the frame the
// GT is first matched to the new id, and a tracker change that does not touch the failure (a track
// confirmed one frame later, another detection threshold) moves that frame by one or two; exact matching
// would then report the same failure as one fixed and one introduced switch. The window is kept small
// (the UI's default is 0.2 s, converted with each sequence's fps) so that two distinct failures of one
// object rarely fall into it; tolerance 0 gives exact matching.
//
// Algorithm: with both lists sorted by frame, some optimal matching never crosses (for a1 < a2 matched to
// b1 > b2, swapping partners keeps both pairs within the window and does not increase the distance), so
// an O(n·m) alignment DP over the two sorted lists is exact.

/** What the diff reads of a switch event (src-shared/analysis/idSwitches.ts SwitchEvent has more). */
export interface SwitchRef {
  readonly frame: number;
  readonly gtId: number;
}

/** A matched pair: the same failure in both runs. */
export interface KeptSwitch<E> {
  readonly a: E;
  readonly b: E;
  /** frame_B − frame_A. */
  readonly frameDelta: number;
}

/** One sequence's diff. */
export interface SwitchDiff<E> {
  /** In A, no counterpart in B. */
  readonly fixed: readonly E[];
  readonly kept: readonly KeptSwitch<E>[];
  /** In B, no counterpart in A. */
  readonly introduced: readonly E[];
}

/** Two runs' diff over the sequences both evaluated. */
export interface RunSwitchDiff<E> {
  readonly sequences: Readonly<Record<string, SwitchDiff<E>>>;
  /** Sequences only one run evaluated: not compared (their events are neither fixed nor introduced). */
  readonly onlyInA: readonly string[];
  readonly onlyInB: readonly string[];
}

function checkTolerance(tolerance: number): void {
  if (!(Number.isInteger(tolerance) && tolerance >= 0)) throw new RangeError(`frame tolerance must be a whole number >= 0, got ${tolerance}`);
}

/** Matches sorted lists of one GT object's events (see the file comment); returns index pairs. */
function alignOneObject(a: readonly SwitchRef[], b: readonly SwitchRef[], tolerance: number): [number, number][] {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  // best[i][j]: over a[i..], b[j..]: most matches, then least summed distance.
  const matches = new Int32Array((n + 1) * w);
  const cost = new Float64Array((n + 1) * w);
  const better = (k1: number, c1: number, k2: number, c2: number): boolean => k1 > k2 || (k1 === k2 && c1 < c2);
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n || j === m) continue;
      const at = i * w + j;
      // Skip a[i], or skip b[j] (whichever is better), or match them.
      let k = matches[at + w]!;
      let c = cost[at + w]!;
      if (better(matches[at + 1]!, cost[at + 1]!, k, c)) {
        k = matches[at + 1]!;
        c = cost[at + 1]!;
      }
      const d = Math.abs(a[i]!.frame - b[j]!.frame);
      if (d <= tolerance && better(matches[at + w + 1]! + 1, cost[at + w + 1]! + d, k, c)) {
        k = matches[at + w + 1]! + 1;
        c = cost[at + w + 1]! + d;
      }
      matches[at] = k;
      cost[at] = c;
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const at = i * w + j;
    const d = Math.abs(a[i]!.frame - b[j]!.frame);
    if (d <= tolerance && matches[at] === matches[at + w + 1]! + 1 && cost[at] === cost[at + w + 1]! + d) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (matches[at] === matches[at + w] && cost[at] === cost[at + w]) i++;
    else j++;
  }
  return pairs;
}

function byGt<E extends SwitchRef>(events: readonly E[]): Map<number, E[]> {
  const out = new Map<number, E[]>();
  for (const e of events) {
    if (!Number.isInteger(e.frame) || !Number.isInteger(e.gtId)) throw new TypeError(`switch event needs integer frame and gtId, got frame ${e.frame}, gtId ${e.gtId}`);
    let list = out.get(e.gtId);
    if (!list) out.set(e.gtId, (list = []));
    list.push(e);
  }
  for (const list of out.values()) list.sort((x, y) => x.frame - y.frame);
  return out;
}

const order = (x: SwitchRef, y: SwitchRef): number => x.frame - y.frame || x.gtId - y.gtId;

/** The diff of one sequence's events, A (before) against B (after), with a frame tolerance (see the file comment). */
export function diffSwitches<E extends SwitchRef>(a: readonly E[], b: readonly E[], tolerance: number): SwitchDiff<E> {
  checkTolerance(tolerance);
  const ga = byGt(a);
  const gb = byGt(b);
  const fixed: E[] = [];
  const kept: KeptSwitch<E>[] = [];
  const introduced: E[] = [];
  for (const gt of new Set([...ga.keys(), ...gb.keys()])) {
    const la = ga.get(gt) ?? [];
    const lb = gb.get(gt) ?? [];
    const pairs = alignOneObject(la, lb, tolerance);
    const usedA = new Set(pairs.map(([i]) => i));
    const usedB = new Set(pairs.map(([, j]) => j));
    for (const [i, j] of pairs) kept.push({ a: la[i]!, b: lb[j]!, frameDelta: lb[j]!.frame - la[i]!.frame });
    la.forEach((e, i) => usedA.has(i) || fixed.push(e));
    lb.forEach((e, j) => usedB.has(j) || introduced.push(e));
  }
  fixed.sort(order);
  introduced.sort(order);
  kept.sort((x, y) => order(x.b, y.b));
  return { fixed, kept, introduced };
}

/** The diff of two runs' events per sequence; `tolerance(sequence)` gives each sequence's window in frames. */
export function diffRunSwitches<E extends SwitchRef>(a: Readonly<Record<string, readonly E[]>>, b: Readonly<Record<string, readonly E[]>>, tolerance: (sequence: string) => number): RunSwitchDiff<E> {
  const sequences: Record<string, SwitchDiff<E>> = {};
  for (const s of Object.keys(a).sort()) if (Object.hasOwn(b, s)) sequences[s] = diffSwitches(a[s]!, b[s]!, tolerance(s));
  return {
    sequences,
    onlyInA: Object.keys(a).filter((s) => !Object.hasOwn(b, s)).sort(),
    onlyInB: Object.keys(b).filter((s) => !Object.hasOwn(a, s)).sort(),
  };
}

/** A switch event as an evaluation run stores it (runs.get with events), checked. */
export interface StoredSwitch extends SwitchRef {
  readonly type: 1 | 2 | 3;
  readonly prevTrackerId: number;
  readonly newTrackerId: number;
  readonly partnerGtId: number | null;
  readonly idtpCost: number;
}

/**
 * The ID-switch events among a run's stored events of one sequence (fragmentations are stored beside
 * them with kind 'fragmentation' and are left out). Throws on an event without the fields the diff needs.
 */
export function storedSwitches(events: readonly unknown[], sequence: string): StoredSwitch[] {
  const out: StoredSwitch[] = [];
  events.forEach((raw, k) => {
    const e = raw as Partial<StoredSwitch> & { kind?: unknown };
    if (e?.kind === 'fragmentation') return;
    const ok = typeof e?.frame === 'number' && typeof e.gtId === 'number' && (e.type === 1 || e.type === 2 || e.type === 3) && typeof e.prevTrackerId === 'number' && typeof e.newTrackerId === 'number';
    if (!ok) throw new TypeError(`${sequence}: stored event ${k} is not an ID-switch event (needs frame, gtId, type 1–3, prevTrackerId, newTrackerId)`);
    out.push({ frame: e.frame!, gtId: e.gtId!, type: e.type!, prevTrackerId: e.prevTrackerId!, newTrackerId: e.newTrackerId!, partnerGtId: typeof e.partnerGtId === 'number' ? e.partnerGtId : null, idtpCost: typeof e.idtpCost === 'number' ? e.idtpCost : 0 });
  });
  return out;
}

/** Frames of a tolerance given in seconds at a sequence's frame rate (0 s = exact frames). */
export function toleranceFrames(seconds: number, fps: number): number {
  if (!(seconds >= 0) || !(fps > 0)) throw new RangeError(`tolerance needs seconds >= 0 and fps > 0, got ${seconds} s at ${fps} fps`);
  return Math.round(seconds * fps);
}
