// The proof worker when the service runs from TypeScript source (tsx, jest): a worker thread
// does not inherit the parent's loader hooks on Node 20, so it registers tsx itself first.
import { register } from 'tsx/esm/api';

register();
await import('./proof-worker.ts');
