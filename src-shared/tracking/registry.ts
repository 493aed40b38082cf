// The trackers by name, their parameter specifications (for the CLI's --param and the tuner's search
// spaces) and the official evaluation settings of ../shared/data/parity/README.md: frame loop, output
// filter, the writer's row format and the per-sequence overrides, chosen by sequence name.
import { APPEARANCE_DEFAULTS, AppearanceTracker } from './appearance';
import { BYTETRACK_DEFAULTS, ByteTrack } from './byteTrack';
import { IOU_TRACKER_DEFAULTS, IOU_TRACKER_MOT17, IouTracker } from './iouTracker';
import { OCSORT_DEFAULTS, OcSort } from './ocSort';
import { OFFICIAL_OUTPUT_FILTER, type FrameLoop, type OutputFilter, type RowStyle } from './sequence';
import { SORT_DEFAULTS, Sort } from './sort';
import type { IdAllocator, Tracker } from './types';
import { assertNever } from '../util/assertNever';

/** The trackers Trackwright ships. */
export const TRACKER_KINDS = ['sort', 'bytetrack', 'ocsort', 'iou', 'appearance'] as const;

/** A tracker name. */
export type TrackerKind = (typeof TRACKER_KINDS)[number];

/** Parameter values by name (numbers, booleans or enum strings). */
export type ParamValues = Readonly<Record<string, number | boolean | string>>;

/** How a parameter may be set. */
export type ParamSpec =
  | { readonly type: 'float'; readonly min: number; readonly max: number }
  | { readonly type: 'int'; readonly min: number; readonly max: number }
  | { readonly type: 'bool' }
  | { readonly type: 'enum'; readonly values: readonly string[] };

const unit = { type: 'float', min: 0, max: 1 } as const;
const frames = { type: 'int', min: 0, max: 10000 } as const;

/** The settable parameters of each tracker (names as in its params interface). */
export const PARAM_SPECS: Readonly<Record<TrackerKind, Readonly<Record<string, ParamSpec>>>> = {
  sort: { maxAge: frames, minHits: frames, iouThreshold: unit },
  bytetrack: {
    trackThresh: unit,
    trackBuffer: frames,
    matchThresh: unit,
    frameRate: { type: 'float', min: 1, max: 1000 },
    fuseScore: { type: 'bool' },
    lowThresh: unit,
    newTrackMargin: unit,
    secondMatchThresh: unit,
    unconfirmedMatchThresh: unit,
    duplicateThresh: unit,
  },
  ocsort: {
    detThresh: unit,
    maxAge: frames,
    minHits: frames,
    iouThreshold: unit,
    deltaT: { type: 'int', min: 1, max: 100 },
    assoFunc: { type: 'enum', values: ['iou', 'giou'] },
    inertia: unit,
    useByte: { type: 'bool' },
  },
  iou: { sigmaL: { type: 'float', min: -10, max: 10 }, sigmaH: { type: 'float', min: -10, max: 10 }, sigmaIou: unit, tMin: frames },
  appearance: {
    highThresh: unit,
    lowThresh: unit,
    newTrackThresh: unit,
    matchThresh: unit,
    trackBuffer: frames,
    frameRate: { type: 'float', min: 1, max: 1000 },
    proximityThresh: unit,
    appearanceThresh: unit,
    emaAlpha: unit,
    motionGate: { type: 'bool' },
  },
};

/** The official defaults of each tracker. */
export const TRACKER_DEFAULTS: Readonly<Record<TrackerKind, ParamValues>> = {
  sort: SORT_DEFAULTS as unknown as ParamValues,
  bytetrack: BYTETRACK_DEFAULTS as unknown as ParamValues,
  ocsort: OCSORT_DEFAULTS as unknown as ParamValues,
  iou: IOU_TRACKER_DEFAULTS as unknown as ParamValues,
  appearance: APPEARANCE_DEFAULTS as unknown as ParamValues,
};

