/**
 * Progress for the terminal: a bar with the stage and frame counts on a TTY (cli-progress),
 * plain lines on stderr otherwise (one per stage and every quarter of the frames), so logs stay readable.
 */
import cliProgress from 'cli-progress';
import type { Progress } from '../engine/index.js';

export interface ProgressReporter {
  update: (progress: Progress) => void;
  stop: () => void;
}

export function createProgressReporter(options: { quiet: boolean }): ProgressReporter {
  if (options.quiet) return { update: () => undefined, stop: () => undefined };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar({
      stream: process.stderr,
      format: ' {stage} |{bar}| {percentage}% | frame {frame}/{frames} | {duration_formatted}',
      hideCursor: true,
      clearOnComplete: true,
    }, cliProgress.Presets.shades_classic);
    let started = false;
    return {
      update: (p) => {
        const payload = { stage: p.stage.padEnd(7), frame: p.frame, frames: p.frames || '?' };
        if (!started) { bar.start(100, 0, payload); started = true; }
        bar.update(Math.round(p.fraction * 100), payload);
      },
      stop: () => { if (started) bar.stop(); started = false; },
    };
  }
  let lastStage = '';
  let lastQuarter = -1;
  return {
    update: (p) => {
      const quarter = p.frames ? Math.floor((4 * p.frame) / p.frames) : -1;
      if (p.stage === lastStage && quarter === lastQuarter) return;
      lastStage = p.stage;
      lastQuarter = quarter;
      const frames = p.frames ? ` frame ${p.frame}/${p.frames}` : '';
      process.stderr.write(`moviola: ${p.stage}${frames} (${Math.round(p.fraction * 100)}%)\n`);
    },
    stop: () => undefined,
  };
}
