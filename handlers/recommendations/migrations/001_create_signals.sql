-- The signals recommendations are computed from. An offline job writes them; the API only reads.
-- Lists keep their order (arrays, JSON arrays, or a rank), as the in-memory repository does.

-- A row per known catalog product, even one without signals: "known, nothing to say" differs
-- from "unknown product".
CREATE TABLE product_signals (
  product_id text NOT NULL,
  -- [{"productId": "...", "weight": 0.81}, ...]
  similar_products jsonb NOT NULL DEFAULT '[]',
  -- [{"productId": "...", "count": 48}, ...]
  bought_together jsonb NOT NULL DEFAULT '[]',
  CONSTRAINT product_signals_pkey PRIMARY KEY (product_id)
);

CREATE TABLE trending_products (
  rank integer NOT NULL,
  product_id text NOT NULL,
  weight double precision NOT NULL,
  CONSTRAINT trending_products_pkey PRIMARY KEY (rank),
  CONSTRAINT trending_products_product_key UNIQUE (product_id)
);

CREATE TABLE shopper_histories (
  user_id text NOT NULL,
  purchased text[] NOT NULL DEFAULT '{}',
  viewed text[] NOT NULL DEFAULT '{}',
  CONSTRAINT shopper_histories_pkey PRIMARY KEY (user_id)
);

CREATE TABLE session_views (
  session_id text NOT NULL,
  product_ids text[] NOT NULL DEFAULT '{}',
  CONSTRAINT session_views_pkey PRIMARY KEY (session_id)
);