/** Parses `key=value` for a tracker; returns the typed value or a one-line reason. */
export function parseParam(kind: TrackerKind, key: string, raw: string): { value: number | boolean | string } | { error: string } {
  const spec = PARAM_SPECS[kind][key];
  if (!spec) return { error: `unknown parameter ${JSON.stringify(key)} for ${kind} (known: ${Object.keys(PARAM_SPECS[kind]).join(', ')})` };
  switch (spec.type) {
    case 'bool':
      if (raw === 'true' || raw === '1') return { value: true };
      if (raw === 'false' || raw === '0') return { value: false };
      return { error: `${key} must be true or false, got ${JSON.stringify(raw)}` };
    case 'enum':
      return spec.values.includes(raw) ? { value: raw } : { error: `${key} must be one of ${spec.values.join(', ')}, got ${JSON.stringify(raw)}` };
    case 'int':
    case 'float': {
      const v = raw.trim() === '' ? NaN : Number(raw);
      if (!Number.isFinite(v) || (spec.type === 'int' && !Number.isInteger(v))) return { error: `${key} must be ${spec.type === 'int' ? 'a whole number' : 'a number'}, got ${JSON.stringify(raw)}` };
      if (v < spec.min || v > spec.max) return { error: `${key} must be between ${spec.min} and ${spec.max}, got ${v}` };
      return { value: v };
    }
    default:
      return assertNever(spec, 'parameter spec');
  }
}

/** A new tracker of `kind` with `params` over the defaults, taking ids from `ids`. */
export function createTracker(kind: TrackerKind, params: ParamValues, ids: IdAllocator): Tracker {
  switch (kind) {
    case 'sort':
      return new Sort(params, ids);
    case 'bytetrack':
      return new ByteTrack(params, ids);
    case 'ocsort':
      return new OcSort(params, ids);
    case 'iou':
      return new IouTracker(params, ids);
    case 'appearance':
      return new AppearanceTracker(params, ids);
    default:
      return assertNever(kind, 'tracker');
  }
}

/** Everything that decides how a sequence is tracked and written. */
export interface TrackingSetup {
  readonly kind: TrackerKind;
  readonly params: ParamValues;
  readonly loop: FrameLoop;
  readonly filter?: OutputFilter;
  readonly rowStyle: RowStyle;
}

/** The MOT17 sequence number of a name like "MOT17-05-SDP" (or "MOT17-05"), else undefined. */
function mot17Number(name: string): number | undefined {
  const m = /MOT17-(\d\d)/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/**
 * The setup of `kind` for a sequence. `official` applies the official evaluation's settings (parity
 * README): ByteTrack track_buffer 14 for MOT17-05/06 and 25 for MOT17-13/14 with frame_rate 30
 * (mot_evaluator.py), the w·h > 100 and w/h <= 1.6 output filter for ByteTrack, OC-SORT and the
 * appearance tracker, and the IOU tracker's per-detector settings (mot17.py). Explicit `params` win.
 */
export function trackingSetup(kind: TrackerKind, opts: { official: boolean; sequenceName?: string; frameRate?: number; params?: ParamValues }): TrackingSetup {
  const name = opts.sequenceName ?? '';
  const base: Record<string, number | boolean | string> = {};
  if (opts.official) {
    if (kind === 'bytetrack') {
      const n = mot17Number(name);
      if (n === 5 || n === 6) base['trackBuffer'] = 14;
      else if (n === 13 || n === 14) base['trackBuffer'] = 25;
    }
    if (kind === 'iou') {
      const det = /DPM|FRCNN|SDP/.exec(name)?.[0] as keyof typeof IOU_TRACKER_MOT17 | undefined;
      if (det) Object.assign(base, IOU_TRACKER_MOT17[det]);
    }
  } else if (opts.frameRate !== undefined && (kind === 'bytetrack' || kind === 'appearance')) base['frameRate'] = opts.frameRate;
  const params = { ...base, ...(opts.params ?? {}) };
  const filtered = opts.official && (kind === 'bytetrack' || kind === 'ocsort' || kind === 'appearance');
  const rowStyle: RowStyle = kind === 'sort' ? 'sort' : kind === 'ocsort' ? 'ocsort' : kind === 'bytetrack' || kind === 'appearance' ? 'bytetrack' : 'canonical';
  return { kind, params, loop: kind === 'sort' || kind === 'iou' ? 'every-frame' : 'skip-empty', ...(filtered ? { filter: OFFICIAL_OUTPUT_FILTER } : {}), rowStyle };
}
