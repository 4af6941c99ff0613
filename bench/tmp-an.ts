import { readFile } from 'node:fs/promises';
import { analyzeImageTimed } from '../src/engine/analyze/index.js';
const bytes = await readFile(process.argv[2]!);
for (let i = 0; i < 3; i++) {
  const c = process.cpuUsage(); const t = performance.now();
  const r = await analyzeImageTimed(bytes);
  const u = process.cpuUsage(c);
  console.log(i, 'wall', Math.round(performance.now() - t), 'cpu', Math.round((u.user + u.system) / 1000), JSON.stringify(r.timings));
}
process.exit(0);
