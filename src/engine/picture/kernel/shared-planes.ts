/**
 * The YUV planes of a render's sheets (the picture's canvas, the background layer, the subject
 * layer with its alpha and alpha tiles), converted once per render rather than once per render
 * worker: every worker's renderer needs the same bytes (frame-kernels.ts toPlanes), and at 1080p
 * each conversion is tens of milliseconds on a core the other worker wants too. The setup carries
 * one shared buffer per sheet and a state word each; the first worker to ask for a sheet claims
 * it, converts it into its own kernel memory as before and publishes a copy; the others copy that
 * (a memcpy) — waiting for it if it is under way, so they first claim and convert the sheets no
 * one has started. A worker that waits too long (the claimant failed) converts the sheet itself:
 * the same bytes either way. Only the workers hold the buffers, each until it has its own planes
 * (so they are freed early rather than adding to the process' peak memory).
 *
 * @example
 *   pool.setup({ ...setup, sharedPlanes: sharedPlanes(sharedPlaneBytes(setup)) }); // renderPicture (frame-kernels.ts' sizes)
 *   planesOnce(shared, 'back', [y, u, v], () => convert(back));                      // in each renderer
 */

/** The sheets whose planes are shared. */
export type PlaneSheet = 'canvas' | 'back' | 'front';
const SHEETS: readonly PlaneSheet[] = ['canvas', 'back', 'front'];

/** Not claimed, being converted, published, failed (each worker then converts its own). */
const FREE = 0, CONVERTING = 1, READY = 2, FAILED = 3;
/** How long a worker waits for another's conversion before doing it itself (ms). */
const PATIENCE_MS = 20_000;

export interface SharedPlanes {
  /** an Int32 state word per sheet (SHEETS' order) */
  state: SharedArrayBuffer;
  /** each sheet's planes, one after another (as many bytes as its renderer's views) */
  planes: Partial<Record<PlaneSheet, SharedArrayBuffer>>;
}

/**
 * Room for each sheet's planes, `bytes[sheet]` bytes (what the renderer's views add up to:
 * frame-kernels.ts sharedPlaneBytes); allocated now, written (so resident) only by the worker that
 * converts.
 */
export function sharedPlanes(bytes: Partial<Record<PlaneSheet, number>>): SharedPlanes {
  const planes: SharedPlanes['planes'] = {};
  for (const sheet of SHEETS) if (bytes[sheet]) planes[sheet] = new SharedArrayBuffer(bytes[sheet]!);
  return { state: new SharedArrayBuffer(4 * SHEETS.length), planes };
}

/**
 * Fills `views` (this renderer's planes of `sheet`, in kernel memory) with the sheet's planes:
 * copied from `shared` when another renderer converted them, else by `convert()` (which writes
 * the views), published for the others when this renderer claimed the sheet. With no shared
 * buffer for it, just `convert()`. `wait: false` (a first pass over several sheets): returns
 * false instead of waiting for a sheet another renderer is converting.
 */
export function planesOnce(shared: SharedPlanes | undefined, sheet: PlaneSheet, views: readonly Uint8Array[], convert: () => void, wait = true): boolean {
  const buffer = shared?.planes[sheet];
  if (!shared || !buffer) { convert(); return true; }
  const state = new Int32Array(shared.state), at = SHEETS.indexOf(sheet);
  const out = new Uint8Array(buffer);
  if (Atomics.compareExchange(state, at, FREE, CONVERTING) === FREE) {
    let published = FAILED;
    try {
      convert();
      let o = 0;
      for (const v of views) { out.set(v, o); o += v.length; }
      published = READY;
    } finally {
      Atomics.store(state, at, published);
      Atomics.notify(state, at);
    }
    return true;
  }
  if (Atomics.load(state, at) === CONVERTING) {
    if (!wait) return false;
    const until = Date.now() + PATIENCE_MS;
    while (Atomics.load(state, at) === CONVERTING && Date.now() < until) Atomics.wait(state, at, CONVERTING, until - Date.now());
  }
  if (Atomics.load(state, at) !== READY) { convert(); return true; }
  let o = 0;
  for (const v of views) { v.set(out.subarray(o, o + v.length)); o += v.length; }
  return true;
}
