/**
 * A {@link ProductCatalog} from a fixed list, standing in for the catalog SDK.
 * @module
 */
import type { CatalogEntry, ProductCatalog } from './product-catalog.ts';

/**
 * @example new InMemoryProductCatalog({ '3f6c…': { name: 'Trail Runner 2', price, stock: 37 } })
 */
export class InMemoryProductCatalog implements ProductCatalog {
  readonly #entries: ReadonlyMap<string, CatalogEntry>;

  constructor(entries: Readonly<Record<string, CatalogEntry>>) {
    this.#entries = new Map(Object.entries(entries));
  }

  async priceOf(productIds: readonly string[]): Promise<Map<string, CatalogEntry>> {
    const found = new Map<string, CatalogEntry>();
    for (const id of productIds) {
      const entry = this.#entries.get(id);
      if (entry) found.set(id, structuredClone(entry));
    }
    return found;
  }
}
