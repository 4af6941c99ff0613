/**
 * Bad inputs, generated (DESIGN.md §7: the tests make their own). Each returns the bytes of one
 * kind of file the engine must refuse, with the error code it must refuse it with.
 */
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { fixture } from './fixtures.js';

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A small PNG file whose header declares width × height pixels (a decompression bomb). */
export function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = deflateSync(Buffer.alloc((width * 3 + 1) * 4)); // a few rows of zeros; the rest "to come"
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A flat-colour PNG of the given size. */
export function solidPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 90, g: 120, b: 160 } } }).png().toBuffer();
}

/** A PNG of random noise, which does not compress: about width × height × 3 bytes. */
export function noisePng(width: number, height: number): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  let s = 12345;
  for (let i = 0; i < data.length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    data[i] = s >>> 24;
  }
  return sharp(data, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
}

/** A real JPEG cut off after `fraction` of its bytes. */
export function truncatedJpeg(fraction = 0.5): Buffer {
  const bytes = readFileSync(fixture('street-old-town.jpg'));
  return bytes.subarray(0, Math.floor(bytes.length * fraction));
}

/** A real PNG cut off after `fraction` of its bytes. */
export function truncatedPng(fraction = 0.5): Buffer {
  const bytes = readFileSync(fixture('cat-closeup.png'));
  return bytes.subarray(0, Math.floor(bytes.length * fraction));
}

/** A GIF: an image, but not one of the accepted formats. */
export function gif(width = 400, height = 400): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#808080' } }).gif().toBuffer();
}
