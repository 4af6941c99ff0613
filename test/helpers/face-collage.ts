/**
 * A two-face picture for character tests: the astronaut portrait and its mirror image side by
 * side (1024×512 PNG bytes), so one face is in the left half and one in the right.
 *
 * @example
 *   const { image } = await decodeImage(await faceCollage());
 */
import sharp from 'sharp';
import { fixture } from './fixtures.js';

export async function faceCollage(): Promise<Buffer> {
  const astronaut = fixture('portrait-astronaut.png');
  const mirrored = await sharp(astronaut).flop().png().toBuffer();
  return sharp({ create: { width: 1024, height: 512, channels: 3, background: '#000' } })
    .composite([{ input: astronaut, left: 0, top: 0 }, { input: mirrored, left: 512, top: 0 }])
    .png()
    .toBuffer();
}
