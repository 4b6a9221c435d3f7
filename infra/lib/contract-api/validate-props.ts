/**
 * Early validation of `ContractApi` props: every problem found before anything is created,
 * reported at once, each saying what was wrong, the value received and what to do.
 * @module
 */
import {
  FunctionPlanError,
  type PlannedFunction,
  planFunctions,
} from '../../../platform/bundle/plan-functions.ts';
import { dryBindings } from '../auth/bind-authorizers.ts';
import { routeProblems } from '../definition/gateway-definition.ts';
import { gatewaySecurity } from '../definition/security.ts';
import { sizingProblems } from '../functions/function-sizing.ts';
import { placementProblems, resourcesPerFunction } from '../functions/placement.ts';
import type { ContractApiProps } from './contract-api-props.ts';

/**
 * Thrown with every problem of a ContractApi's props.
 * @example try { new ContractApi(stack, 'Api', props) } catch (e) { if (e instanceof ContractApiError) console.error(e.problems) }
 */
export class ContractApiError extends Error {
  constructor(
    readonly context: string,
    readonly problems: readonly string[],
  ) {
    super(`charter cannot deploy context "${context}":\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContractApiError';
  }
}

const ACCOUNT_ID = /^[0-9]{12}$/;

/**
 * @returns the function plan when the props are valid
 * @throws ContractApiError listing every problem
 * @example const plan = validateProps(props);
 */
export function validateProps(props: ContractApiProps): PlannedFunction[] {
  const { contract } = props;
  const strategy = props.strategy ?? 'per-operation';
  const problems: string[] = [];
  if (contract.operations.length === 0)
    problems.push(`${contract.sourceFile}: the contract has no operations, so there is nothing to deploy`);
  let plan: PlannedFunction[] = [];
  try {
    plan = planFunctions(contract, strategy);
  } catch (error) {
    if (!(error instanceof FunctionPlanError)) throw error;
    problems.push(...error.problems);
  }
  // A container context deploys no functions: its image is what must exist.
  problems.push(
    ...(props.container
      ? props.container.code.problems(contract.context)
      : props.code.problems(contract.context, plan, strategy)),
  );
  if (props.database && !props.container)
    problems.push(
      `/contexts/${contract.context}/database: a database is deployed only for a context with "runtime": "fargate" (Lambda functions are not placed in the VPC yet); set the runtime or remove the database`,
    );
  for (const op of contract.operations) problems.push(...routeProblems(contract, op));
  problems.push(...gatewaySecurity(contract, dryBindings(props.authorizers ?? {})).problems);
  problems.push(...sizingProblems(contract, plan, props.sizing));
  if (props.requireHandlers && (props.unimplemented ?? []).length > 0)
    problems.push(
      `${contract.context}: no handler for ${props.unimplemented?.join(', ')} (requireHandlers is on); write handlers/${contract.context}/<operation>.ts for each, or turn /deploy/requireHandlers off to deploy them answering 501`,
    );
  (props.invokerAccountIds ?? []).forEach((id, index) => {
    if (!ACCOUNT_ID.test(id))
      problems.push(
        `invokerAccountIds[${index}] (/contexts/${contract.context}/deploy/invokerAccountIds/${index}): "${id}" is not an AWS account id; write its 12 digits, e.g. "111122223333"`,
      );
  });
  if ((props.invokerAccountIds ?? []).length > 40)
    problems.push(
      'invokerAccountIds: more than 40 accounts would outgrow a function resource policy (20 KB)',
    );
  const stage = props.stage ?? {};
  if (stage.name !== undefined && !/^[A-Za-z0-9_-]{1,128}$/.test(stage.name))
    problems.push(`stage.name: "${stage.name}" is not a stage name; use letters, digits, - and _`);
  if (props.majorVersion !== undefined && (!Number.isInteger(props.majorVersion) || props.majorVersion < 1))
    problems.push(`majorVersion: ${props.majorVersion} must be a whole number from 1`);
  const basePath = props.domain?.basePath;
  if (basePath !== undefined && !/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(basePath))
    problems.push(
      `domain.basePath: "${basePath}" must be path segments without leading or trailing "/", e.g. "orders/v2"`,
    );
  const stacks = props.functionStacks;
  if (stacks !== undefined && (!Number.isInteger(stacks) || stacks < 0 || stacks > 200))
    problems.push(`functionStacks: ${stacks} must be a whole number from 0 (no nested stacks) to 200`);
  else
    problems.push(
      ...placementProblems(
        contract.context,
        plan.map((fn) => fn.name),
        stacks,
        resourcesPerFunction(props.invokerAccountIds?.length ?? 0),
      ),
    );
  for (const key of props.apiKeys ?? [])
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(key))
      problems.push(`apiKeys: "${key}" is not a key name; use letters, digits, - and _`);
  if (problems.length > 0) throw new ContractApiError(contract.context, problems);
  return plan;
}
