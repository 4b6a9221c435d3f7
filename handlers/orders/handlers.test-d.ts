/**
 * Compile-time guarantees of the generated handler types: a response the contract does not
 * declare, a body of the wrong shape or a missing operation must not type-check. Every
 * `@ts-expect-error` below fails the build if the line it guards ever compiles.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  CancelOrderRequest,
  GetOrderHandler,
  Handlers,
  PlaceOrderHandler,
  PlaceOrderResponse,
} from '../../generated/orders/handlers.gen.ts';
import { cancelOrder } from './cancel-order.ts';
import type { OrdersDeps } from './deps.ts';
import type { Order } from './domain/order.ts';
import { getOrder } from './get-order.ts';
import { handlers } from './index.ts';
import { listMyOrders } from './list-my-orders.ts';
import { placeOrder } from './place-order.ts';

declare const order: Order;
const problem = { type: 'urn:charter:problem:gone', title: 'Gone', status: 404 };

describe('orders handlers', () => {
  it('implement every operation with the context’s deps', () => {
    expectTypeOf(handlers).toExtend<Handlers<OrdersDeps>>();
    expectTypeOf(placeOrder)
      .parameter(0)
      .toHaveProperty('context')
      .toHaveProperty('deps')
      .toEqualTypeOf<OrdersDeps>();
  });

  it('receive the contract’s request shapes', () => {
    expectTypeOf(getOrder).parameter(0).toHaveProperty('path').toEqualTypeOf<{ orderId: string }>();
    expectTypeOf<CancelOrderRequest['body']>().toEqualTypeOf<{ reason?: string } | undefined>();
  });

  it('may only answer the statuses the contract declares', () => {
    expectTypeOf<PlaceOrderResponse['status']>().toEqualTypeOf<201 | 400 | 401 | 403 | 409 | 500>();
  });
});

describe('a handler', () => {
  it('fails to compile when it returns an undeclared status', () => {
    // @ts-expect-error 418 is not a response getOrder declares
    const teapot: GetOrderHandler<OrdersDeps> = async () => ({ status: 418, body: problem });
    expectTypeOf(teapot).toBeFunction();
  });

  it('fails to compile when a declared status carries the wrong body', () => {
    // @ts-expect-error a 404 carries a Problem, not a bare message
    const bareMessage: GetOrderHandler<OrdersDeps> = async () => ({ status: 404, body: { message: 'gone' } });
    // @ts-expect-error a 200 carries a whole Order
    const partialOrder: GetOrderHandler<OrdersDeps> = async () => ({ status: 200, body: { id: 'x' } });
    // @ts-expect-error a 200 does not carry a Problem
    const swapped: GetOrderHandler<OrdersDeps> = async () => ({ status: 200, body: problem });
    expectTypeOf([bareMessage, partialOrder, swapped]).items.toBeFunction();
  });

  it('fails to compile when a required response header is missing', () => {
    // @ts-expect-error a 201 must send the Location header the contract requires
    const noLocation: PlaceOrderHandler<OrdersDeps> = async () => ({ status: 201, body: order });
    const withLocation: PlaceOrderHandler<OrdersDeps> = async () => ({
      status: 201,
      body: order,
      headers: { Location: `/orders/${order.id}` },
    });
    expectTypeOf([noLocation, withLocation]).items.toBeFunction();
  });
});

describe('a Handlers map', () => {
  it('fails to compile when an operation is missing', () => {
    // @ts-expect-error placeOrder is missing
    const annotated: Handlers<OrdersDeps> = { cancelOrder, getOrder, listMyOrders };
    // @ts-expect-error placeOrder is missing
    const satisfied = { cancelOrder, getOrder, listMyOrders } satisfies Handlers<OrdersDeps>;
    expectTypeOf([annotated, satisfied]).items.toBeObject();
  });

  it('fails to compile when a handler expects other deps', () => {
    const forOtherDeps: GetOrderHandler<{ db: string }> = async () => ({ status: 404, body: problem });
    // @ts-expect-error getOrder is written against another context's deps
    const mixed: Handlers<OrdersDeps> = { ...handlers, getOrder: forOtherDeps };
    expectTypeOf(mixed).toBeObject();
  });
});
