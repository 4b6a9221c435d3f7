/**
 * The bench contract's request schemas as plain JSON Schema (2020-12), for the peers that take
 * JSON Schema rather than an OpenAPI document (middy's validator).
 * @module
 */

const uuid = { type: 'string', format: 'uuid' } as const;

const orderLine = {
  type: 'object',
  additionalProperties: false,
  required: ['sku', 'quantity', 'unitPriceCents'],
  properties: {
    sku: { type: 'string', pattern: '^[A-Z0-9-]{4,20}$' },
    quantity: { type: 'integer', minimum: 1, maximum: 1000 },
    unitPriceCents: { type: 'integer', minimum: 0 },
  },
};

const address = {
  type: 'object',
  additionalProperties: false,
  required: ['line1', 'city', 'country'],
  properties: {
    line1: { type: 'string', minLength: 1, maxLength: 200 },
    city: { type: 'string', minLength: 1, maxLength: 100 },
    postalCode: { type: 'string', maxLength: 20 },
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
  },
};

export const newOrderSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'currency', 'lines'],
  properties: {
    customerId: uuid,
    currency: { type: 'string', enum: ['EUR', 'USD', 'GBP'] },
    lines: { type: 'array', minItems: 1, maxItems: 50, items: orderLine },
    shipping: address,
    note: { type: ['string', 'null'], maxLength: 500 },
  },
};

export const getItemEventSchema = {
  type: 'object',
  required: ['pathParameters'],
  properties: {
    pathParameters: {
      type: 'object',
      required: ['itemId'],
      properties: { itemId: uuid },
    },
    queryStringParameters: {
      type: ['object', 'null'],
      properties: {
        fields: {
          type: 'array',
          maxItems: 5,
          uniqueItems: true,
          items: { type: 'string', enum: ['name', 'price', 'stock', 'tags', 'updatedAt'] },
        },
        limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
        includeArchived: { type: 'boolean' },
      },
    },
  },
};
