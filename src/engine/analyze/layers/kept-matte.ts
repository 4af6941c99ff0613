/**
 * A Scene whose subject layer is a matte analysis kept aside (SceneLayers.salient or .focus: no
 * person and no depth cut gave one), for the plans that use it (living-layer.ts, parallax-layer.ts).
 * One derived Scene per analysed one and source (the same object each time: the render setup's
 * cache keys by it).
 *
 * @example withKeptMatte(scene, 'focus').layers?.matteSource // → 'focus'
 */
import type { Scene } from '../../scene.js';

type KeptSource = 'salient' | 'focus';

const derived: Record<KeptSource, WeakMap<Scene, Scene>> = { salient: new WeakMap(), focus: new WeakMap() };

/** The Scene with the matte kept aside as `source` as its subject layer (the Scene itself when it has a matte already or none was kept). */
export function withKeptMatte(scene: Scene, source: KeptSource): Scene {
  const layers = scene.layers, kept = layers?.[source];
  if (!layers || !kept || layers.matte) return scene;
  let made = derived[source].get(scene);
  if (!made) {
    const { matte, subjects, subjectDepth, backgroundDepth } = kept;
    made = { ...scene, layers: { ...layers, matte, matteSource: source, subjects, subjectDepth, backgroundDepth } };
    derived[source].set(scene, made);
  }
  return made;
}
