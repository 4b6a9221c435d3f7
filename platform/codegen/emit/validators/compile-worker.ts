/**
 * A validator-compiling worker thread: runs the jobs it is sent (see compile-jobs.ts) and
 * answers each with its result. Started through compile-worker-boot.mjs.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type CompileInput, type CompileJob, runCompileJob } from './compile-jobs.ts';

const input = workerData.input as CompileInput;
const port = parentPort;
if (!port) throw new Error('compile-worker.ts runs only as a worker thread');
port.on('message', (message: { readonly id: number; readonly job: CompileJob }) => {
  port.postMessage({ id: message.id, result: runCompileJob(input, message.job) });
});
port.postMessage({ ready: true });
