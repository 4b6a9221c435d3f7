/**
 * Issue 6: deploying. How long `ContractStack` takes to synthesize each context (cdk-nag on, as
 * `npm run synth` runs it), and how large each function's minified bundle is: one function per
 * operation against one Lambda-lith per context, both built by `charter bundle`'s own API.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildCharterApp } from '../../infra/app/charter-app.ts';
import { SchemeAuthorizer } from '../../infra/lib/auth/scheme-authorizer.ts';
import { type LoadedContext, loadContexts } from '../../infra/lib/config/load-contexts.ts';
import { ContractStack } from '../../infra/lib/contract-stack.ts';
import { FunctionCode } from '../../infra/lib/functions/function-code.ts';
import { bundleContext, type ContextBundle } from '../../platform/bundle/build-functions.ts';
import { type CharterConfig, loadConfig } from '../../platform/config/charter-config.ts';
import { loadContract } from '../../platform/gateway/served-contexts.ts';
import { kib, median, ms, table } from '../lib/stats.ts';

const root = resolve(import.meta.dirname, '../..');
const STRIPE = resolve(root, '../shared/corpus/specs/stripe-spec3.yaml');
const ROUNDS = 5;

export default async function run(): Promise<{ title: string; markdown: string }> {
  // CloudFormation spec validation (3-4 s a stack) is measured once, on its own row.
  process.env.CDK_VALIDATION = 'false';
  const scratch = mkdtempSync(join(tmpdir(), 'charter-bench-infra-'));
  try {
    const contexts = await loadContexts(root);
    const perOperation = await bundleAll(contexts, 'per-operation', join(scratch, 'per-operation'));
    const perContext = await bundleAll(contexts, 'per-context', join(scratch, 'per-context'));
    const synthRows = contexts.map((context) => synthRow(context, join(scratch, 'per-operation'), scratch));
    const orders = contexts.find((c) => c.model.context === 'orders') as LoadedContext;
    process.env.CDK_VALIDATION = 'true';
    const validated = synthOnce(orders, join(scratch, 'per-operation'), scratch);
    process.env.CDK_VALIDATION = 'false';
    const stripe = existsSync(STRIPE) ? await synthStripe(scratch) : undefined;
    return {
      title: 'Deploy: synthesis and function bundles (infra/)',
      markdown: [
        `Synthesis of one context's stack (\`ContractStack\`, one function per operation, cdk-nag AwsSolutions on, CloudFormation spec validation off), median of ${ROUNDS} rounds in this process after one warm-up:`,
        '',
        table([
          ['context', 'operations', 'functions', 'resources', 'synth'],
          ...synthRows.map((r) => [
            r.context,
            String(r.operations),
            String(r.functions),
            String(r.resources),
            ms(r.ms),
          ]),
          ['orders, with aws-cdk-lib CloudFormation spec validation', '4', '4', '', ms(validated)],
          ...(stripe
            ? [
                [
                  `Stripe corpus (mock handlers, ${stripe.nested} nested stacks), 1 round`,
                  '468',
                  '468',
                  String(stripe.resources),
                  ms(stripe.ms),
                ],
              ]
            : [['Stripe corpus: skipped (../shared/corpus is absent)', '', '', '', '']]),
        ]),
        '',
        'Function bundles (`charter bundle`: esbuild, minified, ESM, runtime + validators + handlers, no dependency outside the file). gzip approximates the zip Lambda stores.',
        '',
        table([
          ['context', 'function', 'operations', 'minified', 'gzip'],
          ...bundleRows(perOperation, 'per operation'),
          ...bundleRows(perContext, 'Lambda-lith'),
        ]),
        '',
        table([
          ['context', 'largest single-operation function', 'Lambda-lith', 'lith / largest single'],
          ...contexts.map(({ model }) => {
            const single = Math.max(
              ...(perOperation.get(model.context)?.functions ?? []).map((f) => f.bytes),
            );
            const lith = perContext.get(model.context)?.functions[0]?.bytes ?? Number.NaN;
            return [model.context, kib(single), kib(lith), `${(lith / single).toFixed(2)}x`];
          }),
        ]),
      ].join('\n'),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function bundleAll(
  contexts: readonly LoadedContext[],
  strategy: 'per-operation' | 'per-context',
  outDir: string,
): Promise<Map<string, ContextBundle & { dir: string }>> {
  const out = new Map<string, ContextBundle & { dir: string }>();
  for (const { model } of contexts) {
    out.set(model.context, {
      ...(await bundleContext({ root, model, strategy, outDir })),
      dir: join(outDir, model.context),
    });
  }
  return out;
}

function bundleRows(bundles: Map<string, ContextBundle & { dir: string }>, label: string): string[][] {
  return [...bundles.values()].flatMap((bundle) =>
    bundle.functions.map((fn) => {
      const gz = gzipSync(readFileSync(join(bundle.dir, fn.entry))).byteLength;
      return [bundle.context, `${fn.name} (${label})`, String(fn.operations.length), kib(fn.bytes), kib(gz)];
    }),
  );
}

/**
 * The project's settings with every context on Lambda: these figures are about functions, and a
 * Fargate context (recommendations) needs a container recipe and a VPC instead.
 */
