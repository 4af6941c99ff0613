// Worker entry for the submit-time image analysis thread. tsx's loader is not inherited by worker
// threads, so register it here, then load the TypeScript worker body.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
