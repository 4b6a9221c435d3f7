/**
 * Reading synthesized templates in the infra tests: the REST API's definition, the functions
 * charter deployed, and the logical id of a construct.
 */
import { type CfnElement, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';

type Json = Record<string, unknown>;

export interface Resource {
  readonly Type: string;
  readonly Properties: Json;
}

export function resources(template: Template, type?: string): [string, Resource][] {
  return Object.entries(template.toJSON().Resources as Record<string, Resource>).filter(
    ([, r]) => type === undefined || r.Type === type,
  );
}

/** The imported OpenAPI definition (`Body`) of the stack's REST API. */
export function definitionOf(template: Template): Json & { paths: Record<string, Record<string, Json>> } {
  const [[, api]] = resources(template, 'AWS::ApiGateway::RestApi');
  return api.Properties.Body as Json & { paths: Record<string, Record<string, Json>> };
}

/** Functions that serve operations (not authorizers): they carry `charter:function`. */
export function contractFunctions(template: Template): [string, Resource][] {
  return resources(template, 'AWS::Lambda::Function').filter(
    ([, r]) => tagsOf(r)['charter:function'] !== undefined,
  );
}

export function tagsOf(resource: Resource): Record<string, string> {
  const tags = (resource.Properties.Tags ?? []) as { Key: string; Value: string }[];
  return Array.isArray(tags)
    ? Object.fromEntries(tags.map((t) => [t.Key, t.Value]))
    : (tags as Record<string, string>);
}

export function logicalId(construct: IConstruct): string {
  const element = (construct.node.defaultChild ?? construct) as CfnElement;
  return Stack.of(element).getLogicalId(element);
}
