/**
 * A warm engine's per-picture setup, kept between renders of one picture. The subject cut out at
 * an output size, its layers' nearness, the background synthesised behind it and the outpainted
 * margin depend on the picture (the Scene object), the size, the seed, the synthesis band and the
 * margin's size — not on the move. Several moves of one photo (a user trying a truck, then an
 * orbit; every move of the tests) build each once. A plan whose actions move parts of the subject
 * completes the matte over those parts and refines the background behind them: its entries are
 * kept under those parts too, and under whether the subject lives (cutKey), so the same photo
 * acting again — another prompt with the same gesture, another seed — reuses its cut. What it returns is what ./layers.ts and
 * ./outpaint.ts compute (the same bytes); callers only read it. Bounded by bytes, least recently
 * used first out; a failed computation is not kept. A Scene is taken as unchanging once analysed
 * (the engine never changes one; a changed copy is a new Scene).
 *
 * @example
 *   const cut = await setupCache.cut(input);                   // cutSubject(input), once per picture and size
 *   const layers = cut && await setupCache.layers(input, cut); // buildLayers(input, cut), once per seed and band
 */
import type { Scene } from '../../scene.js';
import { buildLayers, cutSubject, layerNearnessFor, sharedNearness, synthesisBand, type LayerInput, type PictureLayers, type SubjectCut } from './layers.js';

/** a few full-HD setups (each about 2 + 2 + 9 bytes a pixel: cut, nearness, layers; a margin 8 a canvas pixel) */
const MAX_BYTES = 160 * 2 ** 20;

interface Entry { value: Promise<unknown>; bytes: number }

export class SetupCache {
  private readonly entries = new Map<string, Entry>();
  private readonly sceneIds = new WeakMap<Scene, number>();
  private nextScene = 1;
  private used = 0;
  /** computations saved so far (a read of a kept value) */
  hits = 0;

  constructor(private readonly maxBytes = MAX_BYTES) {}

  /**
   * `cutSubject(input)`; its nearness (once) when the plan has parallax: begun on the helper thread
   * before the matte is completed here, shared across the completed matte's cut (layers.ts'
   * sharedNearness; per cut: acting completes the matte).
   */
  async cut(input: LayerInput): Promise<SubjectCut | null> {
    const at = this.key(input), of = cutKey(input);
    const pixels = input.width * input.height;
    const layered = input.parallax > 0 && input.scene.layers?.matte;
    const begun = layered && !this.entries.has(`${at} nearness${of}`) ? layerNearnessFor(input) : null;
    begun?.catch(() => undefined); // awaited below, unless there is no cut
    const cut = await this.kept(`${at} cut${of}`, 3 * pixels, async () => {
      const made = await cutSubject({ ...input, parallax: 0 }); // (its nearness is the one below)
      return made && { matte: made.matte, hole: made.hole, holePixels: made.holePixels, kept: made.kept };
    });
    if (!cut) return null;
    const nearness = layered ? this.kept(`${at} nearness${of}`, 2 * pixels, () => sharedNearness(begun ?? layerNearnessFor(input), cut.matte, input)) : Promise.resolve(null);
    return { ...cut, nearness };
  }

  /** `buildLayers(input, cut)` for a cut this cache made. */
  async layers(input: LayerInput, cut: SubjectCut): Promise<PictureLayers> {
    const { band } = synthesisBand(input, cut.holePixels);
    const made = await this.kept(`${this.key(input)} layers ${input.seed} ${band}${cutKey(input)}`, 9 * input.width * input.height, async () => {
      const { back, front, hole } = await buildLayers(input, cut);
      return { back, front, hole };
    });
    return { ...made, nearness: cut.nearness };
  }

  /**
   * The margin `paint` outpaints round the picture at this size (mx, my px a side) for this seed,
   * leaving out the subject's hole (`hole`: the cut's — made for `cut`'s acting parts and life — or none).
   */
  margin<T extends { canvas: Uint8Array; from: Int32Array }>(scene: Scene, size: { width: number; height: number; mx: number; my: number; seed: number; reach?: string }, hole: 'cut' | 'none', cut: Pick<LayerInput, 'acting' | 'living'>, paint: () => Promise<T>): Promise<T> {
    const { width, height, mx, my, seed } = size;
    const of = hole === 'cut' ? `cut${cutKey(cut)}` : hole;
    // (`reach`: what the painted part of the margin depends on when only the reachable part is painted)
    const part = size.reach ? ` reach ${size.reach}` : '';
    return this.kept(`${this.key({ scene, width, height })} margin ${mx} ${my} ${seed} ${of}${part}`, 8 * (width + 2 * mx) * (height + 2 * my), paint);
  }

  /**
   * What the margin round the picture at this size never copies for this seed (outpaint.ts'
   * marginObjects), as `find` starts it: it depends on the canvas alone, not on the subject's cut
   * or its acting parts, so it is started before them and kept beside the margin. Charged a byte a
   * canvas pixel (its small raster has fewer).
   */
  marginObjects<T>(scene: Scene, size: { width: number; height: number; mx: number; my: number; seed: number }, find: () => Promise<T>): Promise<T> {
    const { width, height, mx, my, seed } = size;
    return this.kept(`${this.key({ scene, width, height })} margin objects ${mx} ${my} ${seed}`, (width + 2 * mx) * (height + 2 * my), find);
  }

  /** Forgets everything kept. */
  clear(): void {
    this.entries.clear();
    this.used = 0;
  }

  /** bytes kept now */
  get bytes(): number {
    return this.used;
  }

  private key(input: { scene: Scene; width: number; height: number }): string {
    let id = this.sceneIds.get(input.scene);
    if (id === undefined) this.sceneIds.set(input.scene, (id = this.nextScene++));
    return `${id} ${input.width}x${input.height}`;
  }

  private kept<T>(key: string, bytes: number, compute: () => Promise<T>): Promise<T> {
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key); // most recently used last
      this.entries.set(key, found);
      this.hits++;
      return found.value as Promise<T>;
    }
    const value = compute();
    const entry = { value, bytes };
    value.catch(() => this.drop(key, entry));
    this.entries.set(key, entry);
    this.used += bytes;
    for (const [oldest, e] of this.entries) {
      if (this.used <= this.maxBytes || oldest === key) break;
      this.drop(oldest, e);
    }
    return value;
  }

  private drop(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }
}

/**
 * What a cut depends on beyond the picture and size: whether the subject lives (its matte then
 * joins no straight structure) and the parts an action moves (the matte is completed over them,
 * the background refined behind them), which follow from the picture and which kinds of action
 * the plan has — not from the prompt's words, timing or seed. '' for neither.
 */
export function cutKey({ acting, living }: Pick<LayerInput, 'acting' | 'living'>): string {
  return `${living ? ' living' : ''}${acting ? ` acting ${JSON.stringify(acting)}` : ''}`;
}

/** the engine's own, shared by every render in this process */
export const setupCache = new SetupCache();
