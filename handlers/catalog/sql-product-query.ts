/**
 * A {@link ProductQuery} as one parameterised SELECT: the filters, the sort order and the cursor
 * of domain/product-query.ts, reproduced in SQL so that both repositories return the same page.
 * @module
 */
import type { SqlParam } from '@charter/platform/runtime/data';
import type { ProductQuery, ProductSort } from './domain/product-query.ts';

/** The statement and its parameters. */
export interface SqlStatement {
  readonly text: string;
  readonly params: SqlParam[];
}

interface SortColumn {
  /** The expression sorted by; fixed text, never built from input. */
  readonly expression: string;
  /** How a cursor's key is bound and cast to compare with the expression. */
  readonly bind: (key: string | number) => SqlParam;
  readonly cast: string;
}

const SORT_COLUMNS: Record<string, SortColumn> = {
  price: { expression: 'price_amount', bind: (key) => Number(key), cast: 'bigint' },
  // ICU's root collation is the order Intl.Collator('en') gives the in-memory repository.
  name: { expression: 'name COLLATE "und-x-icu"', bind: (key) => String(key), cast: 'text' },
  // Cursor keys are epoch milliseconds; as ISO text they convert to timestamptz exactly.
  createdAt: {
    expression: 'created_at',
    bind: (key) => new Date(Number(key)).toISOString(),
    cast: 'timestamptz',
  },
};

/**
 * @example
 * const { text, params } = selectProducts({ filter: { category: 'sports' }, sort: 'price', limit: 21 });
 * const rows = await db.query<ProductRow>(text, params);
 */
export function selectProducts(query: ProductQuery): SqlStatement {
  const params: SqlParam[] = [];
  const bind = (value: SqlParam) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  const { filter } = query;
  if (filter.category !== undefined) where.push(`category = ${bind(filter.category)}`);
  if (filter.tags && filter.tags.length > 0) where.push(`tags @> ${bind([...filter.tags])}::text[]`);
  if (filter.minPrice !== undefined) where.push(`price_amount >= ${bind(filter.minPrice)}::numeric`);
  if (filter.maxPrice !== undefined) where.push(`price_amount <= ${bind(filter.maxPrice)}::numeric`);
  if (filter.inStock !== undefined) where.push(filter.inStock ? 'stock > 0' : 'stock <= 0');
  if (filter.q !== undefined) {
    const words = filter.q.toLowerCase().split(/\s+/).filter(Boolean);
    // Every word somewhere in name, description or tags: strpos, so % and _ match themselves;
    // lowered with ICU's case mapping, as JavaScript lowers, whatever the database's locale.
    if (words.length > 0) {
      where.push(
        `NOT EXISTS (SELECT 1 FROM unnest(${bind(words)}::text[]) AS word
          WHERE strpos(lower((name || ' ' || coalesce(description, '') || ' ' || array_to_string(tags, ' ')) COLLATE "und-x-icu"), word) = 0)`,
      );
    }
  }
  const { column, descending } = sortOf(query.sort);
  if (query.after) {
    const key = `${bind(column.bind(query.after.key))}::${column.cast}`;
    const id = bind(query.after.id);
    // Strictly after the position: further along the key, or the same key and a greater id.
    where.push(
      `(${column.expression} ${descending ? '<' : '>'} ${key} OR (${column.expression} = ${key} AND id > ${id}))`,
    );
  }
  const text = [
    `SELECT ${PRODUCT_COLUMNS} FROM products`,
    where.length > 0 ? `WHERE ${where.join(' AND ')}` : '',
    `ORDER BY ${column.expression} ${descending ? 'DESC' : 'ASC'}, id ASC`,
    `LIMIT ${bind(query.limit)}`,
  ]
    .filter(Boolean)
    .join('\n');
  return { text, params };
}

function sortOf(sort: ProductSort): { column: SortColumn; descending: boolean } {
  const column = SORT_COLUMNS[sort.replace(/^-/, '')];
  if (!column) throw new Error(`unknown product sort ${sort}`);
  return { column, descending: sort.startsWith('-') };
}

/** The columns a product is read from, in the shape {@link ProductRow} names. */
export const PRODUCT_COLUMNS =
  'id, sku, name, description, category, tags, price_amount, price_currency, stock, media, created_at, updated_at';
