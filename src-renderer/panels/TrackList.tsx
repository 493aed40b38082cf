// The tracks of a sequence with their span and box count; clicking jumps to the track's first frame.
import { useEffect, useState } from 'react';
import type { ApiResponse } from '../../src-shared/ipc/contract';
import { useApi } from '../app/api';
import { trackColor } from '../canvas/trackColors';

/** Track list of one sequence. */
export function TrackList({ project, sequence, onJump }: { project: string; sequence: number; onJump: (frame: number) => void }) {
  const api = useApi();
  const [tracks, setTracks] = useState<ApiResponse<'annotations.tracks'>>();
  useEffect(() => {
    let live = true;
    void api.invoke('annotations.tracks', { project, sequence }).then((r) => live && r.ok && setTracks(r.value));
    return () => {
      live = false;
    };
  }, [api, project, sequence]);
  if (!tracks) return <p className="muted">Loading…</p>;
  if (tracks.length === 0) return <p className="muted">No annotated tracks.</p>;
  return (
    <ul className="list tracks" aria-label="Track list">
      {tracks.map((t) => (
        <li key={t.trackId} onClick={() => t.firstFrame !== null && onJump(t.firstFrame)}>
          <span className="swatch" style={{ background: trackColor(t.trackId) }} />
          <span className="name">#{t.trackId}</span>
          <span className="meta">
            {t.firstFrame}–{t.lastFrame} · {t.boxCount} boxes
          </span>
        </li>
      ))}
    </ul>
  );
}
