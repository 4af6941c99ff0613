/**
 * Milliseconds per step, for the timings analysis reports: each `lap(name)` records the time since
 * the previous lap (or since `laps` was called), to a tenth of a millisecond.
 *
 * @example const { timings, lap } = laps(); decode(); lap('decode'); // timings.decode → 12.3
 */
export function laps(): { timings: Record<string, number>; lap: (name: string) => void } {
  const timings: Record<string, number> = {};
  let last = performance.now();
  return {
    timings,
    lap(name) {
      const now = performance.now();
      timings[name] = Math.round((now - last) * 10) / 10;
      last = now;
    },
  };
}
