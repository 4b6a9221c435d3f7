import type { Handlers } from '../../generated/orders/handlers.gen.ts';
import type { OrdersDeps } from './deps.ts';
import { placeCustomerOrder } from './domain/place-order.ts';
import { duplicateLinesProblem, noCustomer, orderRejected } from './problems.ts';

/**
 * POST /orders: places an order for the authenticated customer. A retried request with the same
 * `Idempotency-Key` answers with the first order and `Idempotent-Replayed: true`.
 * @example await placeOrder({ body: newOrder, headers: { 'Idempotency-Key': key }, auth, context })
 */
export const placeOrder: Handlers<OrdersDeps>['placeOrder'] = async ({ body, headers, auth, context }) => {
  if (!auth.subject) return noCustomer(context.requestId);
  const outcome = await placeCustomerOrder(context.deps, {
    customerId: auth.subject,
    order: body,
    idempotencyKey: headers['Idempotency-Key'],
  });
  switch (outcome.kind) {
    case 'duplicate-lines':
      return duplicateLinesProblem(outcome.duplicates, context.requestId);
    case 'rejected':
      return orderRejected(outcome.rejection, context.requestId);
    case 'placed': {
      const { order, replayed } = outcome;
      if (!replayed) context.logger.info('order placed', { orderId: order.id, total: order.total });
      const location = { Location: `/orders/${order.id}` };
      return {
        status: 201,
        body: order,
        headers: replayed ? { ...location, 'Idempotent-Replayed': 'true' } : location,
      };
    }
  }
};
