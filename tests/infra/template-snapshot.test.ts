/**
 * The orders context's synthesized template, committed as a snapshot so every change to what
 * charter deploys shows up in review. Functions use stand-in bundles, so the snapshot changes
 * with infra/, the contract or charter.config.json, not with handler code.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildCharterApp } from '../../infra/app/charter-app.ts';
import type { ContractStack } from '../../infra/lib/contract-stack.ts';
import { FunctionCode } from '../../infra/lib/functions/function-code.ts';
import { exampleConfig, exampleContexts, outdir, standInBundles } from './support/fixtures.ts';

describe('orders template', () => {
  it('matches the committed snapshot', async () => {
    // GIVEN the orders context as the CDK app deploys it
    const orders = (await exampleContexts()).filter((c) => c.model.context === 'orders');
    const bundles = standInBundles(
      outdir('bundles'),
      orders.map((c) => c.model),
      'per-operation',
    );
    const { stacks } = buildCharterApp({
      config: exampleConfig(),
      contexts: orders,
      code: FunctionCode.fromBundleDir(bundles),
      appProps: { outdir: outdir('snapshot') },
    });
    // WHEN it is synthesized THEN the template is the committed one
    const template = Template.fromStack(stacks.get('orders') as ContractStack).toJSON();
    await expect(`${JSON.stringify(template, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/charter-orders.template.json',
    );
  }, 60_000);
});