function lambdaConfig(): CharterConfig {
  const config = loadConfig(root);
  const contexts = Object.fromEntries(
    Object.entries(config.contexts).map(([name, { database: _database, ...context }]) => [
      name,
      { ...context, runtime: 'lambda' as const },
    ]),
  );
  return { ...config, contexts };
}

function synthOnce(context: LoadedContext, bundles: string, scratch: string): number {
  const started = performance.now();
  const { stacks } = buildCharterApp({
    config: lambdaConfig(),
    contexts: [context],
    code: FunctionCode.fromBundleDir(bundles),
    appProps: { outdir: mkdtempSync(join(scratch, 'out-')) },
  });
  Template.fromStack(stacks.get(context.model.context) as ContractStack);
  return performance.now() - started;
}

function synthRow(context: LoadedContext, bundles: string, scratch: string) {
  synthOnce(context, bundles, scratch);
  const times = Array.from({ length: ROUNDS }, () => synthOnce(context, bundles, scratch));
  const { stacks } = buildCharterApp({
    config: lambdaConfig(),
    contexts: [context],
    code: FunctionCode.fromBundleDir(bundles),
    appProps: { outdir: mkdtempSync(join(scratch, 'out-')) },
  });
  const stack = stacks.get(context.model.context) as ContractStack;
  return {
    context: context.model.context,
    operations: context.model.operations.length,
    functions: stack.contractApi.functions.size,
    resources: Object.keys(Template.fromStack(stack).toJSON().Resources).length,
    ms: median(times),
  };
}

async function synthStripe(scratch: string) {
  const { model } = await loadContract(root, { name: 'stripe', contractFile: STRIPE });
  const mock = join(scratch, 'stripe-mock');
  mkdirSync(mock, { recursive: true });
  writeFileSync(
    join(mock, 'index.mjs'),
    'export const handler = async () => ({ statusCode: 501, body: "" });\n',
  );
  const started = performance.now();
  const app = new App({ outdir: mkdtempSync(join(scratch, 'out-')) });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new ContractStack(app, 'charter-stripe', {
    api: (s) => {
      const keys = SchemeAuthorizer.lambda(
        lambda.Function.fromFunctionArn(
          s,
          'Keys',
          'arn:aws:lambda:eu-west-1:111122223333:function:stripe-keys',
        ),
      );
      return {
        contract: model,
        code: FunctionCode.shared(mock),
        authorizers: { basicAuth: keys, bearerAuth: keys },
      };
    },
  });
  const assembly = app.synth();
  const elapsed = performance.now() - started;
  const templates = assembly.stacks.flatMap((s) => [s.template]);
  const nested = stack.node.findAll().filter((c) => c !== stack && 'nestedStackResource' in c).length;
  const resources =
    templates.reduce((sum, t) => sum + Object.keys(t.Resources ?? {}).length, 0) +
    stack.node
      .findAll()
      .filter((c) => c !== stack && 'nestedStackResource' in c)
      .reduce(
        (sum, n) => sum + Object.keys(Template.fromStack(n as ContractStack).toJSON().Resources).length,
        0,
      );
  return { ms: elapsed, nested, resources };
}
