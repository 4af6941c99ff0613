import { readFile } from 'node:fs/promises';
import { decodeImage } from '../src/engine/analyze/decode.js';
import { detectFaces } from '../src/engine/analyze/faces/index.js';
import { detectPose } from '../src/engine/analyze/subjects/pose.js';
import { detectAnimals } from '../src/engine/analyze/subjects/animal-detector.js';
const { image } = await decodeImage(await readFile(process.argv[2]!));
const out: string[] = [];
for (let i = 0; i < 2; i++) {
  let c = process.cpuUsage(); let t = performance.now();
  const f = await detectFaces(image);
  let u = process.cpuUsage(c);
  out.push(`faces${i} ${f.length} wall ${Math.round(performance.now() - t)} cpu ${Math.round((u.user + u.system) / 1000)}`);
  c = process.cpuUsage(); t = performance.now();
  await detectPose(image).catch(() => null);
  u = process.cpuUsage(c);
  out.push(`pose${i} wall ${Math.round(performance.now() - t)} cpu ${Math.round((u.user + u.system) / 1000)}`);
  c = process.cpuUsage(); t = performance.now();
  await detectAnimals(image).catch(() => []);
  u = process.cpuUsage(c);
  out.push(`animals${i} wall ${Math.round(performance.now() - t)} cpu ${Math.round((u.user + u.system) / 1000)}`);
}
const u = process.cpuUsage();
console.log(out.join(' | '), 'proc cpu', Math.round((u.user + u.system) / 1000));
process.exit(0);
