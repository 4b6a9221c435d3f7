/**
 * The order and its parts, as the contract defines them, and how a new order starts out.
 * @module
 */
import type { components } from '../../../generated/orders/types.gen.ts';

type Schemas = components['schemas'];

/** An order, exactly as the contract returns it. */
export type Order = Schemas['Order'];
/** A line with the product name and price frozen when the order was placed. */
export type OrderLine = Schemas['OrderLine'];
/** `placed` → `paid` → `shipped` → `delivered`, or `cancelled`. */
export type OrderStatus = Schemas['OrderStatus'];
/** Money in the minor unit of its currency. */
export type Money = Schemas['Money'];
/** A postal address to ship to. */
export type Address = Schemas['Address'];
/** The body of a place-order request. */
export type NewOrder = Schemas['NewOrder'];
/** A product and quantity the customer asks for. */
export type NewOrderLine = Schemas['NewOrderLine'];
/** How the customer pays, with its secrets (card token, voucher code). */
export type PaymentMethod = Schemas['PaymentMethod'];
/** How an order is paid, without secrets. */
export type PaymentSummary = Schemas['PaymentSummary'];

/** Everything a new order is made of once its lines are priced. */
export interface OrderDraft {
  readonly id: string;
  readonly customerId: string;
  readonly lines: OrderLine[];
  readonly total: Money;
  readonly shippingAddress: Address;
  readonly payment: PaymentSummary;
  readonly placedAt: Date;
}

/**
 * A freshly placed order: status `placed`, not cancelled.
 * @example openOrder({ id, customerId: auth.subject, lines, total, shippingAddress, payment, placedAt: now })
 */
export function openOrder(draft: OrderDraft): Order {
  return {
    id: draft.id,
    customerId: draft.customerId,
    status: 'placed',
    lines: draft.lines,
    total: draft.total,
    shippingAddress: { ...draft.shippingAddress },
    payment: draft.payment,
    placedAt: draft.placedAt.toISOString(),
    cancelledAt: null,
    cancelReason: null,
  };
}
