// Worker glue of the training data pipeline: frames decoded with sharp (media/), margin crops cut
// in plain TypeScript (src-shared/learning/crops.ts), kept in a byte-bounded LRU so repeated clips,
// epochs and ablation arms do not decode a frame twice.
import { marginCrops } from '../../src-shared/learning/crops';
import { LruBytes } from '../../src-shared/learning/lruBytes';
import { cachedLoader, planTrainingData, type LoadStats } from '../../src-shared/learning/planData';
import type { TrainingData } from '../../src-shared/learning/trainData';
import type { PlanFrame, TrainPlan } from '../../src-shared/learning/trainPlan';
import type { PipelineStats } from '../../src-shared/learning/trainWire';
import { decodeRgb } from '../media/images';

/** Default budget of the crop cache: 512 MiB (PETS09-S2L1 whole needs ~45 MiB at 64×32). */
export const DEFAULT_CROP_CACHE_BYTES = 512 * 1024 * 1024;

/** Decodes a plan frame's image and cuts its boxes' margin crops. */
export async function loadFrameCrops(plan: TrainPlan, f: PlanFrame): Promise<Uint8Array> {
  const n = f.identities.length;
  if (n === 0) return new Uint8Array(0);
  const img = await decodeRgb(f.file);
  return marginCrops(img, f.boxesXyxy, n, plan.cropHeight, plan.cropWidth);
}

/** A plan's lazy TrainingData with its cache, and the pipeline's figures so far. */
export function projectTrainingData(plan: TrainPlan, cacheBytes = DEFAULT_CROP_CACHE_BYTES): { data: TrainingData; stats: () => PipelineStats } {
  const cache = new LruBytes<Uint8Array>(cacheBytes);
  const s: LoadStats = { framesDecoded: 0, cropsDecoded: 0, decodeMs: 0 };
  const data = planTrainingData(plan, cachedLoader(plan, cache, (f) => loadFrameCrops(plan, f), s));
  return { data, stats: () => ({ ...s, cacheHits: cache.hits, cacheMisses: cache.misses, cacheBytes: cache.bytes }) };
}
