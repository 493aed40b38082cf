// Embeddings for the appearance tracker on the command line: each fed frame is decoded from the
// sequence's image folder (seqinfo.ini imDir/imExt, frames numbered %06d as in MOTChallenge) and every
// detection gets the colour-histogram descriptor of its crop (the "no training" baseline).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SeqInfo } from '../../../src-shared/formats/seqinfo';
import { fail } from '../../../src-shared/ipc/result';
import { colorHistogram, colorHistogramDim, cropPixels } from '../../../src-shared/tracking/colorHistogram';
import type { FrameDetections } from '../../../src-shared/tracking/types';

/** A `prepare` step for trackSequenceAsync that attaches colour-histogram embeddings. */
export async function appearancePreparer(seqDir: string, info: SeqInfo): Promise<(frame: number, dets: FrameDetections) => Promise<FrameDetections>> {
  const imDir = join(seqDir, info.imDir);
  if (!existsSync(imDir)) fail('not_found', `appearance tracking needs the frames: ${imDir} does not exist`);
  let decodeRgb: (file: string) => Promise<{ width: number; height: number; data: Uint8Array }>;
  try {
    // Loaded on demand: the other trackers never need the native image library.
    ({ decodeRgb } = await import('../../media/images'));
  } catch (e) {
    fail('unsupported', `appearance tracking needs the sharp package to read frames (${(e as Error).message.split('\n')[0]})`);
  }
  const dim = colorHistogramDim();
  return async (frame, dets) => {
    if (dets.count === 0) return dets;
    const file = join(imDir, `${String(frame).padStart(6, '0')}${info.imExt}`);
    if (!existsSync(file)) fail('not_found', `appearance tracking: frame ${frame} is missing (${file})`);
    const img = await decodeRgb(file);
    const embeddings = new Float32Array(dets.count * dim);
    for (let i = 0; i < dets.count; i++) {
      const crop = cropPixels(img.data, img.width, img.height, 3, dets.tlbr, 4 * i);
      embeddings.set(colorHistogram(crop.pixels, crop.width, crop.height, 3), i * dim);
    }
    return { ...dets, embeddings, embeddingDim: dim };
  };
}
