// Frames for the renderer and for training: the file behind (project, sequence, frame), read through
// the LRU cache with read-ahead, thumbnails, and the media URL both transports serve.
import { join } from 'node:path';
import { fail } from '../../../src-shared/ipc/result';
import { FrameCache, imageMime } from '../../media/frameCache';
import { thumbnailJpeg } from '../../media/images';
import type { ProjectsService } from '../projects';
import { resolveSequence } from '../sequences/resolve';

/** How many frames after the requested one are read ahead. */
const READ_AHEAD = 8;

/** The `media.*` channels and the /media/frame route. */
export class MediaService {
  readonly #thumbs = new FrameCache(64 * 1024 * 1024);
  readonly #thumbKeys = new Map<string, Promise<Uint8Array>>();

  constructor(
    private readonly projects: ProjectsService,
    readonly cache: FrameCache = new FrameCache(),
  ) {}

  /** Absolute path of a frame's image file. */
  framePath(project: string, sequence: number | string, frame: number): string {
    const store = this.projects.store(project);
    const seq = resolveSequence(store, sequence);
    if (!seq.framesDir) fail('not_found', `${seq.name} has no frame images (imported without them)`);
    if (frame > seq.frameCount) fail('not_found', `${seq.name} has ${seq.frameCount} frames; there is no frame ${frame}`);
    const file = store.sequences.frameFile(seq.id, frame);
    if (!file) fail('not_found', `${seq.name}: no image for frame ${frame}`);
    return join(seq.framesDir, file);
  }

  /** A frame's encoded bytes, reading the next frames ahead. */
  async frame(project: string, sequence: number | string, frame: number): Promise<{ mime: string; bytes: Uint8Array }> {
    const path = this.framePath(project, sequence, frame);
    const ahead: string[] = [];
    for (let f = frame + 1; f <= frame + READ_AHEAD; f++) {
      try {
        ahead.push(this.framePath(project, sequence, f));
      } catch {
        break;
      }
    }
    let bytes: Uint8Array;
    try {
      bytes = await this.cache.get(path);
    } catch (e) {
      fail('not_found', `${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'the image file is missing' : (e as Error).message}`);
    }
    this.cache.prefetch(ahead);
    return { mime: imageMime(path), bytes };
  }

  /** A JPEG thumbnail of a frame (cached). */
  async thumbnail(project: string, sequence: number | string, frame: number, width = 160): Promise<{ mime: string; bytes: Uint8Array }> {
    const path = this.framePath(project, sequence, frame);
    const key = `${path}@${width}`;
    let p = this.#thumbKeys.get(key);
    if (!p) {
      p = this.cache.get(path).then((b) => thumbnailJpeg(b, width));
      this.#thumbKeys.set(key, p);
      if (this.#thumbKeys.size > 4096) this.#thumbKeys.delete(this.#thumbKeys.keys().next().value!);
      p.catch(() => this.#thumbKeys.delete(key));
    }
    return { mime: 'image/jpeg', bytes: await p };
  }

  /**
   * Serves `media/frame?project=P&sequence=S&frame=N` (and `media/thumbnail?...&width=W`) for the
   * renderer's <img>/Konva images, under the page's own origin in both transports.
   */
  async route(pathname: string, params: URLSearchParams): Promise<{ status: number; mime: string; bytes: Uint8Array }> {
    const project = params.get('project');
    const seqRaw = params.get('sequence');
    const frame = Number(params.get('frame'));
    const text = (status: number, m: string) => ({ status, mime: 'text/plain; charset=utf-8', bytes: new TextEncoder().encode(m) });
    if (!project || !seqRaw || !Number.isInteger(frame) || frame < 1) return text(400, 'media requests need project, sequence and frame >= 1');
    const sequence = /^\d+$/.test(seqRaw) ? Number(seqRaw) : seqRaw;
    try {
      if (pathname.endsWith('/media/frame')) return { status: 200, ...(await this.frame(project, sequence, frame)) };
      if (pathname.endsWith('/media/thumbnail')) return { status: 200, ...(await this.thumbnail(project, sequence, frame, Number(params.get('width') ?? 160) || 160)) };
      return text(404, `no media route ${pathname}`);
    } catch (e) {
      const appError = (e as { appError?: { code: string; message: string } }).appError;
      if (appError) return text(appError.code === 'not_found' ? 404 : 400, appError.message);
      throw e;
    }
  }
}
