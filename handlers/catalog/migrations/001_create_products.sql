-- The catalog's products. Ids and SKUs compare byte by byte (COLLATE "C") so that the id
-- tie-break orders rows exactly as the in-memory repository does; names sort with ICU's root
-- collation, which is what Intl.Collator('en') uses.
CREATE TABLE products (
  id text COLLATE "C" NOT NULL,
  sku text COLLATE "C" NOT NULL,
  name text NOT NULL,
  description text,
  category text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  price_amount bigint NOT NULL CHECK (price_amount >= 0),
  price_currency char(3) NOT NULL,
  stock integer NOT NULL CHECK (stock >= 0),
  media jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT products_pkey PRIMARY KEY (id),
  -- DuplicateSkuError comes from this constraint, so two concurrent writers cannot share a SKU.
  CONSTRAINT products_sku_key UNIQUE (sku)
);

-- For the listing: its sort orders (each with the id tie-break) and its filters.
CREATE INDEX products_created_at_idx ON products (created_at DESC, id);
CREATE INDEX products_price_idx ON products (price_amount, id);
CREATE INDEX products_name_idx ON products ((name COLLATE "und-x-icu"), id);
CREATE INDEX products_category_idx ON products (category);
CREATE INDEX products_tags_idx ON products USING gin (tags);
