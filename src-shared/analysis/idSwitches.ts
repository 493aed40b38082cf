// ID-switch events and their error type (../shared/METHODS.md §5; reference script
// ../shared/spec/ref/errortypes_ref.py). Events come from CLEAR's own matching (metrics/clear.ts with a
// ClearMatchLog), so they are exactly the IDSW TrackEval counts: GT g matched to tracker id p_new at
// frame t while its last-ever matched id (any earlier frame) was p_old != p_new. Classification, in order:
//   Type 3 (inter-subject swap): p_new was matched to another GT g' within [t − W3, t−1], and g, g' were
//          close (IoU > 0 or centre distance <= κ·mean height) in some frame of [t − W3, t] where both exist;
//   Type 1 (switch after occlusion / re-appearance): not Type 3 and gap >= G_min;
//   Type 2 (temporal inconsistency): not Type 3 and gap < G_min.
// W3 = round(swapWindowS · fps) (Python's round: half to even), κ = 1, G_min = 1 by default (§5.3).
import { iouXywh } from '../metrics/boxIou';
import type { ClearMatchLog } from '../metrics/clear';
import type { EvalData } from '../metrics/evalData';
import { gtTrack, idtpCosts, type GtTrack } from './idtpCost';

/** UniTrack's error types (METHODS.md §5.1). */
export type SwitchType = 1 | 2 | 3;

/** Where the new id came from: g's own earlier id, another GT's id, or never matched before. */
export type NewIdKind = 'own' | 'recycled' | 'fresh';

/** Another GT object near the switching one at the switch frame. */
export interface NearbyGt {
  readonly gtId: number;
  readonly iou: number;
  readonly centerDistance: number;
}

/** One ID switch as CLEAR counts it, with its context. Ids are the file's ids; frames are 1-based. */
export interface SwitchEvent {
  readonly frame: number;
  readonly gtId: number;
  readonly prevTrackerId: number;
  readonly newTrackerId: number;
  /** Last frame the GT was matched (to prevTrackerId). */
  readonly lastMatchedFrame: number;
  /** Frames between the two matches (frame − lastMatchedFrame − 1). */
  readonly gap: number;
  readonly type: SwitchType;
  /** Type 3: the GT that held newTrackerId. */
  readonly partnerGtId: number | null;
  /** Type 3 with the partner switching to prevTrackerId within ±W3 frames: a true swap pair. */
  readonly mutual: boolean;
  readonly kind: NewIdKind;
  /** Diagnostic flags (do not change the type): visibility < 0.5 or IoU > 0.3 with another GT during the gap. */
  readonly occludedBefore: boolean;
  /** |log(w/h) now − log(w/h) at the last match| > 0.2. */
  readonly poseChange: boolean;
  /** Centre moved more than 0.5·height per frame since the last match. */
  readonly fastMotion: boolean;
  /** Other GT boxes at the switch frame with IoU > 0 or centre distance <= κ·mean height, by IoU. */
  readonly nearby: readonly NearbyGt[];
  /** IDTP gained if this switch were undone (see analysis/idtpCost.ts); ranks events by IDF1 impact. */
  readonly idtpCost: number;
  /** Source lines of the GT row and the tracker row at the switch. */
  readonly gtLine: number;
  readonly trackerLine: number;
}

/** A re-acquisition after the GT was annotated but unmatched (METHODS.md §5.2). */
export interface FragmentationEvent {
  readonly frame: number;
  readonly gtId: number;
  readonly trackerId: number;
  readonly lastMatchedFrame: number;
  /** Re-acquired under the id it had before (else this is also a switch event). */
  readonly sameId: boolean;
}

/** Thresholds of METHODS.md §5.3. */
export interface SwitchOptions {
  /** Sampled frame rate (seqinfo.ini frameRate). */
  readonly fps: number;
  readonly swapWindowS?: number;
  readonly kappa?: number;
  readonly gapMin?: number;
}

/** Every switch and fragmentation of a sequence, with per-type totals (type1 + type2 + type3 = IDSW). */
export interface SwitchAnalysis {
  readonly events: readonly SwitchEvent[];
  readonly fragmentations: readonly FragmentationEvent[];
  readonly totals: { readonly type1: number; readonly type2: number; readonly type3: number; readonly mutual: number; readonly idsw: number };
  readonly params: { readonly w3Frames: number; readonly kappa: number; readonly gapMin: number };
}

