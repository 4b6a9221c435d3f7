// Preloaded into benchmark child processes (`node --import ./bench/lib/report-rss.mjs ...`):
// on exit, writes the process's peak resident set size (KiB) and CPU time (user + system, ms),
// both over all its threads, to BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_RSS_FILE;
if (file && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${usage.maxRSS} ${(usage.userCPUTime + usage.systemCPUTime) / 1000}`);
  });
}
