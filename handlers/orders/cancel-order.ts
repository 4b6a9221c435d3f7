import type { Handlers } from '../../generated/orders/handlers.gen.ts';
import type { OrdersDeps } from './deps.ts';
import { cancelCustomerOrder } from './domain/customer-orders.ts';
import { noCustomer, notCancellable, orderNotFound } from './problems.ts';

/**
 * POST /orders/{orderId}/cancel: cancels a placed or paid order; the body (a reason) is optional.
 * @example await cancelOrder({ path: { orderId }, body: { reason: 'Ordered the wrong size.' }, auth, context })
 */
export const cancelOrder: Handlers<OrdersDeps>['cancelOrder'] = async ({ path, body, auth, context }) => {
  if (!auth.subject) return noCustomer(context.requestId);
  const outcome = await cancelCustomerOrder(context.deps, {
    customerId: auth.subject,
    orderId: path.orderId,
    reason: body?.reason,
  });
  switch (outcome.kind) {
    case 'not-found':
      return orderNotFound(path.orderId, context.requestId);
    case 'not-cancellable':
      return notCancellable(path.orderId, outcome.status, context.requestId);
    case 'cancelled':
      // Stock release and refunds need the catalog and payment ports, which orders does not have yet.
      context.logger.info('order cancelled', { orderId: outcome.order.id });
      return { status: 200, body: outcome.order };
  }
};
