// The data pipeline's decisions (METHODS.md §6.2, §6.4-1) as a TrainPlan: sampled frames (~6–10 fps),
// boxes matched to GT with dense identities across sequences, clips of T = 10 consecutive sampled
// frames, and the split — by sequence, or for a single sequence contiguous time blocks with a ≥ 2 s
// guard gap (with a warning: the same people appear on both sides). No pixels: the worker decodes.
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { fail } from '../../../src-shared/ipc/result';
import { DEFAULT_AUGMENT, type AugmentOptions } from '../../../src-shared/learning/augment';
import { autoFrameStep, clipWindows, consecutiveRuns, guardGapFrames, timeBlockSplit } from '../../../src-shared/learning/splits';
import type { PlanFrame, PlanSequence, TrainPlan } from '../../../src-shared/learning/trainPlan';
import type { ProjectStore } from '../../store/project/projectStore';
import type { SequenceRow } from '../../store/project/readers/sequences';
import { sequenceSamples, type FrameSamples } from './frameBoxes';

/** What to build a plan from. */
export interface PlanRequest {
  readonly train: readonly SequenceRow[];
  /** Explicit validation sequences; 'auto': the last training sequence, or a time block of a single one; 'none'. */
  readonly validation: readonly SequenceRow[] | 'auto' | 'none';
  readonly detectionSet?: string;
  /** Frame ranges per sequence id (held-out parts of an ablation). */
  readonly ranges?: ReadonlyMap<number, readonly [number, number]>;
  readonly cropHeight?: number;
  readonly cropWidth?: number;
  /** T, frames per clip (§6.2: 10). */
  readonly clipLength?: number;
  /** Share of a single sequence held out for validation (default 0.2). */
  readonly validationFraction?: number;
  readonly augment?: AugmentOptions;
}

/** A plan with how it was made. */
export interface BuiltPlan {
  readonly plan: TrainPlan;
  /** Fingerprint of everything that decides the training data (resume refuses a changed plan). */
  readonly hash: string;
  readonly split: 'sequences' | 'time-blocks' | 'none';
  readonly warnings: readonly string[];
  readonly summary: {
    readonly trainFrames: number;
    readonly validationFrames: number;
    readonly trainClips: number;
    readonly validationClips: number;
    readonly trainBoxes: number;
    readonly falsePositives: number;
    readonly identities: number;
    readonly validationSequences: readonly string[];
  };
}

interface Block {
  readonly seq: number;
  readonly step: number;
  readonly frames: readonly (FrameSamples & { file: string })[];
}

/** Sampled frames (with an image) of a sequence within its range. */
function sampledSamples(store: ProjectStore, seq: SequenceRow, o: PlanRequest, step: number): (FrameSamples & { file: string })[] {
  if (!seq.framesDir) fail('invalid_request', `${seq.name} has no frame images: training crops come from them`);
  const files = new Map(store.sequences.frameFiles(seq.id).map((f) => [f.frame, join(seq.framesDir!, f.file)]));
  const [from, to] = o.ranges?.get(seq.id) ?? [1, seq.frameCount];
  const samples = sequenceSamples(store, seq, { ...(o.detectionSet !== undefined ? { detectionSet: o.detectionSet } : {}), minVisibility: 0.2 }, from, to);
  const out: (FrameSamples & { file: string })[] = [];
  for (const [f, s] of samples) if ((f - 1) % step === 0 && files.has(f)) out.push({ ...s, file: files.get(f)! });
  return out;
}

