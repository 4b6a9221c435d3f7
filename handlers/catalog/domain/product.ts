/**
 * The product and the rules for creating and changing one: which fields get defaults and how
 * a patch merges. Pure functions over the contract's schema types.
 * @module
 */
import type { components } from '../../../generated/catalog/types.gen.ts';

type Schemas = components['schemas'];

/** A catalog product, exactly as the contract returns it. */
export type Product = Schemas['Product'];
/** Money in the minor unit of its currency. */
export type Money = Schemas['Money'];
/** The shop department a product is listed in. */
export type Category = Schemas['Category'];

/**
 * What a new product is built from. `stock` is optional here although the generated
 * `NewProduct` marks it required (it has a default); bodies are not defaulted at runtime.
 */
export type NewProductInput = Omit<Schemas['NewProduct'], 'stock'> & { readonly stock?: number };

/** Fields to change; an absent field keeps its value, `description: null` clears it. */
export type ProductPatch = Schemas['ProductPatch'];

/**
 * Builds a stored product from a create request, filling the contract's defaults.
 * @example buildProduct({ sku: 'TR2-BLK-42', name: 'Trail Runner 2', category: 'sports', price }, { id, now })
 */
export function buildProduct(
  input: NewProductInput,
  meta: { readonly id: string; readonly now: Date },
): Product {
  const timestamp = meta.now.toISOString();
  return {
    id: meta.id,
    sku: input.sku,
    name: input.name,
    description: input.description ?? null,
    category: input.category,
    tags: [...(input.tags ?? [])],
    price: { ...input.price },
    stock: input.stock ?? 0,
    media: [...(input.media ?? [])],
    createdAt: timestamp,
    updatedAt: timestamp,
  };
}

/**
 * Applies a patch: listed fields replace the old value (`tags` and `media` as whole lists),
 * `id` and `createdAt` never change, `updatedAt` becomes `now`.
 * @example patchProduct(product, { description: null }, new Date())
 */
export function patchProduct(product: Product, patch: ProductPatch, now: Date): Product {
  // Copy field by field so a patch can never smuggle in id or timestamps.
  return {
    id: product.id,
    sku: patch.sku ?? product.sku,
    name: patch.name ?? product.name,
    description: patch.description !== undefined ? patch.description : product.description,
    category: patch.category ?? product.category,
    tags: patch.tags ? [...patch.tags] : product.tags,
    price: patch.price ? { ...patch.price } : product.price,
    stock: patch.stock ?? product.stock,
    media: patch.media ? [...patch.media] : product.media,
    createdAt: product.createdAt,
    updatedAt: now.toISOString(),
  };
}
