// Binary layout of one box tile (a BLOB in box_tiles / set_tiles): columns, little-endian.
//   u32 version (1) | u32 n | i32 frame[n] | i32 id[n] | f64 x,y,w,h,conf,c8,c9,c10 [n each] | u8 flags[n]
// Doubles are stored whole, so every value reads back bit-identical (value-identical round trips).
import type { BoxColumns } from '../../../src-shared/formats/motTable';

/** Frames per tile: a tile holds one track's (or one set's) boxes of TILE_FRAMES consecutive frames. */
export const TILE_FRAMES = 64;

/** The tile (chunk) index of a 1-based frame. */
export function chunkOf(frame: number): number {
  return Math.floor((frame - 1) / TILE_FRAMES);
}

/** Boxes with annotation flags. */
export interface FlaggedBoxes extends BoxColumns {
  readonly flags: Uint8Array;
}

const VERSION = 1;
const F64_COLUMNS = ['x', 'y', 'w', 'h', 'conf', 'c8', 'c9', 'c10'] as const;

/** Bytes of a tile with n boxes. */
export function tileBytes(n: number): number {
  return 8 + 8 * n + 64 * n + n;
}

/** Encodes rows `order[from..to)` of `src` as one tile. `flags` may be omitted (all 0). */
export function encodeTile(src: BoxColumns & { flags?: Uint8Array }, order: ArrayLike<number>, from = 0, to = order.length): Uint8Array {
  const n = to - from;
  const buf = new ArrayBuffer(tileBytes(n));
  const head = new Uint32Array(buf, 0, 2);
  head[0] = VERSION;
  head[1] = n;
  const frame = new Int32Array(buf, 8, n);
  const id = new Int32Array(buf, 8 + 4 * n, n);
  const f64 = F64_COLUMNS.map((_, k) => new Float64Array(buf, 8 + 8 * n + 8 * n * k, n));
  const flags = new Uint8Array(buf, 8 + 72 * n, n);
  const { frame: sf, id: si, flags: sflags } = src;
  for (let i = 0; i < n; i++) {
    const r = order[from + i]!;
    frame[i] = sf[r]!;
    id[i] = si[r]!;
    if (sflags) flags[i] = sflags[r]!;
  }
  // Column by column: one source array per loop (a property lookup per value costs ~20% of an import).
  for (let k = 0; k < 8; k++) {
    const from64 = src[F64_COLUMNS[k]!];
    const to64 = f64[k]!;
    for (let i = 0; i < n; i++) to64[i] = from64[order[from + i]!]!;
  }
  return new Uint8Array(buf);
}

/** Reads the box count of a tile. */
function tileCount(blob: Uint8Array): number {
  const dv = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (dv.getUint32(0, true) !== VERSION) throw new Error(`unknown box tile version ${dv.getUint32(0, true)}`);
  const n = dv.getUint32(4, true);
  if (blob.byteLength !== tileBytes(n)) throw new Error(`box tile of ${blob.byteLength} bytes for ${n} boxes (damaged)`);
  return n;
}

/** Growable columns that tiles are decoded into. */
export class BoxColumnsBuilder {
  count = 0;
  frame: Int32Array;
  id: Int32Array;
  x: Float64Array;
  y: Float64Array;
  w: Float64Array;
  h: Float64Array;
  conf: Float64Array;
  c8: Float64Array;
  c9: Float64Array;
  c10: Float64Array;
  flags: Uint8Array;

