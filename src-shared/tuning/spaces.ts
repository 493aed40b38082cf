// The default search space of each tracker: the parameters that matter most, in ranges around the
// official defaults (registry.ts PARAM_SPECS gives what is settable at all).
import type { TrackerKind } from '../tracking/registry';
import type { SearchSpace } from './space';

/** Search spaces by tracker. */
export const TRACKER_SPACES: Readonly<Record<TrackerKind, SearchSpace>> = {
  sort: {
    maxAge: { kind: 'int', low: 1, high: 30, log: true },
    minHits: { kind: 'int', low: 1, high: 5 },
    iouThreshold: { kind: 'float', low: 0.1, high: 0.7 },
  },
  bytetrack: {
    trackThresh: { kind: 'float', low: 0.3, high: 0.8 },
    trackBuffer: { kind: 'int', low: 10, high: 120, log: true },
    matchThresh: { kind: 'float', low: 0.6, high: 0.95 },
    secondMatchThresh: { kind: 'float', low: 0.3, high: 0.8 },
    newTrackMargin: { kind: 'float', low: 0, high: 0.2 },
  },
  ocsort: {
    detThresh: { kind: 'float', low: 0.3, high: 0.8 },
    maxAge: { kind: 'int', low: 10, high: 120, log: true },
    minHits: { kind: 'int', low: 1, high: 5 },
    iouThreshold: { kind: 'float', low: 0.1, high: 0.6 },
    deltaT: { kind: 'int', low: 1, high: 5 },
    inertia: { kind: 'float', low: 0, high: 0.5 },
    assoFunc: { kind: 'categorical', choices: ['iou', 'giou'] },
    useByte: { kind: 'categorical', choices: [false, true] },
  },
  iou: {
    sigmaL: { kind: 'float', low: 0, high: 0.6 },
    sigmaH: { kind: 'float', low: 0.3, high: 0.95 },
    sigmaIou: { kind: 'float', low: 0.1, high: 0.7 },
    tMin: { kind: 'int', low: 1, high: 8 },
  },
  appearance: {
    highThresh: { kind: 'float', low: 0.3, high: 0.8 },
    newTrackThresh: { kind: 'float', low: 0.4, high: 0.9 },
    matchThresh: { kind: 'float', low: 0.6, high: 0.95 },
    trackBuffer: { kind: 'int', low: 10, high: 120, log: true },
    proximityThresh: { kind: 'float', low: 0.2, high: 0.9 },
    appearanceThresh: { kind: 'float', low: 0.05, high: 0.5 },
    emaAlpha: { kind: 'float', low: 0.5, high: 0.99 },
  },
};
