// JSON on the wire for browser mode, keeping typed arrays (ARCHITECTURE.md §2: payloads are plain
// data and typed arrays). A typed array travels as { "$typed": "Float32Array", "base64": "..." }.

const TYPED = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
type TypedName = keyof typeof TYPED;
type AnyTyped = InstanceType<(typeof TYPED)[TypedName]>;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Standard base64 (RFC 4648) of bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + '=';
  }
  return out;
}

/** Decodes standard base64; throws on characters outside the alphabet. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    const v = c < 128 ? B64_INDEX[c]! : -1;
    if (v < 0) throw new Error(`invalid base64 character at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

function typedName(v: object): TypedName | undefined {
  const name = v.constructor?.name;
  return name !== undefined && name in TYPED ? (name as TypedName) : undefined;
}

/** Serialises an API payload to JSON text, encoding typed arrays. */
export function encodeWire(value: unknown): string {
  return JSON.stringify(value, function replacer(this: unknown, _key, v: unknown) {
    if (typeof v === 'object' && v !== null && ArrayBuffer.isView(v)) {
      const name = typedName(v);
      if (name === undefined) throw new Error(`cannot send ${v.constructor.name} over the wire`);
      const t = v as AnyTyped;
      return { $typed: name, base64: bytesToBase64(new Uint8Array(t.buffer, t.byteOffset, t.byteLength)) };
    }
    return v;
  });
}

/** Parses JSON text from the wire, restoring typed arrays. Throws SyntaxError on malformed JSON. */
export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v === 'object' && v !== null && '$typed' in v && 'base64' in v) {
      const { $typed, base64 } = v as { $typed: unknown; base64: unknown };
      if (typeof $typed === 'string' && $typed in TYPED && typeof base64 === 'string') {
        const bytes = base64ToBytes(base64);
        const Ctor = TYPED[$typed as TypedName];
        // A fresh buffer of exactly the decoded bytes (aligned at 0).
        return new Ctor(bytes.buffer);
      }
    }
    return v;
  });
}
