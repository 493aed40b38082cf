// The data of an MPN training run from the project (METHODS.md §2.2–2.3, §2.7, splits of §6.4-1): each
// sequence's annotations (edge labels, §2.5) and detections (or the annotations as nodes), the frame
// images when the node features need them, the validation split, the node-feature choice, and a
// fingerprint of all of it (resume refuses changed data). No pixels here: the worker decodes.
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import type { MotTable } from '../../../src-shared/formats/motTable';
import { fail } from '../../../src-shared/ipc/result';
import type { MpnFeatureKind, MpnSourceSequence, StoredWeightsWire } from '../../../src-shared/learning/mpnWire';
import { guardGapFrames, sampledFrames, timeBlockSplit } from '../../../src-shared/learning/splits';
import type { ProjectStore } from '../../store/project/projectStore';
import type { SequenceRow } from '../../store/project/readers/sequences';
import { exportRows } from '../exports/exportMot';
import { loadReidWeights } from './trainArtifacts';

/** Each frame's image path (index 0 = frame 1, '' where missing), or null for a sequence without images. */
export function frameFileList(store: ProjectStore, seq: SequenceRow): string[] | null {
  if (!seq.framesDir) return null;
  const out = new Array<string>(seq.frameCount).fill('');
  for (const f of store.sequences.frameFiles(seq.id)) if (f.frame >= 1 && f.frame <= seq.frameCount) out[f.frame - 1] = join(seq.framesDir, f.file);
  return out;
}

/** One sequence (frames [from, to]) as MPN training data. */
export function mpnSource(store: ProjectStore, seq: SequenceRow, detectionSet: string | undefined, range: readonly [number, number], withFrames: boolean): MpnSourceSequence {
  const gt = exportRows(store, seq, { kind: 'gt' }).table;
  if (gt.count === 0) fail('invalid_request', `${seq.name} has no annotations: the MPN's edge labels come from them`);
  return {
    name: seq.name,
    fps: seq.fps,
    imageWidth: seq.width,
    imageHeight: seq.height,
    gtHasClassVisibility: seq.gtLayout === 'class-visibility',
    gt,
    dets: detectionSet === undefined ? null : exportRows(store, seq, { kind: 'det', name: detectionSet }).table,
    from: range[0],
    to: range[1],
    frameFiles: withFrames ? frameFileList(store, seq) : null,
  };
}

/** What an MPN run trains on. */
export interface MpnDataRequest {
  readonly train: readonly SequenceRow[];
  /** Explicit validation sequences, or 'auto' (the last of several training sequences; else the last 20 % of one after a 2 s gap). */
  readonly validation: readonly SequenceRow[] | 'auto';
  readonly detectionSet?: string;
  /** A reid training run whose CNN embeds the crops (request field `featureRunId`). */
  readonly featureRunId?: number;
}

/** The built data. */
export interface MpnData {
  readonly train: readonly MpnSourceSequence[];
  readonly validation: readonly MpnSourceSequence[];
  readonly features: MpnFeatureKind;
  readonly featureWeights?: StoredWeightsWire;
  readonly split: 'sequences' | 'time-blocks' | 'none';
  readonly warnings: readonly string[];
  readonly hash: string;
}

