// ffmpeg and ffprobe: probing videos and decoding every frame to numbered JPEGs. Frame-exact: the
// video's n-th decoded frame becomes file n (passthrough timing: no frame is duplicated or dropped to
// fit a frame rate — the failure PRODUCT.md §3 item 8 lists for Label Studio and DarkLabel).
import { spawn, spawnSync } from 'node:child_process';

/** Where ffmpeg and ffprobe are: $TRACKWRIGHT_FFMPEG / $TRACKWRIGHT_FFPROBE, else on PATH. */
export function ffmpegPaths(env: NodeJS.ProcessEnv = process.env): { ffmpeg: string; ffprobe: string } {
  return { ffmpeg: env['TRACKWRIGHT_FFMPEG'] || 'ffmpeg', ffprobe: env['TRACKWRIGHT_FFPROBE'] || 'ffprobe' };
}

/** True when both binaries run. */
export function ffmpegAvailable(): boolean {
  const { ffmpeg, ffprobe } = ffmpegPaths();
  return [ffmpeg, ffprobe].every((b) => spawnSync(b, ['-version'], { stdio: 'ignore' }).status === 0);
}

/** What ffprobe says about a video's first video stream. */
export interface VideoProbe {
  readonly width: number;
  readonly height: number;
  /** Average frame rate (frames per second). */
  readonly fps: number;
  /** The container's frame count when it states one (the decode count is authoritative). */
  readonly declaredFrames: number | undefined;
  readonly codec: string;
}

function run(bin: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function rate(s: string | undefined): number {
  if (!s) return NaN;
  const [a, b] = s.split('/').map(Number);
  return b ? a! / b : a!;
}

/** Probes a video file; throws an Error with ffprobe's message when it is not a readable video. */
export async function probeVideo(file: string): Promise<VideoProbe> {
  const { ffprobe } = ffmpegPaths();
  const r = await run(ffprobe, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height,avg_frame_rate,r_frame_rate,nb_frames,codec_name', '-of', 'json', file]);
  if (r.code !== 0) throw new Error(r.stderr.trim().split('\n').pop() || `ffprobe failed on ${file}`);
  const s = (JSON.parse(r.stdout) as { streams?: Record<string, string | number>[] }).streams?.[0];
  if (!s) throw new Error(`${file} has no video stream`);
  const fps = rate(String(s['avg_frame_rate'])) || rate(String(s['r_frame_rate']));
  const nb = Number(s['nb_frames']);
  return {
    width: Number(s['width']),
    height: Number(s['height']),
    fps: Number.isFinite(fps) && fps > 0 ? fps : 25,
    declaredFrames: Number.isInteger(nb) && nb > 0 ? nb : undefined,
    codec: String(s['codec_name']),
  };
}

/**
 * Decodes every frame of `file` to `<outDir>/%06d.jpg` (1-based) and returns each frame's
 * presentation time. `onFrame` reports progress; aborting kills ffmpeg and rejects.
 */
export function extractFrames(
  file: string,
  outDir: string,
  o: { quality?: number; onFrame?: (n: number) => void; signal?: AbortSignal } = {},
): Promise<{ frames: number; ptsSeconds: number[] }> {
  const { ffmpeg } = ffmpegPaths();
  return new Promise((resolve, reject) => {
    const args = ['-nostdin', '-v', 'info', '-i', file, '-map', '0:v:0', '-fps_mode', 'passthrough', '-vf', 'showinfo', '-q:v', String(o.quality ?? 2), '-start_number', '1', `${outDir}/%06d.jpg`];
    const p = spawn(ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const pts: number[] = [];
    let tail = '';
    let buffer = '';
    const onAbort = (): void => void p.kill('SIGKILL');
    o.signal?.addEventListener('abort', onAbort, { once: true });
    p.stderr.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        // [Parsed_showinfo_0 @ ...] n:  12 pts:  12288 pts_time:0.4 ...
        const m = /\bn:\s*(\d+)\s+pts:\s*(-?\d+)\s+pts_time:\s*(-?[\d.e+-]+)/.exec(line);
        if (m) {
          pts[Number(m[1])] = Number(m[3]);
          o.onFrame?.(Number(m[1]) + 1);
        } else tail = line;
      }
    });
    p.on('error', (e) => reject(new Error(`cannot run ${ffmpeg}: ${e.message} (install ffmpeg, e.g. apt-get install ffmpeg, or set TRACKWRIGHT_FFMPEG)`)));
    p.on('close', (code) => {
      o.signal?.removeEventListener('abort', onAbort);
      if (o.signal?.aborted) return reject(new Error('cancelled'));
      if (code !== 0) return reject(new Error(`ffmpeg failed on ${file}: ${tail.trim()}`));
      resolve({ frames: pts.length, ptsSeconds: pts });
    });
  });
}
