/**
 * The orders context's handlers, one per operation of contracts/orders/openapi.yaml.
 * @example
 * import { createDeps, handlers } from './handlers/orders/index.ts';
 * const app = createApp({ routes: contextRoutes, handlers, deps: await createDeps(), authenticator });
 * @module
 */
import type { Handlers } from '../../generated/orders/handlers.gen.ts';
import { cancelOrder } from './cancel-order.ts';
import type { OrdersDeps } from './deps.ts';
import { getOrder } from './get-order.ts';
import { listMyOrders } from './list-my-orders.ts';
import { placeOrder } from './place-order.ts';

/** Every orders operation; leaving one out is a compile error. */
export const handlers = {
  cancelOrder,
  getOrder,
  listMyOrders,
  placeOrder,
} satisfies Handlers<OrdersDeps>;

export { createDeps, createInMemoryDeps, type OrdersDeps } from './deps.ts';
