#!/usr/bin/env node
// Runs the CLI that `npm install` built (npm run build:bundles → build/cli): no compiler at run
// time, and each command loads only its own code, so --help, --version and option errors are quick.
import { existsSync } from 'node:fs';

const cli = new URL('../build/cli/index.mjs', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('moviola: the CLI is not built; run npm install (or npm run build:bundles) first\n');
  process.exit(1);
}
const { main } = await import(cli.href);
await main(process.argv);