/** Python's round(): half to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const cx = (b: Float64Array, k: number): number => b[4 * k]! + b[4 * k + 2]! / 2;
const cy = (b: Float64Array, k: number): number => b[4 * k + 1]! + b[4 * k + 3]! / 2;
const iouDets = (b: Float64Array, i: number, j: number): number =>
  iouXywh(b[4 * i]!, b[4 * i + 1]!, b[4 * i + 2]!, b[4 * i + 3]!, b[4 * j]!, b[4 * j + 1]!, b[4 * j + 2]!, b[4 * j + 3]!);

/** ID-switch events (exactly CLEAR's IDSW), their types and context, and fragmentations. */
export function analyzeSwitches(d: EvalData, log: ClearMatchLog, opts: SwitchOptions): SwitchAnalysis {
  const w3 = Math.max(1, roundHalfEven((opts.swapWindowS ?? 1) * opts.fps));
  const kappa = opts.kappa ?? 1;
  const gapMin = opts.gapMin ?? 1;
  const box = d.gtXywh;
  const tracks: GtTrack[] = gtTrack(d);
  const close = (a: number, b: number): boolean => {
    const dist = Math.hypot(cx(box, a) - cx(box, b), cy(box, a) - cy(box, b));
    return iouDets(box, a, b) > 0 || dist <= (kappa * (box[4 * a + 3]! + box[4 * b + 3]!)) / 2;
  };
  const lastT = new Int32Array(d.numGtIds).fill(-1);
  const lastP = new Int32Array(d.numGtIds).fill(-1);
  const lastDet = new Int32Array(d.numGtIds).fill(-1);
  const owners: { t: number; g: number }[][] = Array.from({ length: d.numTrackerIds }, () => []);
  const history: Set<number>[] = Array.from({ length: d.numGtIds }, () => new Set());
  const lost = new Uint8Array(d.numGtIds); // 1 = was matched, now annotated but unmatched
  const raw: (Omit<SwitchEvent, 'mutual' | 'idtpCost'> & { g: number; t: number; pOld: number; pNew: number; partner: number })[] = [];
  const fragmentations: FragmentationEvent[] = [];
  for (let t = 0; t < d.numTimesteps; t++) {
    const g0 = d.gtStart[t]!, g1 = d.gtStart[t + 1]!;
    for (let k = g0; k < g1; k++) {
      const g = d.gtIds[k]!;
      const td = log.trackerDetOfGtDet[k]!;
      if (td < 0) {
        if (lastT[g]! >= 0) lost[g] = 1;
        continue;
      }
      const p = d.trIds[td]!;
      if (lost[g]) fragmentations.push({ frame: t + 1, gtId: d.gtIdNames[g]!, trackerId: d.trIdNames[p]!, lastMatchedFrame: lastT[g]! + 1, sameId: lastP[g] === p });
      lost[g] = 0;
      if (lastT[g]! < 0 || lastP[g] === p) continue;
      const gap = t - lastT[g]! - 1;
      // Type 3: the most recent other owner of p within W3 that was close to g in [t - W3, t].
      let partner = -1;
      const seen = new Set<number>();
      for (let o = owners[p]!.length - 1; o >= 0 && partner < 0; o--) {
        const { t: t2, g: g2 } = owners[p]![o]!;
        if (t2 < t - w3) break;
        if (g2 === g || seen.has(g2)) continue;
        seen.add(g2);
        for (let ff = Math.max(t - w3, 0); ff <= t && partner < 0; ff++) {
          const a = tracks[g]!.detAt(ff);
          const b = tracks[g2]!.detAt(ff);
          if (a >= 0 && b >= 0 && close(a, b)) partner = g2;
        }
      }
      const kind: NewIdKind = history[g]!.has(p) ? 'own' : owners[p]!.some((o) => o.g !== g) ? 'recycled' : 'fresh';
      raw.push({
        g, t, pOld: lastP[g]!, pNew: p, partner,
        frame: t + 1, gtId: d.gtIdNames[g]!, prevTrackerId: d.trIdNames[lastP[g]!]!, newTrackerId: d.trIdNames[p]!,
        lastMatchedFrame: lastT[g]! + 1, gap,
        type: partner >= 0 ? 3 : gap >= gapMin ? 1 : 2,
        partnerGtId: partner >= 0 ? d.gtIdNames[partner]! : null,
        kind,
        ...flags(d, tracks[g]!, lastT[g]!, t, lastDet[g]!, k),
        nearby: nearbyGt(d, k, t, kappa),
        gtLine: d.gtLine[k]!,
        trackerLine: d.trLine[td]!,
      });
    }
    // Owners and histories are updated after the whole frame, as in the reference script.
    for (let k = g0; k < g1; k++) {
      const td = log.trackerDetOfGtDet[k]!;
      if (td < 0) continue;
      const g = d.gtIds[k]!;
      const p = d.trIds[td]!;
      lastT[g] = t;
      lastP[g] = p;
      lastDet[g] = k;
      owners[p]!.push({ t, g });
      history[g]!.add(p);
    }
  }
  const costs = idtpCosts(d, log, tracks, raw);
  const events: SwitchEvent[] = raw.map((e, i) => {
    const mutual = e.partner >= 0 && raw.some((o) => o !== e && o.g === e.partner && o.pNew === e.pOld && Math.abs(o.t - e.t) <= w3);
    const { g: _g, t: _t, pOld: _o, pNew: _n, partner: _p, ...rest } = e;
    return { ...rest, mutual, idtpCost: costs[i]! };
  });
  const count = (ty: SwitchType): number => events.filter((e) => e.type === ty).length;
  return {
    events,
    fragmentations,
    totals: { type1: count(1), type2: count(2), type3: count(3), mutual: events.filter((e) => e.mutual).length, idsw: events.length },
    params: { w3Frames: w3, kappa, gapMin },
  };
}

