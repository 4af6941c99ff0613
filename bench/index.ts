/**
 * `npm run bench`: prints tables with ratios against baselines measured in the same run
 * (DESIGN.md §6). Asserts nothing and never fails on a time.
 *
 *   npm run bench              all tables
 *   npm run bench -- picture   only the named ones (picture, sound, api, analyze, burst, distributed, cli, characters, layers, integrity, acting, threads)
 */
import { printTable, type Row } from './table.js';
import { benchPicture } from './picture.js';
import { benchSound } from './sound.js';
import { benchApi } from './api.js';
import { benchAnalyze } from './analyze.js';
import { benchBurst } from './burst.js';
import { benchDistributed } from './distributed.js';
import { benchCli } from './cli.js';
import { benchCharacters } from './characters.js';
import { benchLayers } from './layers.js';
import { benchIntegrity } from './integrity.js';
import { benchActing } from './acting.js';
import { benchThreads } from './thread-start.js';

const suites: Record<string, { title: string; run: () => Promise<Row[]> }> = {
  picture: { title: 'Engine: render + encode vs ffmpeg alone', run: benchPicture },
  api: { title: 'API: Moviola routes vs a bare Fastify route (autocannon)', run: benchApi },
  sound: { title: 'Sound: renderSound stages (best of 3)', run: benchSound },
  analyze: { title: 'Analyze: analyzeImage with the face models, and its person segmentation step (median of 3, warm)', run: benchAnalyze },
  burst: { title: 'Burst: 500 concurrent submits with new images (MOVIOLA_WORKERS=0; set BENCH_BASELINE_DIR for main)', run: benchBurst },
  distributed: { title: 'Distributed: clips per minute and submit → processing, embedded vs PostgreSQL + S3', run: benchDistributed },
  cli: { title: 'CLI start-up: moviola vs node -e 0 (wall, median of 7)', run: benchCli },
  threads: { title: 'Thread start-up: CPU to load each worker bundle, over an empty worker (median of 5)', run: benchThreads },
  characters: { title: 'Characters: reading, landmarks, rigs; a 5 s 1080p clip with an animated subject (warm)', run: benchCharacters },
  integrity: { title: 'Picture integrity: every fixture × the strong moves at 640 px (nothing cloned, mirrored or bent; frame 0, direction, smoothness, edges)', run: benchIntegrity },
  acting: { title: 'Acting: every action row on each photo\'s performer at 480 px, static camera, against the same shot with no action (performed / noted / FAIL; BENCH_ACTING_DIR for photos nobody tuned)', run: benchActing },
  layers: { title: 'Layers: segmentation, layering, synthesis, and layered vs single-sheet frames (median of 3)', run: benchLayers },
};

const wanted = process.argv.slice(2);
for (const [name, suite] of Object.entries(suites)) {
  if (wanted.length && !wanted.includes(name)) continue;
  process.stdout.write(`running ${name} …\n`);
  printTable(suite.title, await suite.run());
}
