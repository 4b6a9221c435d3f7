/**
 * What every operation-level rule family receives: the operation on both sides, the schema
 * comparer, and `emit`, which stamps each change with the operation it belongs to.
 * @module
 */
import type { Level } from '../change.ts';
import type { DeprecationPolicy } from '../deprecation.ts';
import type { ContractDocument, Located } from '../document/contract-document.ts';
import type { OperationView } from '../document/operations.ts';
import type { PathedFinding, SchemaComparer } from '../schema/compare-schemas.ts';
import type { Direction } from '../schema/schema-rule.ts';

export interface FamilyContext {
  readonly base: OperationView;
  readonly head: OperationView;
  readonly baseDoc: ContractDocument;
  readonly headDoc: ContractDocument;
  readonly comparer: SchemaComparer;
  readonly now: Date;
  /** Notice, in days, the policy asks for when this operation deprecates something. */
  readonly noticeDays: number;
  readonly policy?: DeprecationPolicy;
  /** Webhooks are requests the API sends: the consumer receives their bodies. */
  readonly webhook: boolean;
  emit(id: string, level: Level, message: string, pointer: string, addition?: boolean): void;
  /** Compares two schemas and emits every finding as `<scope>-<what>`. */
  schema(scope: string, direction: Direction, where: string, base: Located, head: Located): void;
}

export type OperationFamily = (ctx: FamilyContext) => void;

/**
 * Turns a schema finding into a change message: `where path: what`.
 * @example describe('request body (application/json)', finding) // 'request body (application/json) `lines[].quantity`: maximum <= 99 became <= 50'
 */
export function describe(where: string, finding: PathedFinding): string {
  return `${where}${finding.path ? ` \`${finding.path}\`` : ''}: ${finding.message}`;
}
