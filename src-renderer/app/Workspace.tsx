// A project's workspace: sequences (and import) on the left, the frame canvas in the middle with a
// frame bar below, tracks on the right.
import { useCallback, useEffect, useState } from 'react';
import type { ProjectSummary, SequenceSummary } from '../../src-shared/ipc/schemas';
import { errorMessage, unwrap } from '../api/client';
import { FrameStage } from '../canvas/FrameStage';
import { ImportPanel } from '../panels/ImportPanel';
import { useApi } from './api';
import { EditorView } from './EditorView';

/** Opens the project at `path` and lays out its workspace. */
export function Workspace({ path, onClose }: { path: string; onClose: () => void }) {
  const api = useApi();
  const [project, setProject] = useState<ProjectSummary>();
  const [sequences, setSequences] = useState<SequenceSummary[]>([]);
  const [selected, setSelected] = useState<number>();
  const [error, setError] = useState<string>();

  const refresh = useCallback(async () => {
    const list = unwrap(await api.invoke('sequences.list', { project: path }));
    setSequences(list);
    setSelected((s) => (s !== undefined && list.some((x) => x.id === s) ? s : list[0]?.id));
  }, [api, path]);

  useEffect(() => {
    let live = true;
    setProject(undefined);
    setError(undefined);
    void (async () => {
      try {
        const p = unwrap(await api.invoke('projects.open', { path }));
        if (!live) return;
        setProject(p);
        await refresh();
      } catch (e) {
        if (live) setError(errorMessage(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [api, path, refresh]);

  const seq = sequences.find((s) => s.id === selected);

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
        {sequences.length === 0 ? (
          <p className="muted">No sequences in this project yet. Import one below.</p>
        ) : (
          <ul className="list" role="listbox" aria-label="Sequence list">
            {sequences.map((s) => (
              <li key={s.id} role="option" aria-selected={s.id === selected} className={s.id === selected ? 'selected' : ''} onClick={() => setSelected(s.id)}>
                <span className="name">{s.name}</span>
                <span className="meta">
                  {s.frameCount} frames · {s.trackCount} tracks{s.hasFrames ? '' : ' · no images'}
                </span>
              </li>
            ))}
          </ul>
        )}
        <h3>Import</h3>
        <ImportPanel project={path} onDone={() => void refresh()} />
      </aside>
      {seq ? (
        <EditorView key={`${path}/${seq.id}`} project={path} seq={seq} />
      ) : (
        <>
          <section className="canvas-area" aria-label="Frame">
            <FrameStage emptyText="No sequence open" />
          </section>
          <aside className="panel panel-right" aria-label="Details">
            <p className="muted">Import or open a sequence to annotate it.</p>
          </aside>
          <section className="timeline" aria-label="Timeline" />
        </>
      )}
    </div>
  );
}
