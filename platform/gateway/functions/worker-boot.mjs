// A function's worker thread starts here: TypeScript support first (handlers are .ts), then the
// function itself. Kept as plain .mjs because a worker cannot start from a .ts file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
