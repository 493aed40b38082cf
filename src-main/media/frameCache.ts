// An LRU cache of encoded frame bytes (JPEG/PNG as stored), bounded by total bytes, with read-ahead:
// stepping through a sequence finds the next frames already in memory.
import { readFile } from 'node:fs/promises';

/** Bytes of files, most recently used kept, at most `budgetBytes` in total. */
export class FrameCache {
  readonly #entries = new Map<string, Uint8Array>();
  readonly #loading = new Map<string, Promise<Uint8Array>>();
  #bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly budgetBytes = 512 * 1024 * 1024) {}

  /** The file's bytes (from memory when cached). Rejects when the file cannot be read. */
  get(path: string): Promise<Uint8Array> {
    const hit = this.#entries.get(path);
    if (hit) {
      this.hits++;
      this.#entries.delete(path); // re-insert: Map order is the LRU order
      this.#entries.set(path, hit);
      return Promise.resolve(hit);
    }
    this.misses++;
    return this.#load(path);
  }

  /** Starts loading files that are not cached yet (errors are ignored: get() will report them). */
  prefetch(paths: readonly string[]): void {
    for (const p of paths) if (!this.#entries.has(p)) this.#load(p).catch(() => undefined);
  }

  /** Bytes currently held. */
  get size(): number {
    return this.#bytes;
  }

  #load(path: string): Promise<Uint8Array> {
    let p = this.#loading.get(path);
    if (!p) {
      p = readFile(path).then(
        (b) => {
          this.#loading.delete(path);
          const bytes = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
          this.#put(path, bytes);
          return bytes;
        },
        (e: unknown) => {
          this.#loading.delete(path);
          throw e;
        },
      );
      this.#loading.set(path, p);
    }
    return p;
  }

  #put(path: string, bytes: Uint8Array): void {
    if (bytes.byteLength > this.budgetBytes) return;
    const old = this.#entries.get(path);
    if (old) this.#bytes -= old.byteLength;
    this.#entries.delete(path);
    this.#entries.set(path, bytes);
    this.#bytes += bytes.byteLength;
    for (const [k, v] of this.#entries) {
      if (this.#bytes <= this.budgetBytes) break;
      this.#entries.delete(k);
      this.#bytes -= v.byteLength;
    }
  }
}

/** The MIME type of an image file by extension. */
export function imageMime(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return ext === 'png' ? 'image/png' : ext === 'webp' ? 'image/webp' : ext === 'bmp' ? 'image/bmp' : ext === 'tif' || ext === 'tiff' ? 'image/tiff' : 'image/jpeg';
}
