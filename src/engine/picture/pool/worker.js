// Worker entry for the picture render pool. tsx's loader is not inherited by worker threads, so
// register it here, then load the TypeScript worker body.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
