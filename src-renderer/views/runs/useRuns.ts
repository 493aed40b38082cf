// The project's runs, kept current: listed from the store (not memory, so a reload shows the truth),
// re-listed when a job of this project starts or ends, and live progress merged into running rows.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunSummary } from '../../../src-shared/ipc/contract/runs';
import type { JobProgress } from '../../../src-shared/ipc/schemas';
import { errorMessage, unwrap } from '../../api/client';
import { useApi } from '../../app/api';

/** A run kind, or every kind. */
export type KindFilter = RunSummary['kind'] | 'all';

/** Runs of `project` (top-level), optionally of one kind; `progress` holds the latest event per run id. */
export function useRuns(project: string, kind: KindFilter): { runs: RunSummary[]; progress: ReadonlyMap<number, JobProgress>; error: string | undefined; refresh: () => Promise<void> } {
  const api = useApi();
  const [runs, setRuns] = useState<RunSummary[]>([]);
  const [error, setError] = useState<string>();
  const [progress, setProgress] = useState<ReadonlyMap<number, JobProgress>>(new Map());
  // Run ids seen (listed or in an event): an unseen one means a new run, so the list is read again.
  const seen = useRef(new Set<number>());

  const refresh = useCallback(async () => {
    try {
      const list = unwrap(await api.invoke('runs.list', { project, ...(kind === 'all' ? {} : { kind }) }));
      for (const r of list) seen.current.add(r.id);
      setRuns(list);
      setError(undefined);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api, project, kind]);

  useEffect(() => {
    void refresh();
    const offProgress = api.on('jobs.progress', (p) => {
      if (p.project !== project) return;
      setProgress((m) => new Map(m).set(p.runId, p));
      // A run this list has not seen (started elsewhere, or a child's parent): list again.
      if (!seen.current.has(p.runId)) {
        seen.current.add(p.runId);
        void refresh();
      }
    });
    const offFinished = api.on('jobs.finished', (f) => {
      if (f.project !== project) return;
      setProgress((m) => {
        const n = new Map(m);
        n.delete(f.runId);
        return n;
      });
      void refresh();
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [api, project, refresh]);

  return { runs, progress, error, refresh };
}

/** The current time, ticking every second while `live` (durations of running runs). */
export function useNow(live: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [live]);
  return now;
}
