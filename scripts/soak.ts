/**
 * `npm run soak [-- --seconds N]`: the soak test on loopback, bounded in time (default 60 s).
 * Exits 1 when any answer was unexpected or resident memory grew 10% or more after warm-up.
 */
import { runSoak } from './soak/run-soak.ts';

const at = process.argv.indexOf('--seconds');
const seconds = at > 0 ? Number(process.argv[at + 1]) : 60;
if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600) {
  console.error('soak: --seconds takes a whole number from 1 to 3600');
  process.exit(2);
}
const result = await runSoak({ seconds });
console.log(JSON.stringify(result, null, 2));
const failed = result.unexpected > 0 || result.rssGrowthPercent >= 10;
console.log(failed ? 'soak: FAILED' : 'soak: held');
process.exit(failed ? 1 : 0);
