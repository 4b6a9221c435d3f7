/**
 * One CloudFormation stack per bounded context, holding its `ContractApi`.
 * @module
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { type PropsFromConfigOptions, propsFromConfig } from './config/props-from-config.ts';
import { ContractApi } from './contract-api/contract-api.ts';
import type { ContractApiProps } from './contract-api/contract-api-props.ts';

export interface ContractStackProps extends StackProps {
  /** The API's props, or a function that builds them inside the stack (to import resources there). */
  readonly api: ContractApiProps | ((stack: Stack) => ContractApiProps);
}

/**
 * @example new ContractStack(app, 'charter-orders', { api: { contract, code } })
 */
export class ContractStack extends Stack {
  /**
   * A context's stack with everything read from `charter.config.json`.
   * @example ContractStack.fromCharterConfig(app, 'charter-orders', { config, context, code })
   */
  static fromCharterConfig(
    scope: Construct,
    id: string,
    options: PropsFromConfigOptions & { readonly stackProps?: StackProps },
  ): ContractStack {
    return new ContractStack(scope, id, {
      ...options.stackProps,
      api: (stack) => propsFromConfig(stack, options),
    });
  }

  readonly contractApi: ContractApi;

  constructor(scope: Construct, id: string, props: ContractStackProps) {
    super(scope, id, props);
    const api = typeof props.api === 'function' ? props.api(this) : props.api;
    this.templateOptions.description ??= `charter: the ${api.contract.context} context (${api.contract.title} ${api.contract.version})`;
    this.contractApi = new ContractApi(this, 'Api', api);
  }
}
