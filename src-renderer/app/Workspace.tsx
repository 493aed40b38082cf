// A project's workspace: sequences (and import) on the left, the frame canvas in the middle with a
// frame bar below, tracks on the right.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProjectSummary, SequenceSummary } from '../../src-shared/ipc/schemas';
import type { BoxRecord } from '../../src-shared/model/edits';
import { errorMessage, unwrap } from '../api/client';
import { FrameStage } from '../canvas/FrameStage';
import { frameUrl, useFrameImage } from '../canvas/useFrameImage';
import { ImportPanel } from '../panels/ImportPanel';
import { TrackList } from '../panels/TrackList';
import { useApi } from './api';
import { FrameBar } from './FrameBar';

/** Opens the project at `path` and lays out its workspace. */
export function Workspace({ path, onClose }: { path: string; onClose: () => void }) {
  const api = useApi();
  const [project, setProject] = useState<ProjectSummary>();
  const [sequences, setSequences] = useState<SequenceSummary[]>([]);
  const [selected, setSelected] = useState<number>();
  // The frame belongs to the sequence it was chosen in: switching sequences starts at frame 1 in the
  // same render (a stale frame number would ask for a frame the new sequence may not have).
  const [position, setPosition] = useState<{ sequence: number | undefined; frame: number }>({ sequence: undefined, frame: 1 });
  const frame = position.sequence === selected ? position.frame : 1;
  const setFrame = useCallback((f: number) => setPosition({ sequence: selected, frame: f }), [selected]);
  const [boxes, setBoxes] = useState<BoxRecord[]>([]);
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
  useEffect(() => {
    if (!seq) return setBoxes([]);
    let live = true;
    void api.invoke('annotations.frame', { project: path, sequence: seq.id, frame }).then((r) => live && r.ok && setBoxes(r.value.boxes));
    return () => {
      live = false;
    };
  }, [api, path, seq, frame]);

  const url = seq?.hasFrames ? frameUrl(path, seq.id, frame) : undefined;
  const ahead = useMemo(
    () => (seq?.hasFrames ? [1, 2, 3, 4].filter((d) => frame + d <= seq.frameCount).map((d) => frameUrl(path, seq.id, frame + d)) : []),
    [seq, frame, path],
  );
  const { image } = useFrameImage(url, ahead);

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
      <section className="canvas-area" aria-label="Frame">
        <FrameStage image={url ? image : undefined} frameWidth={seq?.width} frameHeight={seq?.height} boxes={boxes} emptyText={seq ? '' : 'No sequence open'} />
      </section>
      <aside className="panel panel-right" aria-label="Details">
        <h3>Tracks</h3>
        {seq ? <TrackList project={path} sequence={seq.id} onJump={setFrame} /> : <p className="muted">Open a sequence to see its tracks.</p>}
      </aside>
      <section className="timeline" aria-label="Timeline">
        {seq ? <FrameBar frame={frame} frameCount={seq.frameCount} fps={seq.fps} onFrame={setFrame} boxesInFrame={boxes.length} /> : <span className="muted">Timeline</span>}
      </section>
    </div>
  );
}
