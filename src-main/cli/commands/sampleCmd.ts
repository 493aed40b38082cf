import { writeSyntheticSequence } from '../../services/sample/sample';
import type { Command } from '../command';
import { call, CliError, intOption } from '../command';

/** `trackwright sample`. */
export const sampleCommand: Command = {
  name: 'sample',
  summary: 'Create the sample project, or write a synthetic MOTChallenge sequence with exact truth',
  help: `Usage:
  trackwright sample                      create the sample project in the data folder
  trackwright sample --out FOLDER [--seed N] [--frames N] [--figures N] [--width W --height H]

The sample is a seeded synthetic scene: textured figures that walk, cross, occlude each other, enter and
leave, with exact ground truth (gt/gt.txt, with visibility) and noisy detections (det/det.txt: misses,
false positives, jitter). The same seed gives the same bytes.

  --out FOLDER   write the MOTChallenge sequence folder there instead of creating a project
  --seed N       random seed (default 7)
  --frames N     number of frames (default 300)
  --figures N    number of walkers (default 20)
  --width W, --height H   frame size (default 960x540)`,
  options: {
    out: { type: 'string' },
    seed: { type: 'string' },
    frames: { type: 'string' },
    figures: { type: 'string' },
    width: { type: 'string' },
    height: { type: 'string' },
  },
  async run(v, pos, ctx) {
    if (pos.length) throw new CliError(`unexpected argument ${JSON.stringify(pos[0])}`, 2);
    const out = v['out'] as string | undefined;
    const opt = {
      ...(v['seed'] !== undefined ? { seed: intOption('seed', v['seed']) } : {}),
      ...(v['frames'] !== undefined ? { frames: intOption('frames', v['frames'], 1, 100000) } : {}),
      ...(v['figures'] !== undefined ? { figures: intOption('figures', v['figures'], 1, 1000) } : {}),
      ...(v['width'] !== undefined ? { width: intOption('width', v['width'], 64, 8192) } : {}),
      ...(v['height'] !== undefined ? { height: intOption('height', v['height'], 64, 8192) } : {}),
    };
    if (!out) {
      if (Object.keys(opt).length) throw new CliError('--seed/--frames/--figures/--width/--height go with --out', 2);
      const p = await call(ctx, 'projects.createSample', {});
      ctx.out(p.path);
      return 0;
    }
    let last = 0;
    const r = await writeSyntheticSequence(out, {
      ...opt,
      onProgress: (done, total) => {
        if (done === total || done - last >= 50) {
          last = done;
          ctx.info(`  frame ${done}/${total}`);
        }
      },
    });
    ctx.out(out);
    ctx.info(`${r.gtRows} GT rows, ${r.detRows} detections`);
    return 0;
  },
};
