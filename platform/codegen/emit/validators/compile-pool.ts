/**
 * Runs validator compile jobs on worker threads when a contract is large enough to pay for
 * them (starting a worker and loading ajv in it takes a few hundred milliseconds), otherwise in
 * the calling thread. The output is the same either way (see compile-jobs.ts); only the time
 * differs. On a two-core machine the main thread meanwhile renders the TypeScript types.
 * @module
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type CompileInput, type CompileJob, type JobResult, runCompileJob } from './compile-jobs.ts';

const BOOT = new URL('./compile-worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./compile-worker.ts', import.meta.url).href;

/** Below this many validators, workers cost more than they save. */
const WORKER_THRESHOLD = 64;

/**
 * @param validators how many validators the jobs hold, to decide whether workers pay
 * @returns one result per job, in job order
 * @example const results = await runCompileJobs(input, jobs, units.length);
 */
export async function runCompileJobs(
  input: CompileInput,
  jobs: readonly CompileJob[],
  validators: number,
): Promise<JobResult[]> {
  const workers = validators < WORKER_THRESHOLD ? 0 : Math.min(jobs.length, availableParallelism(), 2);
  if (workers === 0) return jobs.map((job) => runCompileJob(input, job));
  const results: JobResult[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const worker = new Worker(BOOT, {
        workerData: { entry: ENTRY, input },
        // A larger young generation: compiling allocates many short-lived objects.
        resourceLimits: { maxYoungGenerationSizeMb: 64 },
      });
      try {
        const send = await connect(worker);
        while (next < jobs.length) {
          const id = next++;
          results[id] = await send(id, jobs[id]);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return results;
}

/** Waits for the worker to start; returns a function that runs one job on it. */
function connect(worker: Worker): Promise<(id: number, job: CompileJob) => Promise<JobResult>> {
  let pending: { id: number; resolve: (result: JobResult) => void } | undefined;
  let fail: (error: Error) => void = () => {};
  return new Promise((ready, reject) => {
    fail = reject;
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => fail(new Error(`a validator compile worker exited with code ${code}`)));
    worker.on('message', (message: { ready?: true; id?: number; result?: JobResult }) => {
      if (message.ready) {
        ready(
          (id, job) =>
            new Promise<JobResult>((resolve, rejectJob) => {
              pending = { id, resolve };
              fail = rejectJob;
              worker.postMessage({ id, job });
            }),
        );
      } else if (pending && message.id === pending.id && message.result) {
        const { resolve } = pending;
        pending = undefined;
        resolve(message.result);
      }
    });
  });
}
