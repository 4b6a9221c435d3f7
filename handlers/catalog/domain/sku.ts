/**
 * SKU uniqueness: a SKU identifies one product across the whole catalog.
 * @module
 */
import type { Product } from './product.ts';

/**
 * Whether a SKU is unavailable to `productId` because another product already holds it.
 * A product keeping its own SKU is not a conflict.
 * @example isSkuTaken(await products.findBySku('TR2-BLK-42'), productId)
 * @param holder the product that currently has the SKU, if any
 * @param productId the product that wants it; omit for a new product
 */
export function isSkuTaken(holder: Pick<Product, 'id'> | undefined, productId?: string): boolean {
  return holder !== undefined && holder.id !== productId;
}
