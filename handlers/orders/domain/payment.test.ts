import { describe, expect, it } from 'vitest';
import type { PaymentMethod, PaymentSummary } from './order.ts';
import { maskVoucher, summarizePayment } from './payment.ts';

const placedAt = new Date('2025-06-03T10:15:00Z');

describe('summarizePayment', () => {
  it.each<[string, { given: PaymentMethod; want: PaymentSummary }]>([
    [
      'a card keeps no token',
      { given: { method: 'card', token: 'tok_4eC39HqLyjWDarjtT1zdp7dc' }, want: { method: 'card' } },
    ],
    [
      'an invoice gets its due date',
      {
        given: { method: 'invoice', purchaseOrder: 'PO-2025-0417', dueInDays: 30 },
        want: { method: 'invoice', purchaseOrder: 'PO-2025-0417', dueDate: '2025-07-03' },
      },
    ],
    [
      'an invoice without a purchase order',
      { given: { method: 'invoice', dueInDays: 7 }, want: { method: 'invoice', dueDate: '2025-06-10' } },
    ],
    [
      'a voucher is masked',
      {
        given: { method: 'voucher', code: 'SPRG-25AB-X9Q1' },
        want: { method: 'voucher', voucherCode: '****-****-X9Q1' },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(summarizePayment(given, placedAt)).toEqual(want);
  });

  it('counts due days in UTC across a month end', () => {
    const late = new Date('2025-01-31T23:30:00Z');
    expect(summarizePayment({ method: 'invoice', dueInDays: 7 }, late)).toEqual({
      method: 'invoice',
      dueDate: '2025-02-07',
    });
  });
});

describe('maskVoucher', () => {
  it.each<[string, string]>([
    ['SPRG-25AB-X9Q1', '****-****-X9Q1'],
    ['ABCD', 'ABCD'],
  ])('%s → %s', (given, want) => {
    expect(maskVoucher(given)).toBe(want);
  });
});
