/**
 * The API's image rules, checked in the browser before anything is sent: JPEG, PNG or WebP; at most
 * 10 MB; each side at least 300 px; aspect ratio between 1:2.5 and 2.5:1. Returns the first rule the
 * image breaks as a sentence naming it, or null when it passes.
 *
 * @example
 *   imageRuleBroken({ type: 'image/png', bytes: 12_000, width: 200, height: 200 })
 *   // → 'Each side must be at least 300 px; this image is 200 × 200 px.'
 */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const MAX_BYTES = 10 * 1024 * 1024;
export const MIN_SIDE = 300;
export const MAX_ASPECT = 2.5;

export interface ImageFacts {
  /** MIME type, '' when unknown (a URL) */
  type: string;
  /** size in bytes, null when unknown (a URL) */
  bytes: number | null;
  width: number;
  height: number;
}

export function typeRuleBroken(type: string, name = ''): string | null {
  if (!type || IMAGE_TYPES.includes(type)) return null;
  const what = type || name.split('.').pop() || 'this file';
  return `The image must be a JPEG, PNG or WebP; this is ${what}.`;
}

export function sizeRuleBroken(bytes: number | null): string | null {
  if (bytes === null || bytes <= MAX_BYTES) return null;
  return `The image must be at most 10 MB; this one is ${(bytes / 1048576).toFixed(1)} MB.`;
}

export function imageRuleBroken(facts: ImageFacts): string | null {
  const early = typeRuleBroken(facts.type) ?? sizeRuleBroken(facts.bytes);
  if (early) return early;
  const { width, height } = facts;
  if (width < MIN_SIDE || height < MIN_SIDE) {
    return `Each side must be at least ${MIN_SIDE} px; this image is ${width} × ${height} px.`;
  }
  const ratio = Math.max(width / height, height / width);
  if (ratio > MAX_ASPECT + 1e-9) {
    return `The aspect ratio must be between 1:2.5 and 2.5:1; this image is ${width} × ${height} px (${ratio.toFixed(2)}:1).`;
  }
  return null;
}

/** Width and height of an image file, decoded locally (no request leaves the page). */
export async function measureFile(file: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(file);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

/** Width and height of an image at a URL (the browser loads it to show the preview anyway). */
export function measureUrl(url: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => reject(new Error('The image at this URL could not be loaded.'));
    img.src = url;
  });
}
