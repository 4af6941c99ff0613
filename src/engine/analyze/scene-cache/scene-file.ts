/**
 * A Scene as one file, for the disk cache: the Scene's fields as JSON with every typed array (the
 * maps, the matte, the nearness) stored after it as raw bytes, and without the picture's pixels
 * (the cache decodes them again from the image's bytes). Reading gives back exactly what was
 * written: typed arrays of the same kind and values (an array two fields share stays one), NaN
 * and ±Infinity, fields present with an undefined value. A file that is not one, is cut short or
 * was written under another key reads as null.
 *
 * @example
 *   const file = encodeScene(scene, key);
 *   decodeScene(file, key) // → the scene without image.data ({ image: { width, height } })
 */
import type { Scene } from '../../scene.js';

const MAGIC = Buffer.from('moviola scene v1\n');

/** the typed arrays a Scene can hold, by the name stored in the file */
const ARRAYS = {
  Float32Array, Float64Array, Int8Array, Int16Array, Int32Array, Uint8Array, Uint8ClampedArray, Uint16Array, Uint32Array,
} as const;
type ArrayName = keyof typeof ARRAYS;
type AnyArray = InstanceType<(typeof ARRAYS)[ArrayName]>;

/** a Scene whose picture is only its size: the pixels come from the image's bytes */
export type StoredScene = Omit<Scene, 'image'> & { image: { width: number; height: number } };

/** markers in the JSON for what JSON cannot hold */
type Marker = { $array: number } | { $number: 'NaN' | 'Infinity' | '-Infinity' } | { $undefined: true };

export function encodeScene(scene: Scene, key: string): Buffer {
  const arrays: AnyArray[] = [];
  const indexOf = new Map<AnyArray, number>();
  const stored: StoredScene = { ...scene, image: { width: scene.image.width, height: scene.image.height } };
  const json = JSON.stringify({ key, scene: stored }, function (this: Record<string, unknown>, name, value: unknown) {
    // `value` is after toJSON; typed arrays have none, so they arrive whole
    const raw = this[name];
    if (ArrayBuffer.isView(raw) && !(raw instanceof DataView)) {
      const array = raw as AnyArray;
      let index = indexOf.get(array);
      if (index === undefined) indexOf.set(array, (index = arrays.push(array) - 1));
      return { $array: index } satisfies Marker;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) } as Marker;
    if (value === undefined && name !== '' && Object.hasOwn(this, name) && !Array.isArray(this)) return { $undefined: true } satisfies Marker;
    return value;
  });
  const table = arrays.map((a) => ({ type: arrayName(a), length: a.length }));
  const header = Buffer.from(JSON.stringify({ table, json }));
  const parts: Buffer[] = [MAGIC, u32(header.length), header];
  let at = MAGIC.length + 4 + header.length;
  for (const a of arrays) {
    const pad = (8 - (at % 8)) % 8; // each array's bytes start 8-aligned
    parts.push(Buffer.alloc(pad), Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    at += pad + a.byteLength;
  }
  return Buffer.concat(parts);
}

export function decodeScene(file: Buffer, key: string): StoredScene | null {
  try {
    if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const headerLength = file.readUInt32LE(MAGIC.length);
    let at = MAGIC.length + 4;
    const { table, json } = JSON.parse(file.subarray(at, at + headerLength).toString('utf8')) as { table: Array<{ type: ArrayName; length: number }>; json: string };
    at += headerLength;
    const arrays: AnyArray[] = [];
    for (const { type, length } of table) {
      const Kind = ARRAYS[type];
      if (!Kind) return null;
      at += (8 - (at % 8)) % 8;
      const bytes = length * Kind.BYTES_PER_ELEMENT;
      if (at + bytes > file.length) return null;
      // a copy that owns its buffer (transferable to another thread, like the analysis's own)
      const own = new Uint8Array(bytes);
      own.set(file.subarray(at, at + bytes));
      arrays.push(new Kind(own.buffer));
      at += bytes;
    }
    if (at !== file.length) return null;
    const parsed = JSON.parse(json) as { key: string; scene: StoredScene };
    if (parsed.key !== key) return null;
    return revive(parsed.scene, arrays) as StoredScene;
  } catch {
    return null;
  }
}

function revive(node: unknown, arrays: AnyArray[]): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((item) => revive(item, arrays));
  const marker = node as Partial<Record<string, unknown>>;
  if (typeof marker.$array === 'number') {
    const array = arrays[marker.$array];
    if (!array) throw new Error('scene file: no such array');
    return array;
  }
  if (typeof marker.$number === 'string') return Number(marker.$number);
  if (marker.$undefined === true) return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node)) out[name] = revive(value, arrays);
  return out;
}

/** the stored kind of a typed array (a Node Buffer is stored as the Uint8Array it is) */
function arrayName(array: AnyArray): ArrayName {
  const name = (Object.keys(ARRAYS) as ArrayName[]).find((n) => Object.getPrototypeOf(array) === ARRAYS[n].prototype)
    ?? (Object.keys(ARRAYS) as ArrayName[]).find((n) => array instanceof ARRAYS[n]);
  if (!name) throw new Error('scene file: an array of an unknown kind');
  return name;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}
