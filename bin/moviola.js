#!/usr/bin/env node
// Runs the TypeScript CLI directly (no build step): tsx registers its loader for this process and,
// through NODE_OPTIONS-free execArgv, for the worker threads the engine starts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/index.ts');
await main(process.argv);
