// An open-addressing hash map from (frame, id) pairs of int32 to an int32 value (the first line where
// the pair was seen): the duplicate check of MOT parsing, without a Map entry per row.

/** Map from int32 pairs to int32 values; `get` returns -1 when absent. */
export class Int32PairMap {
  #mask: number;
  #a: Int32Array;
  #b: Int32Array;
  #v: Int32Array;
  #used: Uint8Array;
  #size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.#mask = cap - 1;
    this.#a = new Int32Array(cap);
    this.#b = new Int32Array(cap);
    this.#v = new Int32Array(cap);
    this.#used = new Uint8Array(cap);
  }

  #slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca6b);
    h ^= h >>> 13;
    let i = h & this.#mask;
    while (this.#used[i] && (this.#a[i] !== a || this.#b[i] !== b)) i = (i + 1) & this.#mask;
    return i;
  }

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    const i = this.#slot(a, b);
    return this.#used[i] ? this.#v[i]! : -1;
  }

  /** Stores (a, b) -> v unless present; returns the previous value or -1. */
  setIfAbsent(a: number, b: number, v: number): number {
    const i = this.#slot(a, b);
    if (this.#used[i]) return this.#v[i]!;
    if ((this.#size + 1) * 2 > this.#mask + 1) {
      this.#grow();
      return this.setIfAbsent(a, b, v);
    }
    this.#used[i] = 1;
    this.#a[i] = a;
    this.#b[i] = b;
    this.#v[i] = v;
    this.#size++;
    return -1;
  }

  #grow(): void {
    const { 0: a, 1: b, 2: v, 3: used } = [this.#a, this.#b, this.#v, this.#used] as const;
    const cap = (this.#mask + 1) * 2;
    this.#mask = cap - 1;
    this.#a = new Int32Array(cap);
    this.#b = new Int32Array(cap);
    this.#v = new Int32Array(cap);
    this.#used = new Uint8Array(cap);
    this.#size = 0;
    for (let i = 0; i < used.length; i++) if (used[i]) this.setIfAbsent(a[i]!, b[i]!, v[i]!);
  }
}