  constructor(capacity = 64) {
    this.frame = new Int32Array(capacity);
    this.id = new Int32Array(capacity);
    this.x = new Float64Array(capacity);
    this.y = new Float64Array(capacity);
    this.w = new Float64Array(capacity);
    this.h = new Float64Array(capacity);
    this.conf = new Float64Array(capacity);
    this.c8 = new Float64Array(capacity);
    this.c9 = new Float64Array(capacity);
    this.c10 = new Float64Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  #reserve(extra: number): void {
    const need = this.count + extra;
    if (need <= this.frame.length) return;
    let cap = Math.max(64, this.frame.length * 2);
    while (cap < need) cap *= 2;
    const grow = <A extends Int32Array | Float64Array | Uint8Array>(a: A): A => {
      const b = new (a.constructor as new (n: number) => A)(cap);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.frame = grow(this.frame);
    this.id = grow(this.id);
    this.x = grow(this.x);
    this.y = grow(this.y);
    this.w = grow(this.w);
    this.h = grow(this.h);
    this.conf = grow(this.conf);
    this.c8 = grow(this.c8);
    this.c9 = grow(this.c9);
    this.c10 = grow(this.c10);
    this.flags = grow(this.flags);
  }

  /** Appends every box of a tile, or only those of `onlyFrame`. */
  addTile(blob: Uint8Array, onlyFrame?: number): void {
    const n = tileCount(blob);
    // SQLite BLOBs arrive as Buffers at any offset: copy once into an aligned buffer.
    const buf = blob.byteOffset % 8 === 0 ? blob.buffer : blob.slice().buffer;
    const base = blob.byteOffset % 8 === 0 ? blob.byteOffset : 0;
    const frame = new Int32Array(buf, base + 8, n);
    const id = new Int32Array(buf, base + 8 + 4 * n, n);
    const f64 = F64_COLUMNS.map((_, k) => new Float64Array(buf, base + 8 + 8 * n + 8 * n * k, n));
    const flags = new Uint8Array(buf, base + 8 + 72 * n, n);
    let from = 0;
    let to = n;
    if (onlyFrame !== undefined) {
      while (from < n && frame[from]! < onlyFrame) from++;
      to = from;
      while (to < n && frame[to] === onlyFrame) to++;
    }
    const m = to - from;
    if (m <= 0) return;
    this.#reserve(m);
    const at = this.count;
    this.frame.set(frame.subarray(from, to), at);
    this.id.set(id.subarray(from, to), at);
    this.x.set(f64[0]!.subarray(from, to), at);
    this.y.set(f64[1]!.subarray(from, to), at);
    this.w.set(f64[2]!.subarray(from, to), at);
    this.h.set(f64[3]!.subarray(from, to), at);
    this.conf.set(f64[4]!.subarray(from, to), at);
    this.c8.set(f64[5]!.subarray(from, to), at);
    this.c9.set(f64[6]!.subarray(from, to), at);
    this.c10.set(f64[7]!.subarray(from, to), at);
    this.flags.set(flags.subarray(from, to), at);
    this.count += m;
  }

  /** Appends one box. */
  push(b: { frame: number; id: number; x: number; y: number; w: number; h: number; conf: number; c8: number; c9: number; c10: number; flags: number }): void {
    this.#reserve(1);
    const i = this.count++;
    this.frame[i] = b.frame;
    this.id[i] = b.id;
    this.x[i] = b.x;
    this.y[i] = b.y;
    this.w[i] = b.w;
    this.h[i] = b.h;
    this.conf[i] = b.conf;
    this.c8[i] = b.c8;
    this.c9[i] = b.c9;
    this.c10[i] = b.c10;
    this.flags[i] = b.flags;
  }

  /** The columns up to the count as views of the builder's arrays (no copy: for a caller that copies them anyway, e.g. to reorder). */
  view(): FlaggedBoxes {
    const c = this.count;
    return {
      count: c,
      frame: this.frame.subarray(0, c),
      id: this.id.subarray(0, c),
      x: this.x.subarray(0, c),
      y: this.y.subarray(0, c),
      w: this.w.subarray(0, c),
      h: this.h.subarray(0, c),
      conf: this.conf.subarray(0, c),
      c8: this.c8.subarray(0, c),
      c9: this.c9.subarray(0, c),
      c10: this.c10.subarray(0, c),
      flags: this.flags.subarray(0, c),
    };
  }

  /** The columns trimmed to the count. */
  build(): FlaggedBoxes {
    const c = this.count;
    return {
      count: c,
      frame: this.frame.slice(0, c),
      id: this.id.slice(0, c),
      x: this.x.slice(0, c),
      y: this.y.slice(0, c),
      w: this.w.slice(0, c),
      h: this.h.slice(0, c),
      conf: this.conf.slice(0, c),
      c8: this.c8.slice(0, c),
      c9: this.c9.slice(0, c),
      c10: this.c10.slice(0, c),
      flags: this.flags.slice(0, c),
    };
  }
}
