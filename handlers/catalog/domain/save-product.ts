/**
 * Creating and changing products, with SKU uniqueness enforced.
 * @module
 */
import { DuplicateSkuError, type ProductRepository } from '../repository.ts';
import {
  buildProduct,
  type NewProductInput,
  type Product,
  type ProductPatch,
  patchProduct,
} from './product.ts';
import { isSkuTaken } from './sku.ts';

/** The ports these use cases need. */
export interface SaveProductPorts {
  readonly products: ProductRepository;
  readonly clock: () => Date;
  readonly newId: () => string;
}

/** Another product holds the SKU. */
export interface SkuTaken {
  readonly kind: 'sku-taken';
  readonly sku: string;
}

/** No product has the id. */
export interface ProductMissing {
  readonly kind: 'not-found';
  readonly id: string;
}

/** The saved product, or why it was not saved. */
export type SaveResult<E> =
  | { readonly ok: true; readonly product: Product }
  | { readonly ok: false; readonly error: E };

/**
 * Adds a product unless its SKU is taken.
 * @example const result = await addProduct(deps, { sku: 'TR2-BLK-42', name: 'Trail Runner 2', category: 'sports', price });
 */
export async function addProduct(
  ports: SaveProductPorts,
  input: NewProductInput,
): Promise<SaveResult<SkuTaken>> {
  if (isSkuTaken(await ports.products.findBySku(input.sku))) return skuTaken(input.sku);
  const product = buildProduct(input, { id: ports.newId(), now: ports.clock() });
  return write(() => ports.products.insert(product), product);
}

/**
 * Changes some fields of a product; a new SKU must not belong to another product.
 * @example const result = await changeProduct(deps, productId, { price: { amount: 10900, currency: 'EUR' } });
 */
export async function changeProduct(
  ports: SaveProductPorts,
  id: string,
  patch: ProductPatch,
): Promise<SaveResult<SkuTaken | ProductMissing>> {
  const current = await ports.products.get(id);
  if (!current) return { ok: false, error: { kind: 'not-found', id } };
  if (patch.sku !== undefined && isSkuTaken(await ports.products.findBySku(patch.sku), id)) {
    return skuTaken(patch.sku);
  }
  const product = patchProduct(current, patch, ports.clock());
  return write(() => ports.products.update(product), product);
}

/** The check above can race another writer; the store's own refusal is the final word. */
async function write(save: () => Promise<void>, product: Product): Promise<SaveResult<SkuTaken>> {
  try {
    await save();
    return { ok: true, product };
  } catch (error) {
    if (error instanceof DuplicateSkuError) return skuTaken(error.sku);
    throw error;
  }
}

function skuTaken(sku: string): SaveResult<SkuTaken> {
  return { ok: false, error: { kind: 'sku-taken', sku } };
}