function hashTable(h: ReturnType<typeof createHash>, t: MotTable | null): void {
  if (!t) return void h.update('none|');
  for (const a of [t.frame, t.id, t.x, t.y, t.w, t.h, t.conf, t.c8, t.c9]) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

/**
 * §2.3 node features for runs over `seqs`: a reid run's CNN (`featureRunId`, every sequence needs frames),
 * else colour histograms when every sequence has frames, else none (with a warning in `warnings`).
 */
export function chooseFeatures(store: ProjectStore, seqs: readonly SequenceRow[], featureRunId: number | undefined, warnings: string[]): { features: MpnFeatureKind; featureWeights?: StoredWeightsWire } {
  if (featureRunId !== undefined) {
    const run = store.runs.get(featureRunId);
    if (!run) fail('not_found', `featureRunId: no run ${featureRunId}`);
    if (run.kind !== 'train') fail('invalid_request', `featureRunId: run ${featureRunId} is ${run.kind === 'eval' || run.kind === 'ablate' ? 'an' : 'a'} ${run.kind} run, not an appearance training run`);
    if ((run.config as { model?: string } | null)?.model === 'mpn') fail('invalid_request', `featureRunId: run ${featureRunId} is an MPN run; node features come from an appearance (reid) training run`);
    const featureWeights = loadReidWeights(store, featureRunId);
    for (const s of seqs) if (!s.framesDir) fail('invalid_request', `featureRunId: ${s.name} has no frame images to embed crops from`);
    return { features: 'reid', featureWeights };
  }
  if (seqs.every((s) => s.framesDir)) return { features: 'color-histogram' };
  const some = seqs.filter((s) => s.framesDir).map((s) => s.name);
  warnings.push(`node features: none (position and time only) — ${some.length ? `only ${some.join(', ')} of the sequences have frames` : 'the sequences have no frame images'}`);
  return { features: 'none' };
}

/** Builds the sources, the split and the feature choice (AppErrors name the request field at fault). */
export function buildMpnData(store: ProjectStore, o: MpnDataRequest): MpnData {
  const warnings: string[] = [];
  const explicit = o.validation === 'auto' ? [] : o.validation;
  for (const v of explicit) if (o.train.some((t) => t.id === v.id)) fail('invalid_request', `validationSequences: ${v.name} is also a training sequence`);
  const all = [...o.train, ...explicit];
  const { features, featureWeights } = chooseFeatures(store, all, o.featureRunId, warnings);
  const withFrames = features !== 'none';
  const whole = (s: SequenceRow): [number, number] => [1, s.frameCount];
  let trainRows: { seq: SequenceRow; range: [number, number] }[] = o.train.map((s) => ({ seq: s, range: whole(s) }));
  let valRows = explicit.map((s) => ({ seq: s, range: whole(s) }));
  let split: MpnData['split'] = explicit.length ? 'sequences' : 'none';
  if (o.validation === 'auto' && o.train.length >= 2) {
    valRows = [trainRows[trainRows.length - 1]!];
    trainRows = trainRows.slice(0, -1);
    split = 'sequences';
    warnings.push(`validation: held out ${valRows[0]!.seq.name} (choose with validationSequences)`);
  } else if (o.validation === 'auto') {
    const seq = o.train[0]!;
    const guard = guardGapFrames(seq.fps);
    const cut = timeBlockSplit(sampledFrames(1, seq.frameCount, 1), { fraction: 0.2, guardFrames: guard, minFrames: Math.max(15, guard) });
    if (cut) {
      trainRows = [{ seq, range: [1, cut.cutFrame - guard] }];
      valRows = [{ seq, range: [cut.cutFrame, seq.frameCount] }];
      split = 'time-blocks';
      warnings.push(`validation: one sequence, split in time (frames ≥ ${cut.cutFrame} held out after a ${guard}-frame guard gap); the same identities appear on both sides`);
    } else warnings.push(`validation: ${seq.name} is too short to hold out a time block; training without validation`);
  }
  const train = trainRows.map((r) => mpnSource(store, r.seq, o.detectionSet, r.range, withFrames));
  const validation = valRows.map((r) => mpnSource(store, r.seq, o.detectionSet, r.range, withFrames));
  const h = createHash('sha256');
  h.update(JSON.stringify({ features, split, detectionSet: o.detectionSet ?? null }));
  for (const s of [...train, ...validation]) {
    h.update(`${s.name}|${s.fps}|${s.from}|${s.to}|${s.imageWidth}x${s.imageHeight}|`);
    hashTable(h, s.gt);
    hashTable(h, s.dets);
    for (const f of s.frameFiles ?? []) h.update(`${basename(f)}|`);
  }
  if (featureWeights) h.update(featureWeights.data);
  return { train, validation, features, ...(featureWeights ? { featureWeights } : {}), split, warnings, hash: h.digest('hex') };
}
