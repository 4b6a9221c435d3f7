import type { Handlers } from '../../generated/orders/handlers.gen.ts';
import type { OrdersDeps } from './deps.ts';
import { listCustomerOrders } from './domain/customer-orders.ts';
import { invalidCursor, noCustomer } from './problems.ts';

/**
 * GET /orders: a page of the customer's orders, most recently placed first.
 * @example await listMyOrders({ query: { status: ['placed', 'paid'], limit: 10 }, auth, context })
 */
export const listMyOrders: Handlers<OrdersDeps>['listMyOrders'] = async ({ query, auth, context }) => {
  if (!auth.subject) return noCustomer(context.requestId);
  const result = await listCustomerOrders(context.deps.orders, auth.subject, {
    filter: { statuses: query.status, placedAfter: query.placedAfter },
    cursor: query.cursor,
    limit: query.limit,
  });
  if (!result.ok) return invalidCursor(context.requestId);
  return { status: 200, body: { items: result.items, nextCursor: result.nextCursor } };
};
