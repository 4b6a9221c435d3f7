/**
 * `charter drift`: exports a deployed stage (GetExport, oas30 with extensions) and compares it
 * with the contract using `charter diff`'s engine. The contract is the base and the stage the
 * head, so a "breaking" change is one that breaks a client written against the contract when
 * it calls the deployed API.
 * @module
 */
import { relative } from 'node:path';
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { buildModel } from '../../codegen/model/build-model.ts';
import { formatProblem } from '../../codegen/model/problems.ts';
import { bundleContract } from '../../codegen/parse/bundle-contract.ts';
import type { ContextSource } from '../../codegen/parse/find-contexts.ts';
import type { CharterConfig } from '../../config/charter-config.ts';
import { contextDeployConfig } from '../../config/deploy-config.ts';
import { type ContextReport, ContractDocument, diffContracts, versionBump } from '../../review/index.ts';
import { getStageExport, type Stage } from '../stage-calls.ts';
import { contractGatewayView, deployedGatewayView } from './gateway-view.ts';

export type DriftRun =
  | {
      readonly ok: true;
      readonly report: ContextReport;
      /** What was compared, for the summary line. */
      readonly contract: { readonly file: string; readonly version: string };
      readonly deployed: { readonly title: string; readonly version: string };
    }
  | { readonly ok: false; readonly exitCode: number; readonly message: string };

/**
 * @example const run = await stageDrift('/repo', client, context, { restApiId: 'a1b2c3', stage: 'prod' }, loadConfig('/repo'));
 */
export async function stageDrift(
  root: string,
  client: APIGatewayClient,
  context: ContextSource,
  stage: Stage,
  config: CharterConfig,
): Promise<DriftRun> {
  const shown = relative(root, context.contractFile);
  const bundled = await bundleContract(context.contractFile, root);
  const built = bundled.problems.some((p) => p.severity === 'error')
    ? undefined
    : buildModel(context.name, bundled, shown);
  const problems = [...bundled.problems, ...(built?.problems.items ?? [])].filter(
    (p) => p.severity === 'error',
  );
  if (!built || problems.length > 0) {
    return {
      ok: false,
      exitCode: 2,
      message: `${context.name}: the contract cannot be read, so there is nothing to compare with:\n${problems.map(formatProblem).join('\n')}`,
    };
  }
  const exported = await getStageExport(client, stage);
  if (!exported.ok) return { ok: false, ...exported.failure };
  const openapi = String(exported.value.openapi ?? '');
  if (!openapi.startsWith('3.0')) {
    return {
      ok: false,
      exitCode: 2,
      message: `GetExport: REST API ${stage.restApiId}, stage ${stage.stage} came back as openapi "${openapi}", not OpenAPI 3.0; charter drift asks for oas30.`,
    };
  }

  const { model } = built;
  const base = new ContractDocument(contractGatewayView(model, authorizerSchemes(model, config)), shown);
  const head = new ContractDocument(deployedGatewayView(exported.value), `${stage.restApiId}/${stage.stage}`);
  const changes = diffContracts(base, head);
  const report: ContextReport = {
    context: context.name,
    changes,
    versionBump: versionBump(base.version, head.version, changes),
    // Unlike `charter diff`, no version bump excuses it: the stage is not what was agreed.
    fails: changes.some((c) => c.level === 'breaking'),
  };
  const info = (exported.value.info ?? {}) as Record<string, unknown>;
  return {
    ok: true,
    report,
    contract: { file: shown, version: model.version },
    deployed: { title: String(info.title ?? ''), version: String(info.version ?? '') },
  };
}

/** API-key schemes bound to an authorizer are checked by it, not by API Gateway's API keys. */
function authorizerSchemes(
  model: ReturnType<typeof buildModel>['model'],
  config: CharterConfig,
): Set<string> {
  const deploy = contextDeployConfig(config.deploy, config.contexts[model.context]);
  const named = ((model.bundled.components as Record<string, unknown> | undefined)?.securitySchemes ??
    {}) as Record<string, Record<string, unknown> | undefined>;
  return new Set(
    model.securitySchemes
      .map((s) => s.name)
      .filter(
        (name) =>
          deploy.auth[name] !== undefined || typeof named[name]?.['x-charter-authorizer'] === 'string',
      ),
  );
}
