/**
 * A {@link ProductRepository} in PostgreSQL: PGlite under `charter dev`, Aurora on AWS. Same
 * behaviour as the in-memory one, checked by repository.contract.test.ts against both.
 * @module
 */
import { isUniqueViolation, type SqlExecutor, type SqlParam } from '@charter/platform/runtime/data';
import type { Category, Product } from './domain/product.ts';
import type { ProductQuery } from './domain/product-query.ts';
import { DuplicateSkuError, type ProductRepository } from './repository.ts';
import { PRODUCT_COLUMNS, selectProducts } from './sql-product-query.ts';

/** A row of `products` as both drivers return it. */
interface ProductRow {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly description: string | null;
  readonly category: Category;
  readonly tags: string[];
  readonly price_amount: number | bigint;
  readonly price_currency: string;
  readonly stock: number;
  readonly media: Product['media'];
  readonly created_at: Date;
  readonly updated_at: Date;
}

/**
 * @example const products = new SqlProductRepository(db);
 */
export class SqlProductRepository implements ProductRepository {
  /** @param db a client, or a transaction (seeding inserts through one) */
  constructor(private readonly db: SqlExecutor) {}

  async get(id: string): Promise<Product | undefined> {
    const [row] = await this.db.query<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = $1`, [
      id,
    ]);
    return row && toProduct(row);
  }

  async findBySku(sku: string): Promise<Product | undefined> {
    const [row] = await this.db.query<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products WHERE sku = $1`, [
      sku,
    ]);
    return row && toProduct(row);
  }

  async list(query: ProductQuery): Promise<Product[]> {
    const { text, params } = selectProducts(query);
    return (await this.db.query<ProductRow>(text, params)).map(toProduct);
  }

  async insert(product: Product): Promise<void> {
    await this.#write(
      product,
      `INSERT INTO products (id, sku, name, description, category, tags, price_amount, price_currency,
         stock, media, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9, $10::jsonb, $11::timestamptz, $12::timestamptz)`,
    );
  }

  async update(product: Product): Promise<void> {
    await this.#write(
      product,
      `UPDATE products SET sku = $2, name = $3, description = $4, category = $5, tags = $6::text[],
         price_amount = $7, price_currency = $8, stock = $9, media = $10::jsonb,
         created_at = $11::timestamptz, updated_at = $12::timestamptz
       WHERE id = $1`,
    );
  }

  async #write(product: Product, statement: string): Promise<void> {
    try {
      await this.db.query(statement, toParams(product));
    } catch (error) {
      if (isUniqueViolation(error, 'products_sku_key')) throw new DuplicateSkuError(product.sku);
      throw error;
    }
  }
}

function toParams(product: Product): SqlParam[] {
  return [
    product.id,
    product.sku,
    product.name,
    product.description,
    product.category,
    product.tags,
    product.price.amount,
    product.price.currency,
    product.stock,
    JSON.stringify(product.media),
    product.createdAt,
    product.updatedAt,
  ];
}

function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    category: row.category,
    tags: row.tags,
    price: { amount: Number(row.price_amount), currency: row.price_currency },
    stock: row.stock,
    media: row.media,
    // The same instant as stored, always with milliseconds ('…53Z' comes back as '…53.000Z').
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
