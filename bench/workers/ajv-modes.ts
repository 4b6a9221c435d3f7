/**
 * Whether validating "fast first" (ajv allErrors: false, re-run with allErrors only on failure)
 * would pay: times both modes on the bench body, valid and invalid, in CPU µs per call.
 */
import { createRequire } from 'node:module';
import { writeResult } from '../lib/child.ts';
import { INVALID_ORDER, VALID_ORDER } from '../lib/events.ts';
import { newOrderSchema } from '../peers/json-schemas.ts';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020.js').default;
const addFormats = require('ajv-formats').default;

type Validate = (data: unknown) => boolean;
const compile = (allErrors: boolean): Validate => {
  const ajv = new Ajv2020({ strict: false, allErrors, code: { optimize: true } });
  addFormats(ajv);
  return ajv.compile(newOrderSchema);
};
const all = compile(true);
const fast = compile(false);
const fastThenAll: Validate = (data) => fast(data) || all(data);

function time(validate: Validate, data: unknown): number {
  const run = (budgetUs: number) => {
    let used = 0;
    let count = 0;
    while (used < budgetUs) {
      const start = process.cpuUsage();
      for (let i = 0; i < 2000; i++) validate(data);
      const d = process.cpuUsage(start);
      used += d.user + d.system;
      count += 2000;
    }
    return used / count;
  };
  run(100_000);
  return run(300_000);
}

writeResult({
  allErrors: { valid: time(all, VALID_ORDER), invalid: time(all, INVALID_ORDER) },
  fastFirst: { valid: time(fastThenAll, VALID_ORDER), invalid: time(fastThenAll, INVALID_ORDER) },
});
