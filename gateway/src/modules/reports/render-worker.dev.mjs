// Development and tests only: Node 20 does not apply --import to a worker's entry module, so the
// worker registers tsx itself and then loads the TypeScript entry. Production runs the bundle.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
