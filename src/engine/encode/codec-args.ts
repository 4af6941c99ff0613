/**
 * The codec settings every Moviola MP4 uses, shared with the benchmark's ffmpeg-only baselines so
 * they are measured with the same encoder work.
 *
 * x264 preset: "superfast" by default (CABAC and 8×8 transforms stay on, so it is still H.264 High) — on 2 cores it is what keeps a 5 s 1080p clip near real time;
 * with three B-frames always (b-adapt=0: our smooth camera moves want them, and the adaptive
 * decision cost ~15 % of the encode for slightly larger files) and no threaded lookahead buffer
 * (sync-lookahead=0: the renderer already keeps frames ahead, and it saves ~10 % of the CPU) and no
 * scene-cut search (scenecut=0: a clip of ≤ 10 s is one keyframe interval, cuts between its shots
 * included, and the search's look at every frame cost ~10 % of x264's CPU for the same PSNR and size);
 * MOVIOLA_X264_PRESET overrides it (e.g. "medium" for smaller files when time doesn't matter).
 * Colour is tagged BT.601 limited range, which is the conversion our renderer (and ffmpeg's
 * default rgb→yuv) uses, so players decode the colours we meant.
 */
export function videoCodecArgs(): string[] {
  const preset = process.env.MOVIOLA_X264_PRESET || 'superfast';
  return [
    '-c:v', 'libx264', '-preset', preset, '-profile:v', 'high', '-pix_fmt', 'yuv420p', '-crf', '20',
    // frame 0 is the user's own picture (and the poster): spend more bits on the keyframe
    // (I/P quantiser ratio 2.0 instead of 1.4, ≈ 3 QP finer), which costs only that one frame
    '-x264-params', 'ipratio=2.0:b-adapt=0:sync-lookahead=0:scenecut=0',
    // fixed thread count: x264 output is deterministic for a given thread count
    '-threads', '2',
    '-colorspace', 'smpte170m', '-color_primaries', 'smpte170m', '-color_trc', 'smpte170m', '-color_range', 'tv',
  ];
}

export function audioCodecArgs(): string[] {
  return ['-c:a', 'aac', '-b:a', '192k', '-ar', '48000', '-ac', '2'];
}

/** No encoder version strings or timestamps in the file: the same plan gives the same bytes. */
export function bitexactArgs(): string[] {
  return ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'];
}
