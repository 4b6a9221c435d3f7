/**
 * Builds what the cold-start suite starts: Stripe function bundles (one operation; the whole
 * context as a Lambda-lith) and an example context's single-operation bundle, all through
 * `bundleContext` (the code behind `charter bundle`), plus the bundled contracts as JSON for
 * openapi-backend. Usage: prepare-cold-start.ts <stripe-root> <out-dir>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleContext } from '../../platform/bundle/build-functions.ts';
import { loadContract } from '../../platform/gateway/served-contexts.ts';
import { REPO, writeResult } from '../lib/child.ts';
import { STRIPE_OPERATION } from '../lib/stripe-project.ts';

const [stripeRoot, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

const stripe = await loadContract(stripeRoot, {
  name: 'stripe',
  contractFile: join(stripeRoot, 'contracts/stripe/openapi.yaml'),
});
const single = stripe.model.operations.filter((op) => op.operationId === STRIPE_OPERATION.operationId);
const t0 = performance.now();
const stripeSingle = await bundleContext({
  root: stripeRoot,
  model: { ...stripe.model, operations: single },
  strategy: 'per-operation',
  outDir: join(out, 'stripe-single'),
});
const t1 = performance.now();
const stripeLith = await bundleContext({
  root: stripeRoot,
  model: stripe.model,
  strategy: 'per-context',
  outDir: join(out, 'stripe-lith'),
});
const t2 = performance.now();
writeFileSync(join(out, 'stripe.json'), JSON.stringify(stripe.model.bundled));

const catalog = await loadContract(REPO, {
  name: 'catalog',
  contractFile: join(REPO, 'contracts/catalog/openapi.yaml'),
});
const catalogSingle = await bundleContext({
  root: REPO,
  model: {
    ...catalog.model,
    operations: catalog.model.operations.filter((op) => op.operationId === 'getProduct'),
  },
  strategy: 'per-operation',
  outDir: join(out, 'catalog-single'),
});
writeFileSync(join(out, 'catalog.json'), JSON.stringify(catalog.model.bundled));

const entry = (dir: string, bundle: typeof stripeSingle) => ({
  file: join(out, dir, bundle.context, bundle.functions[0].entry),
  bytes: bundle.functions[0].bytes,
  operations: bundle.functions[0].operations.length,
});
writeResult({
  stripeSingle: { ...entry('stripe-single', stripeSingle), buildMs: t1 - t0 },
  stripeLith: { ...entry('stripe-lith', stripeLith), buildMs: t2 - t1 },
  catalogSingle: entry('catalog-single', catalogSingle),
});
