// track.start with tracker 'mpn' (METHODS.md §2.8): a trained MPN (an MPN training run, `modelRunId`)
// tracks each sequence's detection set in a worker; the rows are written as a result set and the run is
// stored like every other tracker's, so the set evaluates, exports and pre-annotates like any other.
import type { ApiParsedRequest as Req, ApiResponse as Res } from '../../../src-shared/ipc/contract';
import { fail } from '../../../src-shared/ipc/result';
import type { MpnTrackJobPayload, MpnTrackJobResult, MpnTrackParams, MpnTrackProgressWire } from '../../../src-shared/learning/mpnWire';
import type { JobRunner } from '../../jobs/JobRunner';
import type { ProjectStore } from '../../store/project/projectStore';
import type { SequenceRow } from '../../store/project/readers/sequences';
import { tableBuffers } from '../evaluation/projectTables';
import { exportRows } from '../exports/exportMot';
import { loadMpnModel } from '../training/mpnArtifacts';
import { frameFileList } from '../training/mpnSources';

/** The MPN tracker's parameters (`params`), checked: rounding threshold in (0, 1), minimum track length ≥ 1, gap interpolation. */
export function mpnTrackParams(params: Readonly<Record<string, number | boolean | string>> | undefined): MpnTrackParams {
  const out: { threshold?: number; minTrackLength?: number; interpolate?: boolean } = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (k === 'threshold') {
      if (typeof v !== 'number' || !(v > 0 && v < 1)) fail('invalid_request', `params.threshold: the rounding threshold on edge probabilities must be a number in (0, 1), got ${JSON.stringify(v)}`);
      out.threshold = v;
    } else if (k === 'minTrackLength') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) fail('invalid_request', `params.minTrackLength: must be an integer ≥ 1, got ${JSON.stringify(v)}`);
      out.minTrackLength = v;
    } else if (k === 'interpolate') {
      if (typeof v !== 'boolean') fail('invalid_request', `params.interpolate: must be true or false, got ${JSON.stringify(v)}`);
      out.interpolate = v;
    } else fail('invalid_request', `params.${k}: the MPN tracker takes threshold, minTrackLength and interpolate`);
  }
  return out;
}

/** Starts an MPN tracking job over `seqs` (already checked to have the detection set). */
export function startMpnTrack(store: ProjectStore, r: Req<'track.start'>, seqs: readonly SequenceRow[], runner: JobRunner, worker: URL, now: () => number): Res<'track.start'> {
  if (r.modelRunId === undefined) fail('invalid_request', 'modelRunId: the MPN tracker needs a trained MPN (the id of an MPN training run)');
  if (r.officialPreset) fail('invalid_request', 'officialPreset: the official evaluation settings are defined for SORT, ByteTrack, OC-SORT, IOU and the appearance tracker, not the MPN');
  const params = mpnTrackParams(r.params);
  const model = loadMpnModel(store, r.modelRunId, 'modelRunId');
  const needsFrames = model.weights.manifest.config.features.kind !== 'none';
  const sequences = seqs.map((s) => {
    const frameFiles = needsFrames ? frameFileList(store, s) : null;
    if (needsFrames && !frameFiles) fail('invalid_request', `${s.name} has no frame images: MPN run ${r.modelRunId} takes ${model.weights.manifest.config.features.kind} node features computed from them`);
    return { name: s.name, fps: s.fps, seqLength: s.frameCount, dets: exportRows(store, s, { kind: 'det', name: r.detectionSet }).table, frameFiles };
  });
  const payload: MpnTrackJobPayload = { weights: model.weights, ...(model.featureWeights ? { featureWeights: model.featureWeights } : {}), sequences, params, progressIntervalMs: 250 };
  const job = runner.start(store, {
    kind: 'track',
    title: r.title ?? `mpn (run ${r.modelRunId}) on ${r.detectionSet} (${seqs.length === 1 ? seqs[0]!.name : `${seqs.length} sequences`})`,
    config: { tracker: 'mpn', params, officialPreset: false, detectionSet: r.detectionSet, sequences: seqs.map((s) => s.name), modelRunId: r.modelRunId, features: model.weights.manifest.config.features.kind },
    worker,
    payload,
    transfer: tableBuffers(sequences.map((s) => s.dets)),
    describeProgress: (p) => {
      const q = p as MpnTrackProgressWire;
      return { done: q.done, total: q.total, message: `tracking ${q.name}` };
    },
    onFinished: (res: MpnTrackJobResult, runId) => {
      const name = r.resultSet ?? `mpn-run${runId}`;
      let rows = 0;
      for (const out of res.sequences) {
        const seq = seqs.find((s) => s.name === out.name)!;
        store.sets.insert({ sequenceId: seq.id, kind: 'res', name, originKind: 'produced', origin: { runId, tracker: 'mpn', params, detectionSet: r.detectionSet, modelRunId: r.modelRunId }, columns: 10, createdMs: now() }, out.rows);
        rows += out.rows.count;
      }
      const sum = (k: 'trackCount' | 'windows' | 'edges'): number => res.sequences.reduce((n, s) => n + s[k], 0);
      return {
        ...(res.status === 'completed' ? { resultSet: name } : {}),
        rows,
        sequences: res.sequences.length,
        tracks: sum('trackCount'),
        windows: sum('windows'),
        edges: sum('edges'),
        constraintSatisfaction: Object.fromEntries(res.sequences.map((s) => [s.name, s.constraintSatisfaction])),
        durationMs: Math.round(res.durationMs),
        tfBackend: res.backend,
      };
    },
  });
  return { jobId: job.jobId, runId: job.runId };
}
