// A least-recently-used cache bounded by bytes: the training crop cache keeps each decoded frame's
// crops so clips that repeat (every epoch, overlapping clips, every arm of an ablation) do not decode
// frames again, while memory stays under a fixed budget whatever the size of the project.

/** Something with a size in bytes (typed arrays). */
export interface Sized {
  readonly byteLength: number;
}

/** LRU map from string keys to sized values, evicting the oldest entries beyond `maxBytes`. */
export class LruBytes<V extends Sized> {
  readonly #map = new Map<string, V>();
  #bytes = 0;
  /** Lookups answered from the cache, and misses. */
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes: number) {}

  /** Bytes held now. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Entries held now. */
  get size(): number {
    return this.#map.size;
  }

  /** The value (marked most recently used), or undefined. */
  get(key: string): V | undefined {
    const v = this.#map.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.#map.delete(key);
    this.#map.set(key, v);
    return v;
  }

  /** Stores a value; a value larger than the whole budget is not kept. */
  set(key: string, v: V): void {
    const old = this.#map.get(key);
    if (old !== undefined) {
      this.#bytes -= old.byteLength;
      this.#map.delete(key);
    }
    if (v.byteLength > this.maxBytes) return;
    this.#map.set(key, v);
    this.#bytes += v.byteLength;
    for (const [k, e] of this.#map) {
      if (this.#bytes <= this.maxBytes) break;
      this.#map.delete(k);
      this.#bytes -= e.byteLength;
    }
  }
}
