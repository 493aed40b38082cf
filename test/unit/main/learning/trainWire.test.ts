// The services read and build training data through src-shared/learning/trainWire.ts (they may not
// import src-main/learning); these compile-time checks (tsc -p tsconfig.tools.json) keep the two
// definitions assignable, and the runtime check keeps the plan's clips what the trainer expects.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { TrainClip, TrainingData } from '../../../../src-main/learning/data';
import type { ReidWeights } from '../../../../src-main/learning/modelWeights';
import type { TrainCheckpoint, TrainProgress, TrainRequest, TrainResult } from '../../../../src-main/learning/trainTypes';
import { LOSS_CHOICES } from '../../../../src-main/learning/trainTypes';
import type { ReidWeightsWire, TrainCheckpointWire, TrainProgressWire, TrainRequestWire, TrainResultWire } from '../../../../src-shared/learning/trainWire';
import type { TrainClip as SharedClip, TrainingData as SharedData } from '../../../../src-shared/learning/trainData';

describe('training wire types', () => {
  it('stay assignable to and from the trainer’s own types', () => {
    expectTypeOf<TrainResult>().toExtend<TrainResultWire>();
    expectTypeOf<TrainProgress>().toExtend<TrainProgressWire>();
    expectTypeOf<TrainCheckpoint>().toExtend<TrainCheckpointWire>();
    expectTypeOf<ReidWeights>().toExtend<ReidWeightsWire>();
    expectTypeOf<TrainRequestWire>().toExtend<TrainRequest>();
    expectTypeOf<TrainClip>().toEqualTypeOf<SharedClip>();
    expectTypeOf<TrainingData>().toEqualTypeOf<SharedData>();
    const arms: readonly TrainRequestWire['loss'][] = LOSS_CHOICES;
    expect(arms).toEqual(['baseline', 'unitrack', 'contrastive', 'both', 'deepmot']);
  });
});
