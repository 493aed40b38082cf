// The inner loop of scipy's augmenting_path() (rectangular_lsap.cpp) as a kernel over one memory block,
// compiled to WebAssembly when the runtime allows it, else run as JavaScript. In V8 the JavaScript loop
// re-checks every typed array's map, bounds and backing store on each iteration (about 2× the C++ time);
// the WebAssembly build of the same loop runs at scipy's speed. Both do the identical IEEE-754 double
// operations in the identical order (no fused multiply-add, no reordering), so they return identical
// results; test/property/lap.property.test.ts checks that they agree.

/** The memory block the LAP works in, plus the scan over it. */
export interface ScanKernel {
  /** 'wasm' or 'js': which implementation runs the loop. */
  readonly kind: 'wasm' | 'js';
  /** Views over the block (replaced when it grows). */
  f64: Float64Array;
  i32: Int32Array;
  /** Makes the block at least `bytes` long (views are refreshed). */
  ensure(bytes: number): void;
  /**
   * One Dijkstra step from row `i` over the first `num` entries of `remaining`: relaxes spc/path, returns
   * the chosen position (scipy's `index`); the lowest cost is left in f64[0]. All offsets are in bytes.
   */
  scan(num: number, base: number, minVal: number, ui: number, i: number, offC: number, offV: number, offS: number, offR: number, offP: number, offRC: number): number;
}

// ---- a minimal WebAssembly encoder for the one function ------------------------------------------
const I32 = 0x7f;
const F64 = 0x7c;
const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};
const str = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

// Parameters 0..10, then locals 11..16 (see `scan` above for their meaning).
const [NUM, BASE, MINVAL, UI, ROW, OFF_C, OFF_V, OFF_S, OFF_R, OFF_P, OFF_RC] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const [IT, J, INDEX, R, S, LOWEST] = [11, 12, 13, 14, 15, 16];
const get = (x: number): number[] => [0x20, x];
const set = (x: number): number[] => [0x21, x];
/** Address of element j of an array at byte offset `off` with 2^shift-byte elements. */
const addr = (off: number, idx: number[], shift: number): number[] => [...get(off), ...idx, 0x41, shift, 0x74 /* i32.shl */, 0x6a /* i32.add */];
const f64load = [0x2b, 3, 0];
const i32load = [0x28, 2, 0];
const BLOCK = [0x02, 0x40];
const LOOP = [0x03, 0x40];
const IF = [0x04, 0x40];
const ELSE = 0x05;
const END = 0x0b;
const UPDATE_LOWEST = [...get(S), ...set(LOWEST), ...get(IT), ...set(INDEX)];

const CODE: number[] = [
  0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x7f, ...set(LOWEST), // lowest = +Infinity
  0x41, 0x7f, ...set(INDEX), // index = -1
  0x41, 0, ...set(IT),
  ...BLOCK, ...LOOP,
  ...get(IT), ...get(NUM), 0x4e /* i32.ge_s */, 0x0d, 1, // exit when it >= num
  ...addr(OFF_R, get(IT), 2), ...i32load, ...set(J), // j = remaining[it]
  // r = ((minVal + cost[base + j]) - u[i]) - v[j]
  ...get(MINVAL), ...addr(OFF_C, [...get(BASE), ...get(J), 0x6a], 3), ...f64load, 0xa0 /* f64.add */,
  ...get(UI), 0xa1 /* f64.sub */, ...addr(OFF_V, get(J), 3), ...f64load, 0xa1, ...set(R),
  ...addr(OFF_S, get(J), 3), ...f64load, ...set(S), // s = spc[j]
  ...get(R), ...get(S), 0x63 /* f64.lt */, ...IF, // if (r < s) { path[j] = i; spc[j] = r; s = r; }
  ...addr(OFF_P, get(J), 2), ...get(ROW), 0x36, 2, 0,
  ...addr(OFF_S, get(J), 3), ...get(R), 0x39, 3, 0,
  ...get(R), ...set(S),
  END,
  // if (s < lowest || (s == lowest && row4col[j] == -1)) { lowest = s; index = it; }
  ...get(S), ...get(LOWEST), 0x63, ...IF, ...UPDATE_LOWEST, ELSE,
  ...get(S), ...get(LOWEST), 0x61 /* f64.eq */, ...IF,
  ...addr(OFF_RC, get(J), 2), ...i32load, 0x41, 0x7f, 0x46 /* i32.eq */, ...IF, ...UPDATE_LOWEST, END,
  END, END,
  ...get(IT), 0x41, 1, 0x6a, ...set(IT),
  0x0c, 0, // br loop
  END, END,
  0x41, 0, ...get(LOWEST), 0x39, 3, 0, // f64[0] = lowest
  ...get(INDEX),
  END,
];

