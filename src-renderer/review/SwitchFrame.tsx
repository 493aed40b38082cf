// One frame of a switch event (before or at the switch): the frame with the GT boxes (solid) and the two
// predicted ids (dashed), and crops of the GT objects involved, so a reviewer sees at a glance whether
// the annotation or the tracker is wrong.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { QueueEvent } from '../../src-shared/analysis/reviewQueue';
import { otherSubject } from '../../src-shared/editing/reviewFixes';
import type { SequenceSummary } from '../../src-shared/ipc/schemas';
import type { BoxRecord } from '../../src-shared/model/edits';
import { errorMessage, unwrap } from '../api/client';
import { useApi } from '../app/api';
import { trackColor } from '../canvas/trackColors';
import { frameUrl, useFrameImage } from '../canvas/useFrameImage';
import { cropRegion, drawRegion, type DrawBox, type Region } from './drawSwitch';

/** Colours of the predicted ids before and after the switch (legend in the review view). */
export const PREDICTED_COLORS = { old: '#F0E442', new: '#CC79A7' } as const;

interface FrameData {
  readonly gt: readonly BoxRecord[];
  readonly predicted: readonly { id: number; x: number; y: number; w: number; h: number }[];
}

function sceneBoxes(d: FrameData, e: QueueEvent): DrawBox[] {
  const involved = new Set([e.gtId, otherSubject(e)]);
  const out: DrawBox[] = d.gt.map((b) =>
    involved.has(b.trackId)
      ? { ...b, color: trackColor(b.trackId), label: `GT ${b.trackId}`, style: 'gt' }
      : { ...b, color: '#9aa0ac', label: '', style: 'context' },
  );
  for (const p of d.predicted) {
    if (p.id === e.prevTrackerId) out.push({ ...p, color: PREDICTED_COLORS.old, label: `id ${p.id}`, style: 'predicted' });
    if (p.id === e.newTrackerId) out.push({ ...p, color: PREDICTED_COLORS.new, label: `id ${p.id}`, style: 'predicted' });
  }
  return out;
}

/** Frame `frame` of `seq` with event `e`'s boxes; `version` changes when the annotations may have. */
export function SwitchFrame({ project, seq, frame, event, setId, caption, version }: { project: string; seq: SequenceSummary; frame: number; event: QueueEvent; setId: number | undefined; caption: string; version: number }) {
  const api = useApi();
  const [data, setData] = useState<FrameData>();
  const [error, setError] = useState<string>();
  const canvas = useRef<HTMLCanvasElement>(null);
  const crops = useRef<(HTMLCanvasElement | null)[]>([]);
  const url = seq.hasFrames ? frameUrl(project, seq.id, frame) : undefined;
  const { image } = useFrameImage(url);
  const bitmap = image && image.url === url ? image.bitmap : undefined;

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const gt = unwrap(await api.invoke('annotations.frame', { project, sequence: seq.id, frame })).boxes;
        const predicted = setId === undefined ? [] : unwrap(await api.invoke('sets.frame', { project, setId, frame })).rows;
        if (live) setData({ gt, predicted });
      } catch (e) {
        if (live) setError(errorMessage(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [api, project, seq.id, frame, setId, version]);

  const boxes = useMemo(() => (data ? sceneBoxes(data, event) : []), [data, event]);
  const cropBoxes = useMemo(() => boxes.filter((b) => b.style === 'gt'), [boxes]);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const bg = getComputedStyle(document.documentElement).getPropertyValue('--canvas-bg').trim() || '#111';
    const draw = (): void => {
      drawRegion(c, bitmap, { x: 0, y: 0, w: seq.width, h: seq.height }, boxes, bg);
      cropBoxes.forEach((b, i) => {
        const cc = crops.current[i];
        if (cc) drawRegion(cc, bitmap, cropRegion(b as Region, seq.width, seq.height), boxes, bg);
      });
    };
    draw();
    const ro = new ResizeObserver(draw);
    ro.observe(c);
    return () => ro.disconnect();
  }, [bitmap, boxes, cropBoxes, seq.width, seq.height]);

  return (
    <figure className="switch-frame">
      <figcaption>{caption}</figcaption>
      <canvas ref={canvas} className="switch-canvas" style={{ aspectRatio: `${seq.width} / ${seq.height}` }} role="img" aria-label={`${caption}: frame ${frame}`} />
      <div className="switch-crops">
        {cropBoxes.map((b, i) => (
          <div key={b.label} className="switch-crop">
            <canvas ref={(el) => void (crops.current[i] = el)} role="img" aria-label={`crop of ${b.label} in frame ${frame}`} />
            <span>{b.label}</span>
          </div>
        ))}
        {data && cropBoxes.length === 0 && <span className="muted">No GT box of the objects involved in this frame.</span>}
      </div>
      {error && <p className="error">{error}</p>}
    </figure>
  );
}
