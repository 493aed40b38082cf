// A project's workspace: sequences on the left, the frame canvas in the middle, details on the right.
import { useEffect, useState } from 'react';
import type { ProjectSummary } from '../../src-shared/ipc/schemas';
import { errorMessage, unwrap } from '../api/client';
import { FrameStage } from '../canvas/FrameStage';
import { useApi } from './api';

/** Opens the project at `path` and lays out its workspace. */
export function Workspace({ path, onClose }: { path: string; onClose: () => void }) {
  const api = useApi();
  const [project, setProject] = useState<ProjectSummary>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    setProject(undefined);
    setError(undefined);
    void api.invoke('projects.open', { path }).then((r) => {
      if (!live) return;
      try {
        setProject(unwrap(r));
      } catch (e) {
        setError(errorMessage(e));
      }
    });
    return () => {
      live = false;
    };
  }, [api, path]);

  if (error) {
    return (
      <div className="card narrow">
        <p className="error" role="alert">
          {error}
        </p>
        <button onClick={onClose}>Back to projects</button>
      </div>
    );
  }
  return (
    <div className="workspace" data-testid="workspace">
      <aside className="panel panel-left" aria-label="Sequences">
        <h2>{project?.name ?? 'Opening…'}</h2>
        <h3>Sequences</h3>
        <p className="muted">No sequences in this project yet.</p>
      </aside>
      <section className="canvas-area" aria-label="Frame">
        <FrameStage />
      </section>
      <aside className="panel panel-right" aria-label="Details">
        <h3>Tracks</h3>
        <p className="muted">Select a box to see its track.</p>
      </aside>
      <section className="timeline" aria-label="Timeline">
        <span className="muted">Timeline</span>
      </section>
    </div>
  );
}