/** Builds the plan (throws AppErrors for sequences without frames, annotations or the detection set). */
export function buildTrainPlan(store: ProjectStore, o: PlanRequest): BuiltPlan {
  const T = o.clipLength ?? 10;
  const warnings: string[] = [];
  const explicit = Array.isArray(o.validation) ? (o.validation as readonly SequenceRow[]) : [];
  for (const v of explicit) if (o.train.some((t) => t.id === v.id)) fail('invalid_request', `${v.name} is both a training and a validation sequence`);
  const all = [...o.train, ...explicit];
  const sequences: PlanSequence[] = all.map((s) => ({ name: s.name, imageWidth: s.width, imageHeight: s.height, frameStep: autoFrameStep(s.fps) }));
  const blocksOf = (k: number): Block => ({ seq: k, step: sequences[k]!.frameStep, frames: sampledSamples(store, all[k]!, o, sequences[k]!.frameStep) });
  let train: Block[] = o.train.map((_, k) => blocksOf(k));
  let validation: Block[] = explicit.map((_, k) => blocksOf(o.train.length + k));
  let split: BuiltPlan['split'] = explicit.length ? 'sequences' : 'none';
  if (o.validation === 'auto' && train.length >= 2) {
    validation = [train[train.length - 1]!];
    train = train.slice(0, -1);
    split = 'sequences';
    warnings.push(`validation: held out ${all[validation[0]!.seq]!.name} (choose with validationSequences)`);
  } else if (o.validation === 'auto') {
    const b = train[0]!;
    const seq = all[b.seq]!;
    const cut = timeBlockSplit(b.frames.map((f) => f.frameIndex), { fraction: o.validationFraction ?? 0.2, guardFrames: guardGapFrames(seq.fps), minFrames: T });
    if (cut) {
      const first = new Set(cut.first);
      train = [{ ...b, frames: b.frames.filter((f) => first.has(f.frameIndex)) }];
      validation = [{ ...b, frames: b.frames.filter((f) => f.frameIndex >= cut.cutFrame) }];
      split = 'time-blocks';
      warnings.push(
        `validation: one sequence, split in time (frames ≥ ${cut.cutFrame} held out after a ${guardGapFrames(seq.fps)}-frame guard gap); the same identities appear on both sides, so validation says little about new scenes`,
      );
    } else warnings.push(`validation: ${seq.name} is too short to hold out a time block of ${T} sampled frames; training without validation`);
  }
  // Dense identities: training identities first (the ID head's classes), validation ones after.
  const ids = new Map<string, number>();
  const frames: PlanFrame[] = [];
  const clips = { train: [] as number[], validation: [] as number[] };
  let trainBoxes = 0;
  let falsePositives = 0;
  let numIdentities = 0;
  for (const [kind, blocks] of [['train', train], ['validation', validation]] as const) {
    for (const b of blocks) {
      for (const run of consecutiveRuns(b.frames.map((f) => f.frameIndex), b.step)) {
        const start = frames.length;
        const byFrame = new Map(b.frames.map((f) => [f.frameIndex, f]));
        for (const fi of run) {
          const s = byFrame.get(fi)!;
          const identities = Int32Array.from(s.keys, (k) => {
            if (k < 0) return -1;
            const key = `${b.seq}:${k}`;
            if (!ids.has(key)) ids.set(key, ids.size);
            return ids.get(key)!;
          });
          if (kind === 'train') {
            trainBoxes += s.keys.length;
            falsePositives += s.keys.filter((k) => k < 0).length;
          }
          frames.push({ seq: b.seq, frameIndex: fi, file: s.file, boxesXyxy: s.boxesXyxy, identities, quality: s.quality, gtCount: s.gtCount });
        }
        for (const [s, n] of clipWindows(run.length, T, kind === 'train' ? Math.ceil(T / 2) : T)) clips[kind].push(start + s, n);
      }
    }
    if (kind === 'train') numIdentities = ids.size;
  }
  if (numIdentities === 0) fail('invalid_request', 'the training frames have no identity: no detection matches an annotation (IoU ≥ 0.5)');
  if (clips.train.length === 0) fail('invalid_request', 'no training clips: the training sequences have fewer than 2 annotated frames with images');
  const plan: TrainPlan = {
    cropHeight: o.cropHeight ?? 64,
    cropWidth: o.cropWidth ?? 32,
    numIdentities,
    boxes: o.detectionSet === undefined ? 'gt' : 'detections',
    augment: o.augment ?? DEFAULT_AUGMENT,
    sequences,
    frames,
    trainClips: Int32Array.from(clips.train),
    validationClips: Int32Array.from(clips.validation),
  };
  const trainFrames = train.reduce((n, b) => n + b.frames.length, 0);
  return {
    plan,
    hash: planHash(plan),
    split,
    warnings,
    summary: {
      trainFrames,
      validationFrames: validation.reduce((n, b) => n + b.frames.length, 0),
      trainClips: clips.train.length / 2,
      validationClips: clips.validation.length / 2,
      trainBoxes,
      falsePositives,
      identities: numIdentities,
      validationSequences: [...new Set(validation.map((b) => all[b.seq]!.name))],
    },
  };
}

/** SHA-256 of the plan's content (file names without their folder, so a moved project still resumes). */
export function planHash(p: TrainPlan): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ c: [p.cropHeight, p.cropWidth, p.numIdentities, p.boxes], a: p.augment, s: p.sequences }));
  for (const f of p.frames) {
    h.update(`${f.seq}|${f.frameIndex}|${basename(f.file)}|${f.gtCount}|`);
    for (const a of [f.boxesXyxy, f.identities, f.quality]) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  h.update(new Uint8Array(p.trainClips.buffer, p.trainClips.byteOffset, p.trainClips.byteLength));
  h.update(new Uint8Array(p.validationClips.buffer, p.validationClips.byteOffset, p.validationClips.byteLength));
  return h.digest('hex');
}