const BODY = [...uleb(2), 3, I32, 3, F64, ...CODE];
const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [1, 0x60, 11, I32, I32, F64, F64, I32, I32, I32, I32, I32, I32, I32, 1, I32]),
  ...section(2, [1, ...str('env'), ...str('mem'), 0x02, 0x00, 1]),
  ...section(3, [1, 0]),
  ...section(7, [1, ...str('scan'), 0x00, 0]),
  ...section(10, [1, ...uleb(BODY.length), ...BODY]),
]);

// ---- the two implementations ---------------------------------------------------------------------
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (m: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (d: { initial: number }) => WasmMemory;
}

function wasmKernel(): ScanKernel | undefined {
  const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (!wasm) return undefined;
  try {
    const memory = new wasm.Memory({ initial: 1 });
    const instance = new wasm.Instance(new wasm.Module(MODULE), { env: { mem: memory } });
    const scan = instance.exports['scan'] as ScanKernel['scan'];
    const k: ScanKernel = {
      kind: 'wasm',
      f64: new Float64Array(memory.buffer),
      i32: new Int32Array(memory.buffer),
      ensure(bytes) {
        const have = memory.buffer.byteLength;
        if (have >= bytes) return;
        memory.grow(Math.ceil((Math.max(bytes, have * 2) - have) / 65536));
        k.f64 = new Float64Array(memory.buffer);
        k.i32 = new Int32Array(memory.buffer);
      },
      scan,
    };
    return k;
  } catch {
    // A Content-Security-Policy without 'wasm-unsafe-eval' (or no WebAssembly at all): use JavaScript.
    return undefined;
  }
}

/** The JavaScript version of the kernel: the same loop, the same operations in the same order. */
export function jsScanKernel(): ScanKernel {
  let buf = new ArrayBuffer(65536);
  const k: ScanKernel = {
    kind: 'js',
    f64: new Float64Array(buf),
    i32: new Int32Array(buf),
    ensure(bytes) {
      if (buf.byteLength >= bytes) return;
      buf = new ArrayBuffer(Math.max(bytes, buf.byteLength * 2));
      k.f64 = new Float64Array(buf);
      k.i32 = new Int32Array(buf);
    },
    scan(num, base, minVal, ui, i, offC, offV, offS, offR, offP, offRC) {
      const f = k.f64;
      const n = k.i32;
      const c = (offC >> 3) + base;
      const v = offV >> 3;
      const s0 = offS >> 3;
      const r0 = offR >> 2;
      const p = offP >> 2;
      const rc = offRC >> 2;
      let index = -1;
      let lowest = Infinity;
      for (let it = 0; it < num; it++) {
        const j = n[r0 + it]!;
        const r = minVal + f[c + j]! - ui - f[v + j]!;
        let s = f[s0 + j]!;
        if (r < s) {
          n[p + j] = i;
          f[s0 + j] = r;
          s = r;
        }
        if (s < lowest || (s === lowest && n[rc + j] === -1)) {
          lowest = s;
          index = it;
        }
      }
      f[0] = lowest;
      return index;
    },
  };
  return k;
}

/** The fastest kernel this runtime allows (WebAssembly, else JavaScript). */
export function bestScanKernel(): ScanKernel {
  return wasmKernel() ?? jsScanKernel();
}
