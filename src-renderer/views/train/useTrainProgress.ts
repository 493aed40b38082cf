// One training (or ablation) run, watched: its stored curves (or the latest checkpoint's while it runs)
// plus every live progress event, merged by step; the stored run again when it ends.
import { useEffect, useState } from 'react';
import type { RunSummary } from '../../../src-shared/ipc/contract/runs';
import type { JobProgress } from '../../../src-shared/ipc/schemas';
import { errorMessage, unwrap } from '../../api/client';
import { useApi } from '../../app/api';
import { trainCurves } from '../runs/artifacts';
import { addPoint, pointFromDetail, type TrainPoint, type ValidationPoint } from './trainSeries';

/** What a watched run shows. */
export interface WatchedRun {
  readonly run: RunSummary | undefined;
  readonly points: readonly TrainPoint[];
  readonly validation: readonly ValidationPoint[];
  /** The latest progress event (live), else undefined. */
  readonly progress: JobProgress | undefined;
  readonly error: string | undefined;
}

/** Watches run `runId` of `project` (undefined: nothing). */
export function useTrainProgress(project: string, runId: number | undefined): WatchedRun {
  const api = useApi();
  const [run, setRun] = useState<RunSummary>();
  const [points, setPoints] = useState<readonly TrainPoint[]>([]);
  const [validation, setValidation] = useState<readonly ValidationPoint[]>([]);
  const [progress, setProgress] = useState<JobProgress>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    setRun(undefined);
    setPoints([]);
    setValidation([]);
    setProgress(undefined);
    setError(undefined);
    if (runId === undefined) return;
    let live = true;
    const load = async (): Promise<void> => {
      try {
        const got = unwrap(await api.invoke('runs.get', { project, runId }));
        if (!live) return;
        setRun(got.run);
        const stored = await trainCurves(api, project, runId, got.artifacts.map((a) => a.name));
        if (!live) return;
        // Live points that arrived meanwhile are newer than the checkpoint's: keep them.
        setPoints((now) => now.reduce<TrainPoint[]>((acc, p) => addPoint(acc, p), stored.points));
        setValidation((now) => (stored.validation.length >= now.length ? stored.validation : now));
      } catch (e) {
        if (live) setError(errorMessage(e));
      }
    };
    void load();
    // The first progress event comes after the worker started: the run now has its state and backend.
    let seen = false;
    const offProgress = api.on('jobs.progress', (p) => {
      if (p.runId !== runId || p.project !== project) return;
      if (!seen) {
        seen = true;
        void api.invoke('runs.get', { project, runId }).then((r) => live && r.ok && setRun(r.value.run));
      }
      setProgress(p);
      const point = pointFromDetail(p.detail);
      if (point) setPoints((now) => addPoint(now, point));
      const v = (p.detail as { validation?: Record<string, number>; step?: number } | undefined)?.validation;
      const step = (p.detail as { step?: number } | undefined)?.step;
      if (v && step !== undefined) setValidation((now) => [...now.filter((x) => x.step !== step), { step, metrics: v }]);
    });
    const offFinished = api.on('jobs.finished', (f) => {
      if (f.runId !== runId || f.project !== project) return;
      setProgress(undefined);
      void load();
    });
    return () => {
      live = false;
      offProgress();
      offFinished();
    };
  }, [api, project, runId]);

  return { run, points, validation, progress, error };
}
