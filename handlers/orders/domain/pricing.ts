/**
 * Pricing an order: catalog prices are frozen onto each line, stock is checked and the lines
 * are totalled in one currency.
 * @module
 */
import type { CatalogEntry } from '../product-catalog.ts';
import { sum, times } from './money.ts';
import type { Money, NewOrderLine, OrderLine } from './order.ts';

/** Why lines cannot be priced. */
export type PricingRejection =
  | { readonly reason: 'unknown-product'; readonly productId: string }
  | {
      readonly reason: 'out-of-stock';
      readonly productId: string;
      readonly requested: number;
      readonly available: number;
    }
  | {
      readonly reason: 'currency-mismatch';
      readonly productId: string;
      readonly currency: string;
      readonly expected: string;
    };

/** The priced lines and their total, or the first reason they cannot be sold. */
export type PricingResult =
  | { readonly ok: true; readonly lines: OrderLine[]; readonly total: Money }
  | { readonly ok: false; readonly rejection: PricingRejection };

/**
 * Prices each line from the catalog. The first line that cannot be sold decides the rejection,
 * so the customer hears about the problems in the order they wrote the lines.
 * @example priceLines(body.lines, await catalog.priceOf(body.lines.map((l) => l.productId)))
 */
export function priceLines(
  lines: readonly NewOrderLine[],
  catalog: ReadonlyMap<string, CatalogEntry>,
): PricingResult {
  const priced: OrderLine[] = [];
  for (const line of lines) {
    const entry = catalog.get(line.productId);
    if (!entry) return { ok: false, rejection: { reason: 'unknown-product', productId: line.productId } };
    if (entry.stock < line.quantity) {
      return {
        ok: false,
        rejection: {
          reason: 'out-of-stock',
          productId: line.productId,
          requested: line.quantity,
          available: entry.stock,
        },
      };
    }
    const expected = priced[0]?.unitPrice.currency;
    // One order is paid in one currency; a total across currencies would be meaningless.
    if (expected !== undefined && entry.price.currency !== expected) {
      return {
        ok: false,
        rejection: {
          reason: 'currency-mismatch',
          productId: line.productId,
          currency: entry.price.currency,
          expected,
        },
      };
    }
    priced.push({
      productId: line.productId,
      name: entry.name,
      quantity: line.quantity,
      unitPrice: { ...entry.price },
      lineTotal: times(entry.price, line.quantity),
    });
  }
  const total = sum(priced.map((line) => line.lineTotal));
  // The contract requires at least one line, and currencies were checked above.
  if (!total) throw new Error('priceLines needs at least one line');
  return { ok: true, lines: priced, total };
}
