// Frame-exact video import: frame n of the file is frame n in the app. (1) A video whose frames show
// their own number as a bit pattern, encoded with B-frames (decode order != display order). (2) The
// real PETS09-S2L1 AVI against the MOT15 frames decoded from the same source.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../src-main/compose';
import { invoke } from '../../src-main/services/api';
import { SHARED_DATA } from '../helpers/sharedData';
import { tempDir } from '../helpers/tmp';

const W = 320;
const H = 240;
const BITS = 8;

/** Frame n as RGB: BITS vertical bands, white where bit i of n is set. */
function numberedFrame(n: number): Buffer {
  const px = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const bit = Math.floor((x / W) * BITS);
      px.fill((n >> bit) & 1 ? 235 : 20, (y * W + x) * 3, (y * W + x) * 3 + 3);
    }
  return px;
}

function encode(frames: number, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn('ffmpeg', ['-v', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${W}x${H}`, '-r', '25', '-i', '-', '-c:v', 'libx264', '-bf', '3', '-g', '12', '-pix_fmt', 'yuv420p', file]);
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(err))));
    for (let n = 1; n <= frames; n++) p.stdin.write(numberedFrame(n));
    p.stdin.end();
  });
}

async function readNumber(jpeg: Uint8Array): Promise<number> {
  const { data } = await sharp(jpeg).greyscale().raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  for (let bit = 0; bit < BITS; bit++) {
    const x = Math.floor(((bit + 0.5) / BITS) * W);
    if (data[(H / 2) * W + x]! > 128) n |= 1 << bit;
  }
  return n;
}

let backend: Backend;
let project: string;
const ctx = { transport: 'cli' } as const;
beforeAll(async () => {
  backend = createBackend({ dataDir: tempDir(), version: 't', probeBackend: async () => ({ state: 'failed', message: 'unused' }) });
  const p = await invoke(backend.handlers, 'projects.create', { name: 'video', directory: tempDir() }, ctx);
  if (!p.ok) throw new Error(p.error.message);
  project = p.value.path;
});
afterAll(() => backend.close());

describe('video import', () => {
  it('maps every frame of a B-frame H.264 video to its own index', async () => {
    const file = join(tempDir(), 'numbered.mp4');
    await encode(60, file);
    const r = await invoke(backend.handlers, 'import.video', { project, file }, ctx);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.sequences[0]).toMatchObject({ name: 'numbered', frameCount: 60, width: W, height: H, sourceKind: 'video', hasFrames: true });
    for (let n = 1; n <= 60; n++) {
      const f = await invoke(backend.handlers, 'media.frame', { project, sequence: 'numbered', frame: n }, ctx);
      if (!f.ok) throw new Error(f.error.message);
      expect(await readNumber(f.value.bytes), `frame ${n}`).toBe(n);
    }
    const frames = await invoke(backend.handlers, 'sequences.frames', { project, sequence: 'numbered' }, ctx);
    expect(frames.ok && frames.value[1]!.videoPts).toBeCloseTo(1 / 25, 6);
    expect(await invoke(backend.handlers, 'media.frame', { project, sequence: 'numbered', frame: 61 }, ctx)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('decodes PETS09-S2L1.avi so that frame k matches MOT15 img1 frame k', async () => {
    const r = await invoke(backend.handlers, 'import.video', { project, file: join(SHARED_DATA, 'video', 'vtest_PETS09-S2L1.avi'), name: 'pets' }, ctx);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.sequences[0]!.frameCount).toBe(795);
    const grey = async (input: string | Uint8Array) => (await sharp(input).greyscale().raw().toBuffer()) as Buffer;
    const mad = (a: Buffer, b: Buffer) => a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.length;
    const img1 = (k: number) => join(SHARED_DATA, 'mot15', 'MOT15-train', 'PETS09-S2L1', 'img1', `${String(k).padStart(6, '0')}.jpg`);
    for (const k of [2, 400, 794]) {
      const f = await invoke(backend.handlers, 'media.frame', { project, sequence: 'pets', frame: k }, ctx);
      if (!f.ok) throw new Error(f.error.message);
      const app = await grey(f.value.bytes);
      const same = mad(app, await grey(img1(k)));
      const before = mad(app, await grey(img1(k - 1)));
      const after = mad(app, await grey(img1(k + 1)));
      expect(same, `frame ${k}: ${same} vs ${before}/${after}`).toBeLessThan(Math.min(before, after));
    }
  });

  it('refuses a file that is not a video, and names it', async () => {
    const bad = join(tempDir(), 'not-a-video.mp4');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, 'hello');
    const r = await invoke(backend.handlers, 'import.video', { project, file: bad }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_file' } });
    if (!r.ok) expect(r.error.message).toContain('not-a-video.mp4');
  });
});
