import type { Handlers } from '../../generated/orders/handlers.gen.ts';
import type { OrdersDeps } from './deps.ts';
import { findCustomerOrder } from './domain/customer-orders.ts';
import { noCustomer, orderNotFound } from './problems.ts';

/**
 * GET /orders/{orderId}: one of the customer's own orders; anybody else's is a 404.
 * @example await getOrder({ path: { orderId }, auth, context })
 */
export const getOrder: Handlers<OrdersDeps>['getOrder'] = async ({ path, auth, context }) => {
  if (!auth.subject) return noCustomer(context.requestId);
  const order = await findCustomerOrder(context.deps.orders, auth.subject, path.orderId);
  if (!order) return orderNotFound(path.orderId, context.requestId);
  return { status: 200, body: order };
};
