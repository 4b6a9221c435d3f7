-- Orders and the idempotency keys they were placed with. Lines, the shipping address and the
-- payment summary are written once when the order is placed and always read with it, so they
-- are kept as JSON documents; what orders are searched and sorted by has its own column.
CREATE TABLE orders (
  id text COLLATE "C" NOT NULL,
  customer_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled')),
  lines jsonb NOT NULL,
  total_amount bigint NOT NULL,
  total_currency char(3) NOT NULL,
  shipping_address jsonb NOT NULL,
  payment jsonb NOT NULL,
  placed_at timestamptz NOT NULL,
  cancelled_at timestamptz,
  cancel_reason text,
  CONSTRAINT orders_pkey PRIMARY KEY (id)
);

-- "My orders": one customer's, newest first, ties broken by id.
CREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at DESC, id);

-- A key belongs to one customer; two customers may pick the same one. The unique constraint is
-- what stops two concurrent retries from both placing an order.
CREATE TABLE order_idempotency_keys (
  customer_id text NOT NULL,
  idempotency_key text NOT NULL,
  fingerprint text NOT NULL,
  order_id text COLLATE "C" NOT NULL REFERENCES orders (id),
  created_at timestamptz NOT NULL,
  CONSTRAINT order_idempotency_keys_customer_key UNIQUE (customer_id, idempotency_key)
);
