/**
 * Length and count limits: strings, arrays, objects and `contains` matches.
 * @module
 */
import type { SchemaRule } from '../schema-rule.ts';

const LIMITS = [
  ['minLength', 'maxLength', 'length'],
  ['minItems', 'maxItems', 'items'],
  ['minProperties', 'maxProperties', 'properties'],
  ['minContains', 'maxContains', 'contains'],
] as const;

const compareLimits: SchemaRule = (ctx) => {
  for (const [minKeyword, maxKeyword, noun] of LIMITS) {
    // `minContains` defaults to 1, every other minimum to 0; a missing maximum is unbounded.
    const floor = minKeyword === 'minContains' ? 1 : 0;
    const minBefore = typeof ctx.b[minKeyword] === 'number' ? (ctx.b[minKeyword] as number) : floor;
    const minAfter = typeof ctx.h[minKeyword] === 'number' ? (ctx.h[minKeyword] as number) : floor;
    if (minAfter !== minBefore) {
      const raised = minAfter > minBefore;
      ctx.effect(
        `min-${noun}-${raised ? 'increased' : 'decreased'}`,
        raised ? 'narrowed' : 'widened',
        `${minKeyword} ${minBefore} became ${minAfter}`,
        minKeyword,
      );
    }
    const maxBefore = typeof ctx.b[maxKeyword] === 'number' ? (ctx.b[maxKeyword] as number) : undefined;
    const maxAfter = typeof ctx.h[maxKeyword] === 'number' ? (ctx.h[maxKeyword] as number) : undefined;
    if (maxBefore === maxAfter) continue;
    const message = `${maxKeyword} ${maxBefore ?? 'none'} became ${maxAfter ?? 'none'}`;
    if (maxBefore === undefined) ctx.effect(`max-${noun}-added`, 'narrowed', message, maxKeyword);
    else if (maxAfter === undefined) ctx.effect(`max-${noun}-removed`, 'widened', message, maxKeyword);
    else if (maxAfter < maxBefore) ctx.effect(`max-${noun}-decreased`, 'narrowed', message, maxKeyword);
    else ctx.effect(`max-${noun}-increased`, 'widened', message, maxKeyword);
  }
};

/** @example sizeRules.forEach((rule) => rule(ctx)) */
export const sizeRules: readonly SchemaRule[] = [compareLimits];