/** The diagnostic flags of METHODS.md §5.3 for a switch of GT track `tr` at det k (last matched at det k0). */
function flags(d: EvalData, tr: GtTrack, t0: number, t: number, k0: number, k: number): { occludedBefore: boolean; poseChange: boolean; fastMotion: boolean } {
  const b = d.gtXywh;
  let maxVis = -Infinity;
  let overlapped = false;
  for (let f = t0 + 1; f < t; f++) {
    const a = tr.detAt(f);
    if (a < 0) continue;
    const v = d.gtVisibility[a]!;
    if (!Number.isNaN(v)) maxVis = Math.max(maxVis, v);
    for (let o = d.gtStart[f]!; o < d.gtStart[f + 1]! && !overlapped; o++) if (o !== a && iouDets(b, a, o) > 0.3) overlapped = true;
  }
  const aspect = (q: number): number => Math.log(b[4 * q + 2]! / b[4 * q + 3]!);
  const moved = Math.hypot(cx(b, k) - cx(b, k0), cy(b, k) - cy(b, k0)) / (t - t0);
  return {
    occludedBefore: (maxVis > -Infinity && maxVis < 0.5) || overlapped,
    poseChange: Math.abs(aspect(k) - aspect(k0)) > 0.2,
    fastMotion: moved > 0.5 * b[4 * k + 3]!,
  };
}

/** Other GT boxes near GT det k in its timestep t (IoU > 0 or centre distance <= κ·mean height). */
function nearbyGt(d: EvalData, k: number, t: number, kappa: number): NearbyGt[] {
  const b = d.gtXywh;
  const out: NearbyGt[] = [];
  for (let o = d.gtStart[t]!; o < d.gtStart[t + 1]!; o++) {
    if (o === k) continue;
    const iou = iouDets(b, k, o);
    const centerDistance = Math.hypot(cx(b, k) - cx(b, o), cy(b, k) - cy(b, o));
    if (iou > 0 || centerDistance <= (kappa * (b[4 * k + 3]! + b[4 * o + 3]!)) / 2) out.push({ gtId: d.gtIdNames[d.gtIds[o]!]!, iou, centerDistance });
  }
  return out.sort((x, y) => y.iou - x.iou || x.centerDistance - y.centerDistance);
}
