/**
 * Cost-allocation tags: `charter:context` on everything a context deploys, `charter:function`
 * and `charter:operation` on each function's resources, so Cost Explorer can group spend by
 * context, function and operation.
 * @module
 */

/** On every resource of a context. */
export const TAG_CONTEXT = 'charter:context';
/** On every resource of one function. */
export const TAG_FUNCTION = 'charter:function';
/** The operations a function serves. */
export const TAG_OPERATION = 'charter:operation';

/** AWS tag values: at most 256 of letters, digits, spaces and `_ . : / = + - @`. */
const TAG_VALUE_LIMIT = 256;

/**
 * The operations a function serves as one tag value (space-separated), or their count when
 * they do not fit.
 * @example operationTagValue(['getOrder', 'listMyOrders']) // 'getOrder listMyOrders'
 */
export function operationTagValue(operations: readonly string[]): string {
  const cleaned = operations.map((op) => op.replace(/[^\p{L}\p{N}_.:/=+\-@]/gu, '_'));
  const joined = cleaned.join(' ');
  return joined.length <= TAG_VALUE_LIMIT ? joined : `${operations.length} operations`;
}
