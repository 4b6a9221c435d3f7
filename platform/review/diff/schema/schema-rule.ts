/**
 * The contract between the schema walker and its rule families. A rule looks at one keyword
 * family of a base and a head schema and says what happened to the set of values the schema
 * accepts: `narrowed`, `widened` or `changed` (neither contains the other). The direction
 * decides what that means for a client — clients send requests, so a narrowed request schema
 * refuses what it used to accept; clients read responses, so a widened response schema sends
 * them what they were never promised.
 * @module
 */
import type { Level } from '../change.ts';
import type { ContractDocument, Json, Located } from '../document/contract-document.ts';
import type { ResolvedSchema } from './resolve-schema.ts';

export type Direction = 'request' | 'response';
export type Effect = 'narrowed' | 'widened' | 'changed';

/**
 * What a schema change means to a client, given who sends the value.
 * @example levelFor('request', 'narrowed') // 'breaking'
 */
export function levelFor(direction: Direction, effect: Effect): Level {
  if (effect === 'changed') return 'breaking';
  return (effect === 'narrowed') === (direction === 'request') ? 'breaking' : 'info';
}

export interface SchemaFinding {
  /** Rule id suffix; the caller prefixes the scope (`request-body-`, `response-header-`...). */
  readonly what: string;
  readonly level: Level;
  readonly message: string;
  readonly pointer: string;
  readonly addition: boolean;
  /**
   * Set on `deprecated` findings: the new sunset date (null: none), so the caller can apply a
   * notice policy that depends on the operation's stability.
   */
  readonly sunset?: Date | null;
}

export interface RuleContext {
  readonly direction: Direction;
  readonly base: ResolvedSchema;
  readonly head: ResolvedSchema;
  /** `base.node`/`head.node` as objects (`true` reads as `{}`, `false` as `{ not: {} }`). */
  readonly b: Json;
  readonly h: Json;
  readonly baseDoc: ContractDocument;
  readonly headDoc: ContractDocument;
  readonly now: Date;
  /** Reports a change judged by its effect on the accepted values. */
  effect(what: string, effect: Effect, message: string, keyword: string): void;
  /** Reports a change whose level does not follow from narrowing or widening. */
  report(
    what: string,
    level: Level,
    message: string,
    pointer: string,
    addition?: boolean,
    sunset?: Date | null,
  ): void;
  /** Compares two sub-schemas; `segment` names the step in messages (`.name`, `[]`). */
  child(segment: string, base: Located, head: Located): void;
  /** A keyword's value and location on one side, e.g. `ctx.at('head', 'properties', 'id')`. */
  at(side: 'base' | 'head', ...path: (string | number)[]): Located;
}

export type SchemaRule = (ctx: RuleContext) => void;
