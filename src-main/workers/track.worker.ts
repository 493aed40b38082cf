// Worker entry: runs a tracker over each sequence's detections. The appearance tracker gets embeddings
// of each detection's crop: a trained CNN's when weights come with the job, else colour histograms.
import { fail } from '../../src-shared/ipc/result';
import type { TrackPayload, TrackResult } from '../../src-shared/jobs/messages';
import { colorHistogram, colorHistogramDim, cropPixels } from '../../src-shared/tracking/colorHistogram';
import { createTracker, trackingSetup } from '../../src-shared/tracking/registry';
import { resultTable } from '../../src-shared/tracking/resultTable';
import { groupByFrame, trackSequence, trackSequenceAsync } from '../../src-shared/tracking/sequence';
import { sequentialIds, type FrameDetections } from '../../src-shared/tracking/types';
import { decodeRgb } from '../media/images';
import { serveJob } from './protocol';

/** Embeds detections of a decoded frame: CNN (when given) or colour histograms. */
type Embed = (img: { width: number; height: number; data: Uint8Array }, d: FrameDetections) => Promise<{ embeddings: Float32Array; dim: number }>;

async function cnnEmbedder(weights: NonNullable<TrackPayload['weights']>): Promise<Embed> {
  const { selectBackend } = await import('../learning/backend');
  const { loadEmbedder } = await import('./reidEmbedder');
  await selectBackend();
  // Crops cut exactly as training cut them (reidEmbedder.ts), so the network sees the pixels it learned on.
  const model = loadEmbedder(weights);
  return async (img, d) => {
    const embeddings = model.embedFrame(img, d);
    return { embeddings, dim: model.dim };
  };
}

const histogramEmbedder: Embed = async (img, d) => {
  const dim = colorHistogramDim();
  const embeddings = new Float32Array(d.count * dim);
  for (let i = 0; i < d.count; i++) {
    const crop = cropPixels(img.data, img.width, img.height, 3, d.tlbr, 4 * i);
    embeddings.set(colorHistogram(crop.pixels, crop.width, crop.height, 3), i * dim);
  }
  return { embeddings, dim };
};

serveJob<TrackPayload>(async (p, ctx): Promise<TrackResult> => {
  const started = performance.now();
  const embed = p.tracker === 'appearance' ? (p.weights ? await cnnEmbedder(p.weights) : histogramEmbedder) : undefined;
  const total = p.sequences.reduce((n, s) => n + s.seqLength, 0);
  let base = 0;
  let last = 0;
  const out: { name: string; rows: TrackResult['sequences'][number]['rows'] }[] = [];
  for (const s of p.sequences) {
    const setup = trackingSetup(p.tracker, { official: p.official, sequenceName: s.name, frameRate: s.fps, params: p.params });
    const tracker = createTracker(p.tracker, setup.params, sequentialIds(1));
    const dets = groupByFrame(s.dets!);
    const onFrame = (f: number): boolean => {
      if (performance.now() - last > 200) {
        last = performance.now();
        ctx.progress({ done: base + f, total, name: s.name });
      }
      return !ctx.signal.aborted;
    };
    const opts = { loop: setup.loop, ...(setup.filter ? { filter: setup.filter } : {}), lastFrame: Math.min(s.seqLength, Math.max(dets.lastFrame, 0)), onFrame };
    let rows;
    if (embed) {
      const files = s.frameFiles;
      if (!files?.length) fail('invalid_request', `${s.name} has no frame images: the appearance tracker needs them`);
      rows = await trackSequenceAsync(tracker, dets, opts, async (f, d) => {
        if (d.count === 0) return d;
        const img = await decodeRgb(files[f - 1]!);
        const e = await embed(img, d);
        return { ...d, embeddings: e.embeddings, embeddingDim: e.dim };
      });
    } else rows = trackSequence(tracker, dets, opts);
    out.push({ name: s.name, rows: resultTable(rows) });
    base += s.seqLength;
    if (ctx.signal.aborted) return { status: 'cancelled', sequences: out, durationMs: performance.now() - started };
  }
  return { status: 'completed', sequences: out, durationMs: performance.now() - started };
});
