// A validator-compiling worker starts here: TypeScript support first, then the worker itself.
// Plain .mjs because a worker thread cannot start from a .ts file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
