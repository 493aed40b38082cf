// Reading runs' artifacts in the renderer: JSON ones, and a training run's curves — from its `curves`
// artifact when it has ended, else from the latest checkpoint (whose tail holds the curves so far, see
// src-main/services/training/trainArtifacts.ts encodeCheckpoint), so a run opened mid-way shows its past.
import type { ApiClient } from '../../../src-shared/ipc/client';
import { unwrap } from '../../api/client';
import { pointsFromCurves, validationFrom, type TrainPoint, type ValidationPoint } from '../train/trainSeries';

/** An artifact's meta and bytes. */
export async function artifact(api: ApiClient, project: string, runId: number, name: string): Promise<{ meta: unknown; data: Uint8Array }> {
  return unwrap(await api.invoke('runs.artifact', { project, runId, name }));
}

/** A JSON artifact, parsed. */
export async function artifactJson(api: ApiClient, project: string, runId: number, name: string): Promise<unknown> {
  const a = await artifact(api, project, runId, name);
  return JSON.parse(new TextDecoder().decode(a.data));
}

/** A training run's curves and validation points (empty when it has neither curves nor a checkpoint yet). */
export async function trainCurves(api: ApiClient, project: string, runId: number, artifactNames: readonly string[]): Promise<{ points: TrainPoint[]; validation: ValidationPoint[] }> {
  if (artifactNames.includes('curves')) {
    const [curves, validation] = await Promise.all([artifactJson(api, project, runId, 'curves'), artifactNames.includes('validation') ? artifactJson(api, project, runId, 'validation') : []]);
    return { points: pointsFromCurves(curves), validation: validationFrom(validation) };
  }
  if (artifactNames.includes('checkpoint')) {
    const a = await artifact(api, project, runId, 'checkpoint');
    const floats = (a.meta as { floats?: unknown } | null)?.floats;
    if (typeof floats !== 'number') throw new Error(`run ${runId}'s checkpoint has no float count in its meta`);
    const tail = JSON.parse(new TextDecoder().decode(a.data.subarray(12 * floats))) as { curves?: unknown; validation?: unknown };
    return { points: pointsFromCurves(tail.curves ?? []), validation: validationFrom(tail.validation) };
  }
  return { points: [], validation: [] };
}
