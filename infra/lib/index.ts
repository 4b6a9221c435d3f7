/**
 * charter's CDK constructs: a bounded context's OpenAPI contract deployed as API Gateway + Lambda.
 *
 * - Constructs: `ContractStack`, `ContractApi`, `ApiDomain`, `StageFirewall`, `ContractFunction`
 * - Choices (static factories): `FunctionCode`, `SchemeAuthorizer`, `DeploymentPreference`, `Firewall`
 * - Pure helpers: `buildGatewayDefinition`, `toDraft4`
 * @module
 */
export { SchemeAuthorizer } from './auth/scheme-authorizer.ts';
export { ContainerCode } from './container/container-code.ts';
export { ContainerService, type ContainerServiceProps } from './container/container-service.ts';
export { ContractApi } from './contract-api/contract-api.ts';
export type {
  ContainerOptions,
  ContractApiDomain,
  ContractApiProps,
  SizingOptions,
  StageOptions,
} from './contract-api/contract-api-props.ts';
export { ContractApiError } from './contract-api/validate-props.ts';
export { ContractStack, type ContractStackProps } from './contract-stack.ts';
export { toDraft4 } from './definition/draft4.ts';
export { buildGatewayDefinition, type GatewayDefinition } from './definition/gateway-definition.ts';
export { ApiDomain } from './domain/api-domain.ts';
export { ContractFunction } from './functions/contract-function.ts';
export { DeploymentPreference } from './functions/deployment-preference.ts';
export { FunctionCode } from './functions/function-code.ts';
export { Firewall, StageFirewall } from './waf/firewall.ts';
