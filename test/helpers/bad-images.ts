/**
 * Bad inputs, generated (DESIGN.md §7: the tests make their own). Each returns the bytes of one
 * kind of file the engine must refuse, with the error code it must refuse it with.
 */
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import type { InputErrorCode } from '../../src/engine/errors.js';
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

/** A noisy picture in any format (noise compresses poorly and looks like a photograph to codecs). */
export async function noiseImage(width: number, height: number, format: 'png' | 'jpeg' | 'gif' | 'webp', seed = 1): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  let s = seed >>> 0;
  for (let i = 0; i < data.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[i] = s >>> 24;
  }
  const img = sharp(data, { raw: { width, height, channels: 3 } });
  if (format === 'png') return img.png({ compressionLevel: 1 }).toBuffer();
  if (format === 'jpeg') return img.jpeg({ quality: 95 }).toBuffer();
  if (format === 'webp') return img.webp().toBuffer();
  return img.gif().toBuffer();
}

export interface BadImage {
  name: string;
  bytes: Buffer;
  code: InputErrorCode;
  /** words the message must contain: the rule it broke */
  mentions: string[];
}

/**
 * Every kind of image the engine must refuse, with the code and the words of the rule.
 *
 * @example
 *   for (const bad of await badImages()) await assert.rejects(analyzeImage(bad.bytes), { code: bad.code });
 */
export async function badImages(): Promise<BadImage[]> {
  const huge = await noisePng(2400, 1800);
  // stored 800×290 and turned a quarter by EXIF: the viewer sees 290×800
  const rotated = await sharp(await noiseImage(800, 290, 'jpeg')).jpeg().withMetadata({ orientation: 6 }).toBuffer();
  return [
    { name: 'a text file', bytes: Buffer.from('this is not a picture, just some words\n'), code: 'IMAGE_NOT_AN_IMAGE', mentions: ['JPEG, PNG or WebP'] },
    { name: 'a GIF', bytes: await gif(), code: 'IMAGE_NOT_AN_IMAGE', mentions: ['JPEG, PNG or WebP'] },
    { name: 'an empty file', bytes: Buffer.alloc(0), code: 'IMAGE_EMPTY', mentions: ['empty'] },
    { name: 'a truncated JPEG', bytes: truncatedJpeg(0.6), code: 'IMAGE_CORRUPT', mentions: ['corrupt or truncated'] },
    { name: 'a truncated PNG', bytes: truncatedPng(0.6), code: 'IMAGE_CORRUPT', mentions: ['corrupt or truncated'] },
    { name: 'a 200×200 PNG', bytes: await solidPng(200, 200), code: 'IMAGE_TOO_SMALL', mentions: ['200×200', 'at least 300 px'] },
    { name: 'a 1000×300 JPEG', bytes: await noiseImage(1000, 300, 'jpeg'), code: 'IMAGE_ASPECT', mentions: ['1000×300', '1:2.5'] },
    { name: `a ${(huge.length / 1048576).toFixed(1)} MB PNG`, bytes: huge, code: 'IMAGE_TOO_LARGE_BYTES', mentions: ['10 MB limit'] },
    { name: 'a PNG header declaring 30000×30000', bytes: pngDeclaring(30000, 30000), code: 'IMAGE_TOO_MANY_PIXELS', mentions: ['30000×30000', '40 megapixel'] },
    { name: 'an EXIF-rotated JPEG, 290×800 as seen', bytes: rotated, code: 'IMAGE_TOO_SMALL', mentions: ['290×800', 'at least 300 px'] },
  ];
}
