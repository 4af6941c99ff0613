/**
 * The grade vocabulary: one row per look. A look changes the identity grade (exposure 0,
 * contrast 1, saturation 1, warmth 0, vignette 0): exposure and warmth add, contrast and
 * saturation multiply, vignette takes the largest.
 *
 * @example
 *   LOOK_TABLE.find((l) => l.id === 'noir')!.grade.saturation;  // 0
 */
import type { Grade } from '../../plan.js';

export interface LookEntry {
  id: string;
  phrases: readonly string[];
  grade: Partial<Omit<Grade, 'fade_in'>>;
}

export const LOOK_TABLE: readonly LookEntry[] = [
  { id: 'warm', phrases: ['warm', 'warm tones', 'warm light', 'warm colors', 'warm colours', 'cozy', 'cosy', 'warmth'], grade: { warmth: 0.25 } },
  { id: 'golden_hour', phrases: ['golden hour', 'golden light', 'magic hour', 'sunset glow', 'golden glow', 'golden', 'sunset', 'sunrise'], grade: { warmth: 0.35, exposure: 0.05, saturation: 1.1, contrast: 1.05, vignette: 0.15 } },
  { id: 'cold', phrases: ['cold', 'cool tones', 'cool colors', 'cool colours', 'icy', 'wintry', 'cold light', 'blue tones', 'bluish', 'frosty'], grade: { warmth: -0.3, saturation: 0.92 } },
  { id: 'moody', phrases: ['moody', 'dark and moody', 'brooding', 'somber', 'sombre', 'melancholic', 'gloomy', 'ominous'], grade: { exposure: -0.2, contrast: 1.15, saturation: 0.85, vignette: 0.3 } },
  { id: 'noir', phrases: ['noir', 'film noir', 'black and white', 'black & white', 'b&w', 'b/w', 'monochrome', 'grayscale', 'greyscale', 'black white'], grade: { saturation: 0, contrast: 1.25, vignette: 0.3 } },
  { id: 'sepia', phrases: ['sepia', 'sepia tone'], grade: { saturation: 0.25, warmth: 0.45, contrast: 0.95, vignette: 0.25 } },
  { id: 'vintage', phrases: ['vintage', 'retro', 'old film', 'faded film', 'film look', '70s', '1970s', 'nostalgic', 'super 8', '8mm'], grade: { saturation: 0.8, warmth: 0.15, contrast: 0.92, exposure: 0.03, vignette: 0.25 } },
  { id: 'high_contrast', phrases: ['high contrast', 'contrasty', 'punchy', 'hard light'], grade: { contrast: 1.3 } },
  { id: 'dreamy', phrases: ['dreamy', 'dreamlike', 'ethereal', 'soft look', 'low contrast', 'airy'], grade: { contrast: 0.9, exposure: 0.1, saturation: 0.95 } },
  { id: 'desaturated', phrases: ['desaturated', 'muted', 'muted colors', 'muted colours', 'washed out', 'bleach bypass', 'faded'], grade: { saturation: 0.65 } },
  { id: 'vibrant', phrases: ['vibrant', 'saturated', 'vivid', 'colorful', 'colourful', 'rich colors', 'rich colours'], grade: { saturation: 1.25 } },
  { id: 'cinematic', phrases: ['cinematic', 'cinematic look', 'filmic', 'movie look'], grade: { contrast: 1.08, saturation: 0.95, vignette: 0.15 } },
  { id: 'cyberpunk', phrases: ['cyberpunk', 'neon noir', 'blade runner'], grade: { warmth: -0.12, contrast: 1.12, saturation: 1.15, vignette: 0.2 } },
  { id: 'teal_orange', phrases: ['teal and orange', 'orange and teal', 'blockbuster look'], grade: { warmth: 0.1, contrast: 1.1, saturation: 1.1 } },
];
